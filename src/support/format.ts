// Money and the goal bar's figures, for the server-rendered HTML and for support.js alike
// (this file is bundled into the bar, so it stays small and has no dependencies).
// Amounts are integer minor units; Intl knows each currency's decimals and each locale's
// symbol position and separators.

/** Decimals of a currency's minor unit: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 89500 USD in en-US → "$895"; cents are shown only when the amount has some. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const scale = 10 ** digits;
  const whole = minor % scale === 0;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  }).format(minor / scale);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Whole percent of the goal reached, floored; may pass 100. */
export function percentOf(raised: number, goal: number): number {
  return goal > 0 ? Math.max(0, Math.floor((raised * 100) / goal)) : 0;
}

const DAY = 86_400_000;

/** Days until `endsAt`, counting a started day as one; 0 once ended; null without an end. */
export function daysLeft(endsAt: number | null, now: number): number | null {
  return endsAt === null ? null : Math.max(0, Math.ceil((endsAt - now) / DAY));
}

/** A locale Intl accepts, falling back to en. */
export function safeLocale(locale: string | null | undefined): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale || 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}
