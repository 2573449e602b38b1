// Inline feedback reads: the passages of a page with their comment counts, and the comments
// on one passage (or on all of them, for the thread's "Inline Feedbacks" view). Writes need
// nothing here: an anchored comment is created, moderated, notified and streamed like any
// other, through the comments service (the anchor is validated in validate.ts).
import type { PassageStore } from '../comments/passage-store.ts';
import { pageKey } from '../comments/service.ts';
import type { CommentStore } from '../comments/store.ts';
import { buildTree, type CommentView } from '../comments/view.ts';
import type { Site } from '../sites/service.ts';
import { anchorLimits } from './schema.ts';
import type { StoredAnchor } from './validate.ts';

export interface Passage {
  key: string;
  anchor: StoredAnchor & { key: string };
  count: number;
  feedbackId?: string;
}

const REPLIES_PER_ROOT = 20;

export function createInlineService(deps: { comments: CommentStore; passages: PassageStore }) {
  return {
    /** Passages with at least one public comment, in the order of their (last known) position. */
    async passages(site: Site, page: string): Promise<{ passages: Passage[] }> {
      const thread = await deps.comments.findThread(site.id, pageKey(page));
      if (!thread) return { passages: [] };
      const groups = await deps.passages.passages(thread.id, anchorLimits.passages);
      const passages = groups.map(({ key, count, anchor }): Passage => {
        const stored = JSON.parse(anchor) as StoredAnchor;
        return { key, anchor: { key, ...stored }, count, ...(stored.feedbackId ? { feedbackId: stored.feedbackId } : {}) };
      });
      passages.sort((a, b) => a.anchor.position.start - b.anchor.position.start || a.key.localeCompare(b.key));
      return { passages };
    },

    /** Anchored comments (with their first replies), newest first, of one passage or all, a page at a time. */
    async comments(site: Site, page: string, passage: string | undefined, limit: number, cursor: string | undefined): Promise<{ comments: CommentView[]; nextCursor: string | null }> {
      const thread = await deps.comments.findThread(site.id, pageKey(page));
      if (!thread) return { comments: [], nextCursor: null };
      const rows = await deps.passages.anchoredRoots(thread.id, passage ?? null, cursor ?? null, limit + 1);
      const roots = rows.slice(0, limit);
      const replies = await deps.comments.listReplies(roots.map((r) => r.id), REPLIES_PER_ROOT);
      return { comments: buildTree(roots, replies), nextCursor: rows.length > limit ? roots.at(-1)!.id : null };
    },
  };
}

export type InlineService = ReturnType<typeof createInlineService>;
