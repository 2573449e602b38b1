// The outbox at a glance (global admins: it serves every site): how much waits, what was
// given up on and why, and a retry for a failed item.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { conflict, notFound } from '../../platform/errors.ts';
import { ADMIN_PREFIX } from '../../staff/guard.ts';
import type { OutboxRow } from '../outbox-store.ts';
import type { NotifyAdminDeps } from './routes.ts';
import { IdParams } from './schema.ts';

const tags = ['admin'];
const SHOWN = 50;

/** One line saying what the row is, for people: never the message body. */
function summary(row: OutboxRow): string {
  const payload = JSON.parse(row.payload) as Record<string, unknown>;
  if (row.kind === 'email') return `${String(payload.to)}: ${String(payload.subject)}`;
  if (row.kind === 'webhook') return `${String(payload.event)} → endpoint ${String(payload.endpointId)}`;
  return `${String(payload.type)} ${String(payload.commentId)}`;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function outboxItem(row: OutboxRow) {
  const state = row.sent_at !== null ? 'sent' : row.failed_at !== null ? 'failed' : 'pending';
  return {
    id: row.id, kind: row.kind, state, summary: summary(row), attempts: row.attempts, lastError: row.last_error,
    createdAt: iso(row.created_at), nextAttemptAt: state === 'pending' ? iso(row.next_attempt_at) : null, failedAt: iso(row.failed_at),
  };
}

export async function outboxRoutes(app: FastifyInstance, { guard, notify }: NotifyAdminDeps): Promise<void> {
  const { outbox } = notify;

  app.get(`${ADMIN_PREFIX}/outbox`, { schema: { tags, summary: 'Outbox counts, and the newest pending and failed items (global admin)' } }, async (request) => {
    guard.requireGlobalAdmin(request);
    const [counts, pending, failed] = await Promise.all([outbox.counts(), outbox.inState('pending', SHOWN), outbox.inState('failed', SHOWN)]);
    return { counts, pending: pending.map(outboxItem), failed: failed.map(outboxItem) };
  });

  app.post(`${ADMIN_PREFIX}/outbox/:id/retry`, { schema: { tags, summary: 'Try a failed item again from its first attempt (global admin)', params: IdParams } }, async (request) => {
    guard.requireGlobalAdmin(request);
    const { id } = request.params as Static<typeof IdParams>;
    if (!(await outbox.retry(id, Date.now()))) {
      if (!(await outbox.find(id))) throw notFound('outbox_item_not_found', 'No such outbox item');
      throw conflict('not_failed', 'Only a failed item can be retried');
    }
    notify.worker.wake();
    return { item: outboxItem((await outbox.find(id))!) };
  });
}
