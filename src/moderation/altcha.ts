// ALTCHA proof of work for guests (altcha-lib, v2 challenge format, SHA-256). The server hands
// out a signed challenge; the browser tries counters from 0 until SHA-256(salt ‖ nonce ‖
// counter) starts with the challenge's key prefix, which only the counter the server picked
// (between minCounter and maxCounter) gives; the comment carries the solution as `altcha`.
// Verifying costs two synchronous HMACs (altcha-verify.ts). Each solved challenge works once:
// its nonce goes into a replay store until the challenge expires (in memory for one node,
// Redis for many).
import { createHmac, createSecretKey } from 'node:crypto';
import { createChallenge, randomInt, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Redis } from 'ioredis';
import { verifySignedSolution, type Solution } from './altcha-verify.ts';

export type { Challenge as AltchaChallenge } from 'altcha-lib';

export type AltchaFailure = 'missing' | 'malformed' | 'expired' | 'invalid' | 'replayed' | 'wrong-site';
export type AltchaVerdict = { ok: true } | { ok: false; failure: AltchaFailure };

/** Remembers used challenges until they expire. */
export interface AltchaReplayStore {
  /** Marks challenge `id` used; false when it already was. `expiresAt` is ms since the epoch. */
  use(id: string, expiresAt: number): Promise<boolean> | boolean;
}

/** What the bots phase needs: a verdict on a payload, consuming it unless `consume` is false. */
export interface AltchaVerifier {
  verify(payload: string | null | undefined, siteId: string | undefined, options?: { consume?: boolean }): Promise<AltchaVerdict>;
}

export interface AltchaOptions {
  /** HMAC key that signs challenges (config ALTCHA_HMAC_KEY). */
  hmacKey: string;
  store?: AltchaReplayStore;
  /** The counter the browser must find lies in [minCounter, maxCounter]; each try is one
   * SHA-256, so the work is on average (minCounter + maxCounter) / 2 hashes. */
  minCounter?: number;
  maxCounter?: number;
  /** Seconds a challenge stays solvable. */
  expiresSeconds?: number;
  now?: () => number;
}

const MAX_PAYLOAD = 4096;

export function createAltcha(options: AltchaOptions): AltchaVerifier & { challenge(siteId?: string): Promise<Challenge> } {
  const { hmacKey, minCounter = 5_000, maxCounter = 40_000, expiresSeconds = 20 * 60, now = Date.now } = options;
  const store = options.store ?? createMemoryReplayStore({ now });
  if (!hmacKey) throw new Error('ALTCHA needs an HMAC key');
  if (!(Number.isInteger(minCounter) && Number.isInteger(maxCounter) && minCounter >= 0 && maxCounter >= minCounter)) {
    throw new Error('ALTCHA counters must be whole numbers with 0 ≤ minCounter ≤ maxCounter');
  }
  // A second secret signs the expected key, so verifying needs no hashing of the solution.
  const keySecret = createHmac('sha256', hmacKey).update('colloquy altcha key signature').digest('hex');
  const verifyKeys = { hmacKey: createSecretKey(Buffer.from(hmacKey)), keySecret: createSecretKey(Buffer.from(keySecret)) };

  return {
    async challenge(siteId) {
      return createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(maxCounter, minCounter),
        deriveKey,
        data: siteId ? { site: siteId } : undefined,
        expiresAt: Math.floor(now() / 1000) + expiresSeconds,
        hmacSignatureSecret: hmacKey,
        hmacKeySignatureSecret: keySecret,
      });
    },

    async verify(payload, siteId, { consume = true } = {}) {
      if (!payload) return { ok: false, failure: 'missing' };
      const parsed = parsePayload(payload);
      if (!parsed) return { ok: false, failure: 'malformed' };
      const { challenge, solution } = parsed;
      const expiresAt = challenge.parameters.expiresAt;
      // Challenges without an expiry are not ours (ours always have one) and could be replayed forever.
      if (typeof expiresAt !== 'number') return { ok: false, failure: 'invalid' };
      if (expiresAt * 1000 < now()) return { ok: false, failure: 'expired' };
      if (!verifySignedSolution(challenge, solution, verifyKeys.hmacKey, verifyKeys.keySecret)) return { ok: false, failure: 'invalid' };
      const boundTo = challenge.parameters.data?.site;
      if (siteId !== undefined && boundTo !== undefined && boundTo !== siteId) return { ok: false, failure: 'wrong-site' };
      if (consume && !(await store.use(challenge.parameters.nonce, expiresAt * 1000))) return { ok: false, failure: 'replayed' };
      return { ok: true };
    },
  };
}

interface Payload {
  challenge: Challenge;
  solution: Solution;
}

/** The widget's `altcha` field: base64 of {"challenge": {...}, "solution": {"counter", "derivedKey"}}. */
function parsePayload(payload: string): Payload | null {
  if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD || !/^[A-Za-z0-9+/=_-]+$/.test(payload)) return null;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Payload;
    const p = value?.challenge?.parameters;
    if (!p || typeof p !== 'object' || typeof p.nonce !== 'string' || typeof value.challenge.signature !== 'string') return null;
    if (!value.solution || typeof value.solution !== 'object') return null;
    return value;
  } catch {
    return null;
  }
}

export interface MemoryReplayOptions {
  /** Most challenges remembered; when full, expired ones go, then the oldest (which could then
   * be replayed until they expire: size it above the challenges solved per expiry period). */
  maxEntries?: number;
  now?: () => number;
}

export function createMemoryReplayStore({ maxEntries = 100_000, now = Date.now }: MemoryReplayOptions = {}): AltchaReplayStore & { size(): number } {
  const used = new Map<string, number>();
  return {
    use(id, expiresAt) {
      const at = now();
      const known = used.get(id);
      if (known !== undefined && known > at) return false;
      if (used.size >= maxEntries) {
        for (const [key, until] of used) if (until <= at) used.delete(key);
        for (const key of used.keys()) {
          if (used.size < maxEntries) break;
          used.delete(key);
        }
      }
      used.delete(id);
      used.set(id, expiresAt);
      return true;
    },
    size: () => used.size,
  };
}

/** Shared across nodes: SET NX with the challenge's remaining lifetime. Fails open like the
 * rate limiter: while Redis is unreachable a verified solution counts (replays are possible
 * for that time) rather than every guest's comment failing. */
export function createRedisReplayStore(
  redis: Pick<Redis, 'set'>,
  { now = Date.now, prefix = 'colloquy:altcha:', onError = (_error: unknown) => {} } = {},
): AltchaReplayStore {
  return {
    async use(id, expiresAt) {
      const ttl = Math.max(1, Math.ceil(expiresAt - now()));
      try {
        return (await redis.set(`${prefix}${id}`, '1', 'PX', ttl, 'NX')) === 'OK';
      } catch (error) {
        onError(error);
        return true;
      }
    },
  };
}
