// Text the queue shows about errors, authors and durations.
import { t } from './i18n/t.ts';
import type { AdminComment } from './types.ts';

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : t('errorGeneric'));
export const nameOf = (c: AdminComment): string => c.author.name || t('anonymous');

export function durationText(seconds: number): string {
  if (seconds % 86400 === 0) return t('days', { count: seconds / 86400 });
  if (seconds % 3600 === 0) return t('hours', { count: seconds / 3600 });
  return t('minutes', { count: Math.round(seconds / 60) });
}
