// SQL for what the console shows of webhooks: failures (signature or processing) and the
// record of events received.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';

const KEEP_MS = 30 * 86_400_000;

export function createWebhookStore(db: Db) {
  return {
    /** Anyone can post to the webhook: failures are kept for 30 days only, so junk cannot pile up. */
    async recordFailure(provider: string, reason: string, at = Date.now()): Promise<void> {
      await db.insertInto('support_webhook_failures').values({ id: newId(at), provider, reason: reason.slice(0, 500), at }).execute();
      await db.deleteFrom('support_webhook_failures').where('provider', '=', provider).where('at', '<', at - KEEP_MS).execute();
    },

    async status(provider: string, since: number) {
      const [last, counts, failures, recentFailures, deferred] = await Promise.all([
        db.selectFrom('support_webhook_events').select(['id', 'type', 'status', 'detail', 'received_at']).where('provider', '=', provider).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
        db.selectFrom('support_webhook_events').select(['status', sql<number>`count(*)`.as('n')]).where('provider', '=', provider).groupBy('status').execute(),
        db.selectFrom('support_webhook_failures').select(sql<number>`count(*)`.as('n')).where('provider', '=', provider).where('at', '>=', since).executeTakeFirst(),
        db.selectFrom('support_webhook_failures').select(['reason', 'at']).where('provider', '=', provider).orderBy('at', 'desc').orderBy('id', 'desc').limit(10).execute(),
        db.selectFrom('support_webhook_events').select(['id', 'type', 'ref', 'received_at']).where('provider', '=', provider).where('status', '=', 'deferred').orderBy('received_at').limit(50).execute(),
      ]);
      return { last, counts, failuresSince: Number(failures?.n ?? 0), recentFailures, deferred };
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
