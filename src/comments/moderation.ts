// What the comments module offers the moderation module: changing a comment's status (with
// the listing, counters and events that follow), removing one for good, and reads for the
// console and the pipeline's lookups. Events go out as for any other change, so cached pages,
// live streams and notifications follow.
import type { Transaction } from 'kysely';
import type { Bus } from '../platform/bus.ts';
import type { Database } from '../platform/schema.ts';
import { commentEvent } from './events.ts';
import type { ModerationCommentStore } from './moderation-store.ts';
import type { CommentRow, CommentStore, ThreadRow } from './store.ts';
import type { Status } from './verdict.ts';
import { isVisible } from './visibility.ts';

/** Durable side effects of a status change, written in its transaction (the notification outbox). */
export interface ModerationEffects {
  /** The comment became public: its notifications and webhooks. */
  approved(trx: Transaction<Database>, commentId: string): Promise<void>;
}

export interface CommentModerationDeps {
  store: CommentStore;
  moderationStore: ModerationCommentStore;
  bus: Bus;
  effects?: ModerationEffects;
  now?: () => number;
}

export interface Applied {
  before: CommentRow;
  after: CommentRow;
}

export function createCommentModeration({ store, moderationStore, bus, effects, now = Date.now }: CommentModerationDeps) {
  async function publishChange(before: CommentRow, after: CommentRow, at: number): Promise<void> {
    const was = isVisible(before);
    const is = isVisible(after);
    if (was === is) return;
    const thread = (await store.findThreadById(after.thread_id)) as ThreadRow;
    const where = { siteId: thread.site_id, threadId: thread.id, pageKey: thread.page_key };
    // Shown: readers receive it as a new arrival. Hidden: it leaves their thread like a deleted
    // comment (the event speaks of the comment as they knew it, approved).
    bus.publish(is ? commentEvent('comment.approved', where, after, at) : commentEvent('comment.deleted', where, before, at, { removed: !after.listed }));
  }

  return {
    ...moderationStore,

    /** Sets status and shadow flag; null when no such comment. Deleted comments do not change. */
    async setStatus(id: string, status: Status, shadow: boolean): Promise<Applied | null> {
      const at = now();
      // Shown to readers now: its notifications commit with the change, or neither does.
      const change = await store.setStatus(id, status, shadow, at, async (trx, { before, after }) => {
        if (effects && !isVisible(before) && isVisible(after)) await effects.approved(trx, id);
      });
      if (!change) return null;
      await publishChange(change.before, change.after, at);
      return change;
    },

    /** Deletes a comment as its author would (text erased; a placeholder if it has replies). */
    async remove(id: string): Promise<Applied | null> {
      const before = await store.findComment(id);
      if (!before) return null;
      if (before.deleted) return { before, after: before };
      const at = now();
      const result = await store.deleteComment(id, at);
      const after = (await store.findComment(id))!;
      if (result && before.listed && isVisible(before)) {
        const thread = (await store.findThreadById(before.thread_id))!;
        bus.publish(commentEvent('comment.deleted', { siteId: thread.site_id, threadId: thread.id, pageKey: thread.page_key }, before, at, { removed: !result.placeholder }));
      }
      return { before, after };
    },

    find: (id: string) => store.findComment(id),
  };
}

export type CommentModeration = ReturnType<typeof createCommentModeration>;
