// E-mail addresses as we accept them: one address, nothing a mail header could be split on.
import { badRequest } from '../platform/errors.ts';
import { cleanText } from '../comments/text.ts';

export const EMAIL_MAX = 254;
// No whitespace (CR/LF above all), quotes, angle brackets, commas or semicolons: the address
// goes into a To: header as it is, and these are what would add a second recipient or header.
const EMAIL = /^[^\s@<>()",;:\\[\]]{1,64}@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/** The cleaned address, or a 400 naming `field`. */
export function requireEmail(value: string, field: string): string {
  const cleaned = cleanText(value).trim();
  if (!cleaned) throw badRequest('empty', `${field} must not be empty`, field);
  if (cleaned.length > EMAIL_MAX || !EMAIL.test(cleaned)) throw badRequest('invalid_email', `${field} is not an e-mail address`, field);
  return cleaned;
}

/** The form that is unique per site. */
export function emailKey(email: string): string {
  return email.toLowerCase();
}
