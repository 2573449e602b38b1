// The only SQL for the outbox table. Rows are inserted inside the caller's transaction; a
// worker claims due rows with one UPDATE that re-checks the lease, so on either engine two
// nodes never hold the same row at once.
import { sql, type Transaction } from 'kysely';
import type { Db, Engine } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import type { Database } from '../platform/schema.ts';
import type { OutboxKind, OutboxTable } from './tables.ts';

/** A database handle or an open transaction: outbox rows join the caller's transaction. */
export type Executor = Db | Transaction<Database>;
export type OutboxRow = OutboxTable;

export interface NewOutboxRow {
  kind: OutboxKind;
  dedupeKey: string;
  payload: unknown;
  /** Not before this time (epoch ms); default now. */
  notBefore?: number;
}

/** Inserts the row unless one with its dedupe key exists; true when it was inserted. */
export async function insertOutbox(db: Executor, row: NewOutboxRow, at = Date.now()): Promise<boolean> {
  const result = await db
    .insertInto('outbox')
    .values({
      id: newId(at),
      kind: row.kind,
      dedupe_key: row.dedupeKey,
      payload: JSON.stringify(row.payload),
      attempts: 0,
      next_attempt_at: row.notBefore ?? at,
      locked_until: 0,
      locked_by: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
      created_at: at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Deletes e-mails not yet sent to `to` whose dedupe key (as enqueued, without the outbox's
 * "email:") is one of `keys` or matches one of the LIKE `patterns`: the sender names which of
 * its mails they are, and the address makes sure no one else's goes. Returns how many went.
 */
export async function cancelUnsentEmails(ex: Executor, to: string, keys: string[], patterns: string[]): Promise<number> {
  if (!keys.length && !patterns.length) return 0;
  const rows = await ex
    .selectFrom('outbox')
    .select(['id', 'payload'])
    .where('kind', '=', 'email')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([...(keys.length ? [eb('dedupe_key', 'in', keys.map((k) => `email:${k}`))] : []), ...patterns.map((p) => eb('dedupe_key', 'like', `email:${p}`))]))
    .execute();
  const address = to.toLowerCase();
  const ids = rows.filter((row) => String((JSON.parse(row.payload) as { to?: unknown }).to).toLowerCase() === address).map((row) => row.id);
  if (ids.length) await ex.deleteFrom('outbox').where('id', 'in', ids).execute();
  return ids.length;
}

const ERROR_MAX = 1000;

export function createOutboxStore(db: Db, engine: Engine) {
  /** Ends a claim: only the node holding it may, so a node whose lease ran out changes nothing. */
  async function release(id: string, node: string, changes: Partial<OutboxRow>): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ ...changes, locked_until: 0, locked_by: null })
      .where('id', '=', id)
      .where('locked_by', '=', node)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  return {
    /**
     * Claims up to `limit` due rows for `node` until `now + leaseMs`, counting an attempt on
     * each. The outer WHERE repeats `locked_until < now`: on PostgreSQL a row another node
     * claimed meanwhile is re-checked after its lock and skipped; SQLite runs one writer at once.
     */
    async claim(node: string, now: number, leaseMs: number, limit: number): Promise<OutboxRow[]> {
      let due = db
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where('locked_until', '<', now)
        .orderBy('next_attempt_at')
        .limit(limit);
      if (engine === 'postgres') due = due.forUpdate().skipLocked();
      return db
        .updateTable('outbox')
        .set((eb) => ({ locked_by: node, locked_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', due)
        .where('locked_until', '<', now)
        .where('sent_at', 'is', null)
        .returningAll()
        .execute();
    },

    markSent(id: string, node: string, at: number): Promise<boolean> {
      return release(id, node, { sent_at: at, last_error: null });
    },

    retryLater(id: string, node: string, nextAt: number, error: string): Promise<boolean> {
      return release(id, node, { next_attempt_at: nextAt, last_error: error.slice(0, ERROR_MAX) });
    },

    giveUp(id: string, node: string, at: number, error: string): Promise<boolean> {
      return release(id, node, { failed_at: at, last_error: error.slice(0, ERROR_MAX) });
    },

    byKey(dedupeKey: string): Promise<OutboxRow | undefined> {
      return db.selectFrom('outbox').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    },

    find(id: string): Promise<OutboxRow | undefined> {
      return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Newest first, for the console and tests. */
    recent(limit: number, kind?: OutboxKind): Promise<OutboxRow[]> {
      let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit);
      if (kind) query = query.where('kind', '=', kind);
      return query.execute();
    },

    /** An endpoint's webhook deliveries, newest first (their dedupe keys start with its id). */
    forEndpoint(endpointId: string, limit: number): Promise<OutboxRow[]> {
      return db.selectFrom('outbox').selectAll().where('kind', '=', 'webhook').where('dedupe_key', 'like', `webhook:${endpointId}:%`).orderBy('id', 'desc').limit(limit).execute();
    },

    /** Rows still to send, and rows given up on. */
    async counts(): Promise<{ pending: number; failed: number }> {
      const row = await db
        .selectFrom('outbox')
        .select([
          sql<number>`sum(case when sent_at is null and failed_at is null then 1 else 0 end)`.as('pending'),
          sql<number>`sum(case when failed_at is not null then 1 else 0 end)`.as('failed'),
        ])
        .executeTakeFirstOrThrow();
      return { pending: Number(row.pending ?? 0), failed: Number(row.failed ?? 0) };
    },

    /** Newest first: rows still to send, or rows given up on. */
    inState(state: 'pending' | 'failed', limit: number): Promise<OutboxRow[]> {
      let query = db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit);
      query = state === 'failed' ? query.where('failed_at', 'is not', null) : query.where('sent_at', 'is', null).where('failed_at', 'is', null);
      return query.execute();
    },

    /** Gives a row that was given up on a fresh start, due now; false unless it had failed. */
    async retry(id: string, at: number): Promise<boolean> {
      const result = await db
        .updateTable('outbox')
        .set({ failed_at: null, attempts: 0, next_attempt_at: at, locked_until: 0, locked_by: null })
        .where('id', '=', id)
        .where('failed_at', 'is not', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Rows still to send, including those claimed right now. */
    async pending(): Promise<number> {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Forgets finished rows made before `before`; their dedupe keys go with them. */
    async purge(before: number): Promise<number> {
      const result = await db
        .deleteFrom('outbox')
        .where('created_at', '<', before)
        .where((eb) => eb.or([eb('sent_at', 'is not', null), eb('failed_at', 'is not', null)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
