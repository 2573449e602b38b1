// SQL over comments for the moderation console and the pipeline's lookups: queues, an
// author's history, other identities seen from the same IPs. Beside store.ts, as account-store.ts.
import { CompiledQuery, sql } from 'kysely';
import { compileWithParameters } from '../platform/compiled-sql.ts';
import type { Db } from '../platform/db.ts';
import type { CommentRow } from './store.ts';

/** A comment with the page it is on. */
export interface PlacedRow extends CommentRow {
  page_key: string;
  url: string | null;
  title: string | null;
}

export type StatusQueue = 'pending' | 'recent' | 'rejected';

/** How an author is recognised: their actor key (account or visitor), else e-mail, else IP hash. */
export interface AuthorRef {
  by: 'key' | 'email' | 'ip';
  value: string;
}

export function authorRefOf(row: Pick<CommentRow, 'author_key' | 'author_email' | 'ip_hash'>): AuthorRef | null {
  if (row.author_key) return { by: 'key', value: row.author_key };
  if (row.author_email) return { by: 'email', value: row.author_email };
  if (row.ip_hash) return { by: 'ip', value: row.ip_hash };
  return null;
}

const COLUMN = { key: 'author_key', email: 'author_email', ip: 'ip_hash' } as const;
const JOINED = { key: 'comments.author_key', email: 'comments.author_email', ip: 'comments.ip_hash' } as const;

export function createModerationCommentStore(db: Db) {
  const approvedCountSql: Partial<Record<AuthorRef['by'], string>> = {};
  const placed = () =>
    db.selectFrom('comments').innerJoin('threads', 'threads.id', 'comments.thread_id').selectAll('comments').select(['threads.page_key', 'threads.url', 'threads.title']);

  return {
    /** A queue page, newest first, before the cursor id. */
    queue(siteId: string, queue: StatusQueue, beforeId: string | null, limit: number): Promise<PlacedRow[]> {
      let query = placed().where('comments.site_id', '=', siteId);
      if (queue === 'pending') query = query.where('comments.status', '=', 'pending').where('comments.deleted', '=', 0);
      if (queue === 'rejected') query = query.where('comments.status', 'in', ['rejected', 'spam']);
      if (beforeId) query = query.where('comments.id', '<', beforeId);
      return query.orderBy('comments.id', 'desc').limit(limit).execute();
    },

    async count(siteId: string, queue: 'pending' | 'rejected'): Promise<number> {
      let query = db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).where('site_id', '=', siteId);
      query = queue === 'pending' ? query.where('status', '=', 'pending').where('deleted', '=', 0) : query.where('status', 'in', ['rejected', 'spam']);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },

    /** The comments with these ids that exist, newest first. */
    async byIds(ids: string[]): Promise<PlacedRow[]> {
      if (ids.length === 0) return [];
      return placed().where('comments.id', 'in', ids).orderBy('comments.id', 'desc').execute();
    },

    byAuthor(siteId: string, ref: AuthorRef, beforeId: string | null, limit: number): Promise<PlacedRow[]> {
      let query = placed().where('comments.site_id', '=', siteId).where(JOINED[ref.by], '=', ref.value);
      if (beforeId) query = query.where('comments.id', '<', beforeId);
      return query.orderBy('comments.id', 'desc').limit(limit).execute();
    },

    /** How many of the author's comments have each status, and how many are shadow-banned. */
    async authorStats(siteId: string, ref: AuthorRef): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('comments')
        .select(['status', 'shadow', (eb) => eb.fn.countAll().as('n')])
        .where('site_id', '=', siteId)
        .where(COLUMN[ref.by], '=', ref.value)
        .groupBy(['status', 'shadow'])
        .execute();
      const stats: Record<string, number> = { total: 0, approved: 0, pending: 0, rejected: 0, spam: 0, shadow: 0 };
      for (const row of rows) {
        const n = Number(row.n);
        stats.total! += n;
        stats[row.status] = (stats[row.status] ?? 0) + n;
        if (row.shadow) stats.shadow! += n;
      }
      return stats;
    },

    /** The IP hashes the author posted from, most recent first. */
    async ipHashesOf(siteId: string, ref: AuthorRef, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('comments')
        .select(['ip_hash', (eb) => eb.fn.max('id').as('last')])
        .where('site_id', '=', siteId)
        .where(COLUMN[ref.by], '=', ref.value)
        .where('ip_hash', 'is not', null)
        .groupBy('ip_hash')
        .orderBy('last', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.ip_hash!);
    },

    /** Other identities (actor keys) that posted from any of these IPs, with what they did. */
    async identitiesOn(siteId: string, ipHashes: string[], excludeKey: string | null, limit: number) {
      if (ipHashes.length === 0) return [];
      let query = db
        .selectFrom('comments')
        .select([
          'author_key',
          (eb) => eb.fn.countAll().as('comments'),
          (eb) => eb.fn.count('ip_hash').distinct().as('shared_ips'),
          (eb) => eb.fn.min('created_at').as('first_seen'),
          (eb) => eb.fn.max('created_at').as('last_seen'),
          sql<number>`sum(case when status = 'approved' then 1 else 0 end)`.as('approved'),
          sql<number>`sum(case when status = 'pending' then 1 else 0 end)`.as('pending'),
          sql<number>`sum(case when status = 'rejected' then 1 else 0 end)`.as('rejected'),
          sql<number>`sum(case when status = 'spam' then 1 else 0 end)`.as('spam'),
        ])
        .where('site_id', '=', siteId)
        .where('ip_hash', 'in', ipHashes)
        .where('author_key', 'is not', null);
      if (excludeKey) query = query.where('author_key', '!=', excludeKey);
      return query.groupBy('author_key').orderBy('last_seen', 'desc').limit(limit).execute();
    },

    /** The names and e-mails each of these identities used on the site. */
    namesOf(siteId: string, keys: string[]) {
      if (keys.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('comments')
        .select(['author_key', 'author_name', 'author_email'])
        .distinct()
        .where('site_id', '=', siteId)
        .where('author_key', 'in', keys)
        .limit(keys.length * 10)
        .execute();
    },

    /** How many of the author's comments on the site are approved (premoderation of newcomers). */
    /** Approved comments by this author on the site, counted up to `atMost` (a regular's
     * thousands need not be counted to know they are past the first few). */
    /** Premoderation "first" asks this for every new comment: its SQL is compiled once per kind of reference. */
    async approvedCount(siteId: string, ref: AuthorRef, atMost: number): Promise<number> {
      const parameters = [siteId, ref.value, 'approved', 0, atMost];
      approvedCountSql[ref.by] ??= compileWithParameters(
        db.selectFrom('comments').select('id').where('site_id', '=', siteId).where(COLUMN[ref.by], '=', ref.value)
          .where('status', '=', 'approved').where('deleted', '=', 0).limit(atMost),
        parameters,
      );
      const { rows } = await db.executeQuery(CompiledQuery.raw(approvedCountSql[ref.by]!, parameters));
      return rows.length;
    },
  };
}

export type ModerationCommentStore = ReturnType<typeof createModerationCommentStore>;
