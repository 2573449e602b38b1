// The duplicates phase's store in Redis (used when REDIS_URL is set): every node sees every
// node's comments, under their ids. One sorted set per LSH band and per author identity
// (member: comment id, score: time), and one entry per comment with its fingerprint, all
// expiring after the site's longest duplicate window. A check and a record are one Lua script
// each, so one round trip, and nothing touches the database's write path. Keys of a site
// share a hash tag, so the scripts also run on Redis Cluster.
//
// Fails open like the rate limiter: while Redis is unreachable, no duplicate is found and
// nothing is recorded, rather than every comment failing.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FingerprintEntry, FingerprintStore, StoredFingerprint } from './duplicate-store.ts';
import { SLOTS } from './fingerprint.ts';

export interface RedisFingerprintStoreOptions {
  /** Key prefix; tests give each run its own. */
  prefix?: string;
  /** Most comments kept per band and per author key (the newest): bounds the work per check
   * even when a campaign posts thousands of copies (a few dozen show it is one). */
  perKey?: number;
  onError?: (error: unknown) => void;
}

// KEYS: the entry, then its index keys. ARGV: comment id, time, keepMs, perKey, payload.
const ADD = `
redis.call('SET', KEYS[1], ARGV[5], 'PX', ARGV[3])
local oldest = tonumber(ARGV[2]) - tonumber(ARGV[3])
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. oldest)
  redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(tonumber(ARGV[4]) + 1))
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
return 1`;

// KEYS: index keys. ARGV: since, perKey, entry key prefix. Returns id, payload, id, payload…
const CANDIDATES = `
local seen, ids, entries = {}, {}, {}
for i = 1, #KEYS do
  for _, id in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[i], '+inf', ARGV[1], 'LIMIT', 0, ARGV[2])) do
    if not seen[id] then
      seen[id] = true
      ids[#ids + 1] = id
      entries[#entries + 1] = ARGV[3] .. id
    end
  end
end
if #ids == 0 then return {} end
local values = redis.call('MGET', unpack(entries))
local out = {}
for i, id in ipairs(ids) do
  if values[i] then
    out[#out + 1] = id
    out[#out + 1] = values[i]
  end
end
return out`;

interface Payload {
  at: number;
  authorKeys: string[];
  exact: string;
  /** 64 little-endian uint32 slots, base64. */
  minhash: string;
  length: number;
}

function encodeMinhash(minhash: Uint32Array): string {
  return Buffer.from(minhash.buffer, minhash.byteOffset, minhash.byteLength).toString('base64');
}

function decodeMinhash(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const minhash = new Uint32Array(SLOTS);
  for (let i = 0; i < SLOTS; i++) minhash[i] = bytes.readUInt32LE(i * 4);
  return minhash;
}

/** EVALSHA, loading the script on the first NOSCRIPT (after a Redis restart too). */
function script(redis: Redis, source: string) {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (keys: string[], args: Array<string | number>): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).includes('NOSCRIPT')) throw error;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
}

/** A band's key beside the author keys ("visitor:…", "ip:…"), which never start "b:". */
const bandKey = (band: number) => `b:${band}`;

export function createRedisFingerprintStore(redis: Redis, options: RedisFingerprintStoreOptions = {}): FingerprintStore {
  // v2: one-permutation fingerprints; entries of the earlier format are not comparable.
  const { prefix = 'colloquy:dup2:', perKey = 64, onError = () => {} } = options;
  const add = script(redis, ADD);
  const candidates = script(redis, CANDIDATES);
  const site = (siteId: string) => `${prefix}{${siteId}}:`;

  return {
    async candidates({ siteId, bands, authorKeys, since }) {
      const keys = [...bands.map(bandKey), ...authorKeys].map((key) => `${site(siteId)}k:${key}`);
      if (keys.length === 0) return [];
      try {
        const flat = (await candidates(keys, [since, perKey, `${site(siteId)}e:`])) as string[];
        const found: StoredFingerprint[] = [];
        for (let i = 0; i < flat.length; i += 2) {
          const payload = JSON.parse(flat[i + 1]) as Payload;
          found.push({ commentId: flat[i], siteId, at: payload.at, authorKeys: payload.authorKeys, exact: payload.exact, minhash: decodeMinhash(payload.minhash), length: payload.length });
        }
        return found;
      } catch (error) {
        onError(error);
        return [];
      }
    },

    async add(entry: FingerprintEntry, keepMs: number) {
      const payload: Payload = { at: entry.at, authorKeys: entry.authorKeys, exact: entry.exact, minhash: encodeMinhash(entry.minhash), length: entry.length };
      const keys = [...new Set([...entry.bands.map(bandKey), ...entry.authorKeys])].map((key) => `${site(entry.siteId)}k:${key}`);
      try {
        await add([`${site(entry.siteId)}e:${entry.commentId}`, ...keys], [entry.commentId, entry.at, Math.max(1, Math.ceil(keepMs)), perKey, JSON.stringify(payload)]);
      } catch (error) {
        onError(error);
      }
    },
  };
}
