// What the comments module offers the identity module about one account's comments: a page
// of them, all of them for an export, a new name and avatar on them, and forgetting them
// when the account is deleted. Events go out as for any other change, so cached pages and
// open widgets follow.
import type { Bus, CommentEvent } from '../platform/bus.ts';
import { newId } from '../platform/ids.ts';
import type { AccountCommentStore, AuthoredRow } from './account-store.ts';
import { decodeRootCursor, encodeRootCursor } from './cursor.ts';
import type { CommentStore } from './store.ts';
import { toView } from './view.ts';

export interface AccountCommentDeps {
  store: CommentStore;
  accountStore: AccountCommentStore;
  bus: Bus;
  now?: () => number;
}

/** Shown in place of the author of an anonymised account's comments. */
export const DELETED_USER = 'deleted user';

const where = (row: AuthoredRow) => ({ page: row.page_key, url: row.url, title: row.title });

export function createAccountComments({ store, accountStore, bus, now = Date.now }: AccountCommentDeps) {
  function publish(type: CommentEvent['type'], row: AuthoredRow, extra: Record<string, unknown> = {}) {
    const at = now();
    bus.publish({
      id: newId(at), type, siteId: row.site_id, threadId: row.thread_id, pageKey: row.page_key,
      commentId: row.id, status: row.status, at,
      data: { commentId: row.id, parentId: row.parent_id, ...extra },
    });
  }

  return {
    /** The account's comments, newest first, with the page each is on and its status. */
    async page(accountId: string, cursor: string | undefined, limit: number) {
      const before = decodeRootCursor(cursor);
      const rows = await accountStore.page(accountId, before?.id ?? null, limit + 1);
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return {
        comments: shown.map((row) => ({ ...toView(row), ...where(row), status: row.status })),
        nextCursor: rows.length > limit && last ? encodeRootCursor({ id: last.id, score: 0 }) : null,
      };
    },

    /** Everything stored about the account's comments and votes that is theirs to take away. */
    async export(accountId: string) {
      const [rows, votes] = await Promise.all([accountStore.all(accountId), accountStore.votes(`account:${accountId}`)]);
      return {
        comments: rows.map((row) => ({
          id: row.id, site: row.site_id, ...where(row), parentId: row.parent_id, status: row.status,
          body: row.body, html: row.html, score: row.score, up: row.up, down: row.down, deleted: row.deleted === 1,
          createdAt: new Date(row.created_at).toISOString(),
          editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
          deletedAt: row.deleted_at === null ? null : new Date(row.deleted_at).toISOString(),
        })),
        votes: votes.map((v) => ({ commentId: v.comment_id, value: v.value, createdAt: new Date(v.created_at).toISOString() })),
      };
    },

    /** Shows a new display name and avatar on the account's comments. */
    async restyle(accountId: string, name: string, avatar: string | null): Promise<void> {
      for (const row of await accountStore.restyle(accountId, name, avatar)) if (row.listed) publish('comment.updated', row);
    },

    /**
     * Forgets the author: "remove" deletes their comments (replies to them stay, under a
     * placeholder), "anonymise" keeps the text under DELETED_USER. Either way nothing that
     * identified them is left on the rows. Votes stay counted, keyed to an erased account.
     */
    async forget(accountId: string, mode: 'anonymise' | 'remove'): Promise<void> {
      const rows = (await accountStore.all(accountId)).filter((row) => !row.deleted);
      if (mode === 'remove') {
        for (const row of rows) {
          const result = await store.deleteComment(row.id, now());
          if (result) publish('comment.deleted', row, { removed: !result.placeholder });
        }
      }
      await accountStore.detach(accountId, DELETED_USER);
      if (mode === 'anonymise') for (const row of rows) if (row.listed) publish('comment.updated', row);
    },
  };
}

export type AccountComments = ReturnType<typeof createAccountComments>;
