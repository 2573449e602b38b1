// Fixed-window counters: in memory for one node, in Redis when nodes share limits.
import type { Redis } from 'ioredis';
import { AppError } from './errors.ts';

export interface Limit {
  /** What is limited, e.g. "comment:visitor"; part of the counter's key. */
  name: string;
  max: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Counts one hit on `key`; returns 0 when allowed, else how many ms until it would be. */
  hit(limit: Limit, key: string): Promise<number>;
  close(): Promise<void>;
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let sweepAt = now() + 60_000;
  return {
    async hit(limit, key) {
      const at = now();
      if (at > sweepAt) {
        // Expired windows go in one pass a minute, not one timer each.
        for (const [k, w] of windows) if (w.resetAt <= at) windows.delete(k);
        sweepAt = at + 60_000;
      }
      const id = `${limit.name}\0${key}`;
      let window = windows.get(id);
      if (!window || window.resetAt <= at) windows.set(id, (window = { count: 0, resetAt: at + limit.windowMs }));
      window.count++;
      return window.count > limit.max ? window.resetAt - at : 0;
    },
    async close() {},
  };
}

// INCR and set the expiry on the first hit, atomically; returns [count, ms left].
const SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return { count, ttl }`;

/** Fails open: while Redis is unreachable, writes go through rather than all failing. */
export function createRedisRateLimiter(redis: Redis, onError: (error: unknown) => void): RateLimiter {
  redis.on('error', onError);
  return {
    async hit(limit, key) {
      try {
        const [count, ttl] = (await redis.eval(SCRIPT, 1, `colloquy:rl:${limit.name}:${key}`, limit.windowMs)) as [number, number];
        return count > limit.max ? Math.max(ttl, 1) : 0;
      } catch (error) {
        onError(error);
        return 0;
      }
    },
    async close() {
      await redis.quit().catch(() => {});
    },
  };
}

/** Checks every limit for its key; the first exceeded one answers 429 with Retry-After. */
export async function enforce(limiter: RateLimiter, checks: Array<[Limit, string | null]>): Promise<void> {
  for (const [limit, key] of checks) {
    if (key === null) continue;
    const waitMs = await limiter.hit(limit, key);
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError(429, 'rate_limited', `Too many requests; try again in ${seconds} s`, undefined, { 'Retry-After': String(seconds) });
    }
  }
}
