// The only place with SQL for threads, comments and votes.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { CommentsTable, Database, ThreadsTable } from '../platform/schema.ts';
import { isVisible, lockThread, setStatusIn, unlistUpwards, type StatusChange } from './visibility.ts';

export type CommentRow = CommentsTable;
export type ThreadRow = ThreadsTable;
export type Sort = 'newest' | 'oldest' | 'votes';

/** Position after which the next page starts; score only matters for the votes sort. */
export interface RootCursor {
  id: string;
  score: number;
}

export interface ReplyRow extends CommentRow {
  total: number;
}

/** Rolls back an insert whose parent was deleted after the caller checked it. */
class ParentGone extends Error {}

export function createCommentStore(db: Db) {
  return {
    findThread(siteId: string, pageKey: string): Promise<ThreadRow | undefined> {
      return db.selectFrom('threads').selectAll().where('site_id', '=', siteId).where('page_key', '=', pageKey).executeTakeFirst();
    },

    findThreadById(id: string): Promise<ThreadRow | undefined> {
      return db.selectFrom('threads').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Creates the thread on first comment; concurrent first comments agree on one row. */
    async ensureThread(thread: ThreadRow): Promise<ThreadRow> {
      await db
        .insertInto('threads')
        .values(thread)
        .onConflict((oc) => oc.columns(['site_id', 'page_key']).doNothing())
        .execute();
      const stored = (await this.findThread(thread.site_id, thread.page_key))!;
      if ((thread.url && !stored.url) || (thread.title && !stored.title)) {
        await db
          .updateTable('threads')
          .set({ url: stored.url ?? thread.url, title: stored.title ?? thread.title })
          .where('id', '=', stored.id)
          .execute();
        return { ...stored, url: stored.url ?? thread.url, title: stored.title ?? thread.title };
      }
      return stored;
    },

    findComment(id: string): Promise<CommentRow | undefined> {
      return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    listRoots(threadId: string, sort: Sort, after: RootCursor | null, limit: number): Promise<CommentRow[]> {
      let query = db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('parent_id', 'is', null)
        .where('listed', '=', 1);
      if (sort === 'oldest') {
        if (after) query = query.where('id', '>', after.id);
        query = query.orderBy('id', 'asc');
      } else if (sort === 'newest') {
        if (after) query = query.where('id', '<', after.id);
        query = query.orderBy('id', 'desc');
      } else {
        if (after) {
          query = query.where((eb) =>
            eb.or([eb('score', '<', after.score), eb.and([eb('score', '=', after.score), eb('id', '<', after.id)])]),
          );
        }
        query = query.orderBy('score', 'desc').orderBy('id', 'desc');
      }
      return query.limit(limit).execute();
    },

    /** The first `perRoot` replies of each root in conversation order, with each root's total. */
    async listReplies(rootIds: string[], perRoot: number): Promise<ReplyRow[]> {
      if (rootIds.length === 0) return [];
      const ranked = db
        .selectFrom('comments')
        .selectAll()
        .select([
          sql<number>`row_number() over (partition by root_id order by path)`.as('rank'),
          sql<number>`count(*) over (partition by root_id)`.as('total'),
        ])
        .where('root_id', 'in', rootIds)
        .where('listed', '=', 1)
        .where('parent_id', 'is not', null);
      const rows = await db
        .selectFrom(ranked.as('r'))
        .selectAll()
        .where('rank', '<=', perRoot)
        .orderBy('root_id')
        .orderBy('path')
        .execute();
      return rows.map(({ rank: _rank, ...row }) => ({ ...row, total: Number(row.total) }));
    },

    listSubtree(rootId: string, afterPath: string | null, limit: number): Promise<CommentRow[]> {
      let query = db
        .selectFrom('comments')
        .selectAll()
        .where('root_id', '=', rootId)
        .where('listed', '=', 1)
        .where('parent_id', 'is not', null);
      if (afterPath) query = query.where('path', '>', afterPath);
      return query.orderBy('path').limit(limit).execute();
    },

    /**
     * Inserts a comment; false, writing nothing, when its parent was deleted meanwhile.
     * `effects` runs in the same transaction (the notification outbox): they commit together.
     */
    async insertComment(comment: CommentRow, effects?: (trx: Transaction<Database>) => Promise<void>): Promise<boolean> {
      try {
        await db.transaction().execute(async (trx) => {
          if (comment.listed) {
            await lockThread(trx, comment.thread_id, 1, comment.created_at);
            if (comment.parent_id) {
              const parent = await trx
                .updateTable('comments')
                .set((eb) => ({ child_count: eb('child_count', '+', 1) }))
                .where('id', '=', comment.parent_id)
                .where('listed', '=', 1)
                .where('deleted', '=', 0)
                .executeTakeFirst();
              if (Number(parent.numUpdatedRows) === 0) throw new ParentGone();
            }
          }
          await trx.insertInto('comments').values(comment).execute();
          await effects?.(trx);
        });
        return true;
      } catch (error) {
        if (error instanceof ParentGone) return false;
        throw error;
      }
    },

    /**
     * Saves an edit in one transaction: the new body, then the status the edit's verdict leaves
     * (listing and counters follow), then `effects` (the decision). Returns the row as it now is.
     */
    async saveEdit(comment: CommentRow, edit: { body: string; html: string; at: number; status: string; shadow: boolean }, effects?: (trx: Transaction<Database>) => Promise<void>): Promise<CommentRow> {
      return db.transaction().execute(async (trx) => {
        await trx.updateTable('comments').set({ body: edit.body, html: edit.html, edited_at: edit.at }).where('id', '=', comment.id).execute();
        let row: CommentRow = { ...comment, body: edit.body, html: edit.html, edited_at: edit.at };
        if (edit.status !== comment.status || edit.shadow !== !!comment.shadow) {
          const change = await setStatusIn(trx, comment.id, edit.status, edit.shadow, edit.at);
          if (change) row = { ...row, status: edit.status, shadow: edit.shadow ? 1 : 0, listed: change.after.listed };
        }
        await effects?.(trx);
        return row;
      });
    },

    /**
     * Soft-deletes a comment. It stays listed as a placeholder while listed replies hang
     * under it; otherwise it leaves the listing, and so may deleted ancestors it kept alive.
     */
    async deleteComment(id: string, at: number): Promise<{ placeholder: boolean } | null> {
      return db.transaction().execute(async (trx) => {
        const { thread_id } = await trx.selectFrom('comments').select('thread_id').where('id', '=', id).executeTakeFirstOrThrow();
        await lockThread(trx, thread_id, 0, at);
        // A concurrent delete of the same comment finds it deleted: null, nothing to do.
        const claimed = await trx
          .updateTable('comments')
          .set({ deleted: 1, deleted_at: at, body: '', html: '', edit_token_hash: null })
          .where('id', '=', id)
          .where('deleted', '=', 0)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return null;
        const comment = await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (!comment.listed) return { placeholder: false };
        // A placeholder already (held or hidden with replies): it was not counted.
        if (isVisible({ ...comment, deleted: 0 })) await lockThread(trx, thread_id, -1, at);
        await unlistUpwards(trx, comment);
        return { placeholder: comment.child_count > 0 };
      });
    },

    /** Sets one voter's vote and returns the comment's new tallies. */
    async vote(commentId: string, threadId: string, voterKey: string, value: number, at: number) {
      return db.transaction().execute(async (trx) => {
        // Lock the comment row first (a no-op on SQLite, which serialises writers) so
        // concurrent votes see each other's committed rows.
        await trx.updateTable('comments').set((eb) => ({ score: eb.ref('score') })).where('id', '=', commentId).execute();
        const previous = await trx
          .selectFrom('votes')
          .select('value')
          .where('comment_id', '=', commentId)
          .where('voter_key', '=', voterKey)
          .executeTakeFirst();
        const before = previous?.value ?? 0;
        if (value === 0) {
          await trx.deleteFrom('votes').where('comment_id', '=', commentId).where('voter_key', '=', voterKey).execute();
        } else {
          await trx
            .insertInto('votes')
            .values({ comment_id: commentId, thread_id: threadId, voter_key: voterKey, value, created_at: at })
            .onConflict((oc) => oc.columns(['comment_id', 'voter_key']).doUpdateSet({ value, created_at: at }))
            .execute();
        }
        const upDelta = (value === 1 ? 1 : 0) - (before === 1 ? 1 : 0);
        const downDelta = (value === -1 ? 1 : 0) - (before === -1 ? 1 : 0);
        return trx
          .updateTable('comments')
          .set((eb) => ({
            up: eb('up', '+', upDelta),
            down: eb('down', '+', downDelta),
            score: eb('score', '+', upDelta - downDelta),
          }))
          .where('id', '=', commentId)
          .returning(['score', 'up', 'down'])
          .executeTakeFirstOrThrow();
      });
    },

    async votesOf(threadId: string, voterKey: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('votes')
        .select(['comment_id', 'value'])
        .where('thread_id', '=', threadId)
        .where('voter_key', '=', voterKey)
        .execute();
      return Object.fromEntries(rows.map((r) => [r.comment_id, r.value]));
    },

    pendingOf(threadId: string, authorKey: string): Promise<CommentRow[]> {
      return db
        .selectFrom('comments')
        .selectAll()
        .where('thread_id', '=', threadId)
        .where('author_key', '=', authorKey)
        // Held ones, and shadow-banned ones, which their author alone sees as published.
        .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'approved'), eb('shadow', '=', 1)])]))
        .where('deleted', '=', 0)
        .orderBy('id')
        .limit(100)
        .execute();
    },

    /**
     * Sets status and shadow flag, keeping listing and counters true (see visibility.ts).
     * `effects` runs in the same transaction with the change (the notification outbox).
     */
    setStatus(id: string, status: string, shadow: boolean, at: number, effects?: (trx: Transaction<Database>, change: StatusChange) => Promise<void>): Promise<StatusChange | null> {
      return db.transaction().execute(async (trx) => {
        const change = await setStatusIn(trx, id, status, shadow, at);
        if (change) await effects?.(trx, change);
        return change;
      });
    },

    async counts(siteId: string, pageKeys: string[]): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('threads')
        .select(['page_key', 'comment_count'])
        .where('site_id', '=', siteId)
        .where('page_key', 'in', pageKeys)
        .execute();
      const counts: Record<string, number> = Object.fromEntries(pageKeys.map((k) => [k, 0]));
      for (const row of rows) counts[row.page_key] = row.comment_count;
      return counts;
    },
  };
}

export type CommentStore = ReturnType<typeof createCommentStore>;
