// SQL over the comments table for inline feedback (the anchor columns 006-inline added):
// per-passage counts with one indexed GROUP BY, and the anchored comments of a thread.
// Lives with the comments module, the owner of the table; src/inline/service.ts uses it.
// Replies carry their top-level comment's anchor_key (and no anchor of their own), so a
// passage's count is its whole conversation.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { CommentRow } from './store.ts';

export interface PassageGroup {
  key: string;
  count: number;
  /** The anchor JSON of the newest top-level comment on the passage: the latest text it was seen in. */
  anchor: string;
}

export function createPassageStore(db: Db) {
  /** Public comments only, as counts are: approved, not deleted, not shadow-banned. */
  const visible = () =>
    db
      .selectFrom('comments')
      .where('listed', '=', 1)
      .where('deleted', '=', 0)
      .where('status', '=', 'approved')
      .where((eb) => eb.or([eb('shadow', 'is', null), eb('shadow', '=', 0)]));

  return {
    async passages(threadId: string, limit: number): Promise<PassageGroup[]> {
      const groups = await visible()
        .select(['anchor_key', sql<number>`count(*)`.as('count'), sql<string | null>`max(case when parent_id is null then id end)`.as('latest')])
        .where('thread_id', '=', threadId)
        .where('anchor_key', 'is not', null)
        .groupBy('anchor_key')
        .orderBy('anchor_key')
        .limit(limit)
        .execute();
      const latest = groups.flatMap((g) => (g.latest ? [g.latest] : []));
      if (!latest.length) return [];
      const anchors = await db.selectFrom('comments').select(['id', 'anchor']).where('id', 'in', latest).execute();
      const byId = new Map(anchors.map((a) => [a.id, a.anchor]));
      // A passage whose top-level comments are all gone (replies left) has no quote to show.
      return groups.flatMap((g) => {
        const anchor = g.latest ? byId.get(g.latest) : null;
        return g.anchor_key && anchor ? [{ key: g.anchor_key, count: Number(g.count), anchor }] : [];
      });
    },

    /** Answers per passage key across a site's threads (the console's list of questions). */
    async counts(siteId: string, keys: string[]): Promise<Map<string, number>> {
      if (!keys.length) return new Map();
      const rows = await visible()
        .select(['anchor_key', sql<number>`count(*)`.as('count')])
        .where('site_id', '=', siteId)
        .where('anchor_key', 'in', keys)
        .groupBy('anchor_key')
        .execute();
      return new Map(rows.map((r) => [r.anchor_key!, Number(r.count)]));
    },

    /** Anchored top-level comments of a thread, newest first, of one passage or of all; `before`: an id, the cursor. */
    anchoredRoots(threadId: string, key: string | null, before: string | null, limit: number): Promise<CommentRow[]> {
      let query = db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('parent_id', 'is', null)
        .where('listed', '=', 1)
        .where('anchor_key', 'is not', null);
      if (key) query = query.where('anchor_key', '=', key);
      if (before) query = query.where('id', '<', before);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type PassageStore = ReturnType<typeof createPassageStore>;
