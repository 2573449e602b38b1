// Relative ("5 minutes ago") and full dates in the catalogue's locale.
import { locale, t } from './i18n/t.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60],
];
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });

export function ago(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  if (!Number.isFinite(seconds)) return iso;
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return t('justNow');
}

export function fullDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : full.format(d);
}

/** "2 minutes", "1 hour" for a Retry-After in seconds. */
export function waitFor(seconds: number): string {
  if (seconds < 60) return t('seconds', { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) return t('minutes', { count: Math.ceil(seconds / 60) });
  return t('hours', { count: Math.ceil(seconds / 3600) });
}
