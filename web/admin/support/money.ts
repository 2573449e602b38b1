// Amounts and days between the console's inputs and the API: the API counts integer minor
// units (cents) and ISO times; people type "5,000" or "12.50" and pick days.
import { formatMoney, minorDigits, safeLocale } from '../../../src/support/format.ts';

export const consoleLocale = (): string => safeLocale(typeof navigator === 'undefined' ? 'en' : navigator.language);

/** "5,000.50" in USD → 500050; "-20" → -2000; null when it is not an amount in that currency. */
export function toMinor(text: string, currency: string): number | null {
  const digits = safeDigits(currency);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.replace(/[\s,_]/g, ''));
  if (!m || (m[3] ?? '').length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number((m[3] ?? '').padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) ? (m[1] ? -minor : minor) : null;
}

/** 500050 USD → "5000.5": what an amount input shows for a stored amount. */
export function toMajor(minor: number, currency: string): string {
  return String(minor / 10 ** safeDigits(currency));
}

export const money = (minor: number, currency: string): string => {
  try {
    return formatMoney(minor, currency, consoleLocale());
  } catch {
    return `${minor} ${currency}`;
  }
};

function safeDigits(currency: string): number {
  try {
    return minorDigits(currency);
  } catch {
    return 2; // not a currency (yet): the server will say so
  }
}

/** An ISO time → the YYYY-MM-DD a date input shows (UTC). */
export const dayOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');
/** A date input's YYYY-MM-DD → the start of that UTC day; undefined when empty. */
export const startOfDay = (day: string): string | undefined => (day ? `${day}T00:00:00.000Z` : undefined);
/** The day after (for an inclusive "to" date as the API's exclusive bound). */
export const endOfDay = (day: string): string | undefined => (day ? new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined);
