// Flood limits for writes, per browser identity and per IP. IP limits are looser:
// many readers can share one address (offices, mobile carriers).
import { enforce, type Limit, type RateLimiter } from '../platform/rate-limit.ts';
import { actorKey, type Actor } from './service.ts';

const minute = 60_000;
const hour = 60 * minute;

const limits = {
  post: {
    visitor: [{ name: 'post:visitor:m', max: 5, windowMs: minute }, { name: 'post:visitor:h', max: 40, windowMs: hour }],
    ip: [{ name: 'post:ip:m', max: 20, windowMs: minute }, { name: 'post:ip:h', max: 200, windowMs: hour }],
  },
  vote: {
    visitor: [{ name: 'vote:visitor:m', max: 60, windowMs: minute }],
    ip: [{ name: 'vote:ip:m', max: 300, windowMs: minute }],
  },
  change: {
    visitor: [{ name: 'change:visitor:m', max: 20, windowMs: minute }],
    ip: [{ name: 'change:ip:m', max: 60, windowMs: minute }],
  },
  // Reader reports (moderation/report-routes.ts): a reader flags a few comments, not dozens.
  report: {
    visitor: [{ name: 'report:visitor:m', max: 10, windowMs: minute }, { name: 'report:visitor:h', max: 60, windowMs: hour }],
    ip: [{ name: 'report:ip:m', max: 30, windowMs: minute }],
  },
} satisfies Record<string, { visitor: Limit[]; ip: Limit[] }>;

export type WriteKind = keyof typeof limits;

export function limitWrites(limiter: RateLimiter | null) {
  return async (kind: WriteKind, actor: Actor) => {
    if (!limiter) return;
    const { visitor, ip } = limits[kind];
    await enforce(limiter, [...visitor.map((l): [Limit, string | null] => [l, actorKey(actor)]), ...ip.map((l): [Limit, string | null] => [l, actor.ipHash])]);
  };
}
