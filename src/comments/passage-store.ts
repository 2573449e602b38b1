// SQL over the comments table for inline feedback (the anchor columns 006-inline added):
// per-passage counts with one indexed GROUP BY, and the anchored comments of a thread.
// Lives with the comments module, the owner of the table; src/inline/service.ts uses it.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { CommentRow } from './store.ts';

export interface PassageGroup {
  key: string;
  count: number;
  /** The anchor JSON of the newest comment on the passage: the latest text it was seen in. */
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
        .select(['anchor_key', sql<number>`count(*)`.as('count'), sql<string>`max(id)`.as('latest')])
        .where('thread_id', '=', threadId)
        .where('anchor_key', 'is not', null)
        .groupBy('anchor_key')
        .orderBy('anchor_key')
        .limit(limit)
        .execute();
      if (!groups.length) return [];
      const anchors = await db
        .selectFrom('comments')
        .select(['id', 'anchor'])
        .where('id', 'in', groups.map((g) => g.latest))
        .execute();
      const byId = new Map(anchors.map((a) => [a.id, a.anchor]));
      return groups.flatMap((g) => {
        const anchor = byId.get(g.latest);
        return g.anchor_key && anchor ? [{ key: g.anchor_key, count: Number(g.count), anchor }] : [];
      });
    },

    /** The newest anchored top-level comments of a thread, of one passage or of all. */
    anchoredRoots(threadId: string, key: string | null, limit: number): Promise<CommentRow[]> {
      let query = db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('parent_id', 'is', null)
        .where('listed', '=', 1)
        .where('anchor_key', 'is not', null);
      if (key) query = query.where('anchor_key', '=', key);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type PassageStore = ReturnType<typeof createPassageStore>;
