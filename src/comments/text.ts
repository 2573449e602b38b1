// Untrusted text → the form we store: NFC, no control characters, trimmed, bounded.
import { badRequest } from '../platform/errors.ts';

// C0/C1 controls except tab and newline, plus bidi overrides and other invisible format
// characters that make text lie about itself. Zero-width (non-)joiners stay: emoji
// sequences and Persian or Indic spelling need them.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').normalize('NFC').replace(CONTROL, '');
}

export interface TextRule {
  field: string;
  max: number;
  multiline?: boolean;
}

/** Cleans and checks one field; throws a 400 naming the field. */
export function requireText(value: string, rule: TextRule): string {
  let cleaned = cleanText(value);
  if (!rule.multiline) cleaned = cleaned.replace(/\s+/g, ' ');
  cleaned = cleaned.trim();
  // Joiners are kept for emoji and scripts, but text of joiners alone shows nothing.
  if (!cleaned.replace(/[\u200C\u200D]/g, '').trim()) throw badRequest('empty', `${rule.field} must not be empty`, rule.field);
  if ([...cleaned].length > rule.max) {
    throw badRequest('too_long', `${rule.field} must be at most ${rule.max} characters`, rule.field);
  }
  return cleaned;
}

export function optionalText(value: string | undefined, rule: TextRule): string | null {
  if (value === undefined) return null;
  const cleaned = cleanText(value).trim();
  return cleaned ? requireText(cleaned, rule) : null;
}
