// Time-sortable ids: 10 characters of milliseconds and 6 random ones, Crockford base32.
// Fixed length, so sorting ids (and paths of ids) as text sorts them by creation time.
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_LENGTH = 16;
const RANDOM_SPACE = 32 ** 6;

// Within one millisecond the random part counts up from a random start, so that two
// comments posted in the same millisecond still sort in the order they were made.
let lastTime = -1;
let lastRandom = 0;

function randomPart(now: number): number {
  const next = now === lastTime ? lastRandom + 1 : RANDOM_SPACE;
  lastTime = now;
  lastRandom = next < RANDOM_SPACE ? next : randomInt(RANDOM_SPACE);
  return lastRandom;
}

function base32(value: number, length: number): string {
  let out = '';
  for (let i = 0, v = value; i < length; i++, v = Math.floor(v / 32)) out = ALPHABET[v % 32] + out;
  return out;
}

export function newId(now = Date.now()): string {
  return base32(now, 10) + base32(randomPart(now), 6);
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length === ID_LENGTH && /^[0-9A-HJKMNP-TV-Z]+$/.test(value);
}

/** The millisecond timestamp an id was made at. */
export function idTime(id: string): number {
  let t = 0;
  for (let i = 0; i < 10; i++) t = t * 32 + ALPHABET.indexOf(id[i]);
  return t;
}
