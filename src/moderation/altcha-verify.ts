// Verifying an ALTCHA v2 solution with node:crypto's synchronous HMAC. It checks what
// altcha-lib's verifySolution checks on its fast path (a challenge that carries a key
// signature, as ours always do), on the same wire format: the library computes each HMAC with
// WebCrypto, whose importKey and sign calls each hop to the thread pool, so one verification
// waited on four hops (p99 1.7 ms on a busy server) for two HMACs of a few microseconds.
// altcha-verify.test.ts holds the two to the same verdicts.
import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Challenge } from 'altcha-lib';

export interface Solution {
  counter: unknown;
  derivedKey: unknown;
}

const MAX_COUNTER = 0xffffffff;
const LOWER_HEX = /^(?:[0-9a-f]{2})+$/;

/** JSON.stringify of the value with object keys sorted at every depth (arrays kept as they
 * are, undefined members left out), as altcha-lib signs it; written directly, without the
 * sorted copy the library builds first. */
function sortedJson(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    out += `${out ? ',' : '{'}${JSON.stringify(key)}:${sortedJson(record[key])}`;
  }
  return out ? `${out}}` : '{}';
}

/** Keys as KeyObjects (made once) spare each HMAC converting the key string again. */
export type HmacKey = string | KeyObject;

const hmacHex = (secret: HmacKey, data: string | Buffer) => createHmac('sha256', secret).update(data).digest('hex');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when the challenge's parameters carry our signature and the solution's derived key
 * carries our key signature (only the right counter gives that key). Expiry, site binding and
 * replays are the caller's checks.
 */
export function verifySignedSolution(challenge: Challenge, solution: Solution, hmacKey: HmacKey, keySecret: HmacKey): boolean {
  const { keySignature } = challenge.parameters;
  if (typeof challenge.signature !== 'string' || typeof keySignature !== 'string') return false;
  const { counter, derivedKey } = solution;
  if (typeof derivedKey !== 'string' || !LOWER_HEX.test(derivedKey)) return false;
  if (!Number.isInteger(counter) || (counter as number) < 0 || (counter as number) > MAX_COUNTER) return false;
  if (!sameText(hmacHex(hmacKey, sortedJson(challenge.parameters)), challenge.signature)) return false;
  return sameText(hmacHex(keySecret, Buffer.from(derivedKey, 'hex')), keySignature);
}
