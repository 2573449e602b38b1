// Time-sortable ids: 10 characters of milliseconds and 6 random ones, Crockford base32.
// Fixed length, so sorting ids (and paths of ids) as text sorts them by creation time.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_LENGTH = 16;

export function newId(now = Date.now()): string {
  let time = '';
  for (let i = 0, t = now; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  let random = '';
  for (let i = 0; i < 6; i++) random += ALPHABET[randomInt(32)];
  return time + random;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length === ID_LENGTH && /^[0-9A-HJKMNP-TV-Z]+$/.test(value);
}
