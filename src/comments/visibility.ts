// The one rule of public visibility, and how changes to it move counters and the listing.
//
// A comment is *visible* when it is approved, not shadow-banned and not deleted. `listed`
// (what public reads select) is: visible, or a placeholder that keeps listed replies in
// place (deleted, held, rejected or shadow, shown without its content). Counters count
// visible comments only: threads.comment_count, and child_count counts listed children.
import type { Transaction } from 'kysely';
import type { CommentsTable, Database } from '../platform/schema.ts';

type Row = Pick<CommentsTable, 'status' | 'deleted'> & { shadow?: number };

export function isVisible(row: Row): boolean {
  return row.deleted === 0 && row.status === 'approved' && !row.shadow;
}

/**
 * Locks a thread's row, adding `countDelta` to its comment count. Writes that change a
 * thread's shape (a comment added, deleted, hidden or shown) call this first, so on
 * PostgreSQL they queue per thread instead of deadlocking over comment rows or acting on a
 * parent another transaction is changing. SQLite serialises writers anyway.
 */
export async function lockThread(trx: Transaction<Database>, threadId: string, countDelta: number, at: number): Promise<void> {
  await trx
    .updateTable('threads')
    .set((eb) => (countDelta ? { comment_count: eb('comment_count', '+', countDelta), updated_at: at } : { closed: eb.ref('closed') }))
    .where('id', '=', threadId)
    .execute();
}

/**
 * Takes a listed comment that is no longer visible and has no listed replies out of the
 * listing, then its ancestors that were only placeholders kept for it.
 */
export async function unlistUpwards(trx: Transaction<Database>, start: CommentsTable): Promise<void> {
  let current = start;
  while (current.child_count === 0) {
    await trx.updateTable('comments').set({ listed: 0 }).where('id', '=', current.id).execute();
    if (!current.parent_id) break;
    const parent = await trx
      .updateTable('comments')
      .set((eb) => ({ child_count: eb('child_count', '-', 1) }))
      .where('id', '=', current.parent_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (isVisible(parent)) break;
    current = parent;
  }
}

/** Lists a comment that became visible, and brings back as placeholders ancestors that had left. */
export async function listUpwards(trx: Transaction<Database>, start: CommentsTable): Promise<void> {
  await trx.updateTable('comments').set({ listed: 1 }).where('id', '=', start.id).execute();
  let parentId = start.parent_id;
  while (parentId) {
    const parent = await trx
      .updateTable('comments')
      .set((eb) => ({ child_count: eb('child_count', '+', 1) }))
      .where('id', '=', parentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (parent.listed) break;
    await trx.updateTable('comments').set({ listed: 1 }).where('id', '=', parent.id).execute();
    parentId = parent.parent_id;
  }
}

export interface StatusChange {
  before: CommentsTable;
  after: CommentsTable;
}

/**
 * Sets a comment's status and shadow flag and keeps the listing and counters true to them.
 * Null when the comment does not exist. Deleted comments are left as they are (before = after).
 */
export async function setStatusIn(trx: Transaction<Database>, id: string, status: string, shadow: boolean, at: number): Promise<StatusChange | null> {
  const found = await trx.selectFrom('comments').select('thread_id').where('id', '=', id).executeTakeFirst();
  if (!found) return null;
  await lockThread(trx, found.thread_id, 0, at);
  const before = await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (before.deleted) return { before, after: before };
  const after = { ...before, status, shadow: shadow ? 1 : 0 };
  await trx.updateTable('comments').set({ status, shadow: after.shadow }).where('id', '=', id).execute();
  const was = isVisible(before);
  const now = isVisible(after);
  if (was && !now) {
    await lockThread(trx, before.thread_id, -1, at);
    if (before.listed) await unlistUpwards(trx, after);
  } else if (!was && now) {
    await lockThread(trx, before.thread_id, 1, at);
    if (!before.listed) await listUpwards(trx, after);
  }
  const listed = await trx.selectFrom('comments').select('listed').where('id', '=', id).executeTakeFirstOrThrow();
  return { before, after: { ...after, listed: listed.listed } };
}
