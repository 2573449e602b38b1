// SQL over comments and votes by account: "my comments", export, restyling and forgetting an
// author. Beside store.ts rather than in it, to keep each file readable in one sitting.
import type { Db } from '../platform/db.ts';
import type { CommentRow } from './store.ts';

export interface AuthoredRow extends CommentRow {
  page_key: string;
  url: string | null;
  title: string | null;
}

export function createAccountCommentStore(db: Db) {
  const authored = () =>
    db
      .selectFrom('comments')
      .innerJoin('threads', 'threads.id', 'comments.thread_id')
      .selectAll('comments')
      .select(['threads.page_key', 'threads.url', 'threads.title']);

  return {
    /** The account's comments newest first, after the cursor id; deleted ones left out. */
    page(accountId: string, beforeId: string | null, limit: number): Promise<AuthoredRow[]> {
      let query = authored().where('comments.account_id', '=', accountId).where('comments.deleted', '=', 0);
      if (beforeId) query = query.where('comments.id', '<', beforeId);
      return query.orderBy('comments.id', 'desc').limit(limit).execute();
    },

    all(accountId: string): Promise<AuthoredRow[]> {
      return authored().where('comments.account_id', '=', accountId).orderBy('comments.id').execute();
    },

    votes(voterKey: string) {
      return db.selectFrom('votes').select(['comment_id', 'value', 'created_at']).where('voter_key', '=', voterKey).orderBy('comment_id').execute();
    },

    /** Sets the name and avatar shown on the account's live comments; returns the rows changed. */
    async restyle(accountId: string, name: string, avatar: string | null): Promise<AuthoredRow[]> {
      await db.updateTable('comments').set({ author_name: name, author_avatar: avatar }).where('account_id', '=', accountId).where('deleted', '=', 0).execute();
      return authored().where('comments.account_id', '=', accountId).where('comments.deleted', '=', 0).execute();
    },

    /** Cuts the comments loose from the account and drops everything that identified their author. */
    async detach(accountId: string, name: string): Promise<void> {
      await db
        .updateTable('comments')
        .set((eb) => ({
          author_name: eb.case().when('deleted', '=', 1).then('').else(name).end(),
          author_email: null,
          author_key: null,
          ip_hash: null,
          author_avatar: null,
          edit_token_hash: null,
          account_id: null,
        }))
        .where('account_id', '=', accountId)
        .execute();
    },
  };
}

export type AccountCommentStore = ReturnType<typeof createAccountCommentStore>;
