// What the moderation hook answers, and how that answer is applied to a new or edited comment.
import type { CommentRow, CommentStore } from './store.ts';
import { isVisible } from './visibility.ts';

export type Status = 'approved' | 'pending' | 'rejected' | 'spam';

/** The moderation hook's answer (see Moderate in service.ts). */
export interface Verdict {
  status: Status;
  /** Shadow-ban: stored approved, shown to its author alone. */
  shadow?: boolean;
  /** What the author is told instead of `status` (a bot caught as spam hears "pending"). */
  answer?: Status;
  /** Why: a held comment's moderator alert shows them. */
  reasons?: Array<{ rule: string; detail?: string }>;
  /** Stores the reasons with the comment once it exists (and has its id). */
  record?: (commentId: string) => Promise<void>;
}

const RANK: Record<string, number> = { approved: 0, pending: 1, spam: 2, rejected: 3 };

/** The stricter of two statuses: an edit can hold or reject a comment, never release one. */
export function stricter(a: string, b: Status): Status {
  return (RANK[a] ?? 0) >= RANK[b]! ? (a as Status) : b;
}

/** What the author is told of their own comment: a shadow-banned one looks published. */
export function ownStatus(row: Pick<CommentRow, 'status' | 'shadow'>): Status {
  return (row.shadow ? 'approved' : row.status) as Status;
}

/**
 * Applies an edit's verdict to the stored comment (body already saved): the stricter status,
 * shadow once shadow. Returns the row as it now is.
 */
export async function applyEditVerdict(store: CommentStore, comment: CommentRow, verdict: Verdict, at: number): Promise<CommentRow> {
  const status = stricter(comment.status, verdict.status);
  const shadow = !!comment.shadow || !!verdict.shadow;
  if (status === comment.status && shadow === !!comment.shadow) return comment;
  const change = await store.setStatus(comment.id, status, shadow, at);
  return change ? { ...comment, status, shadow: shadow ? 1 : 0, listed: change.after.listed } : comment;
}

/** The event an edit makes: a comment that was public and is no longer leaves like a deleted one. */
export function editEvent(before: CommentRow, after: CommentRow): { type: 'comment.updated' | 'comment.deleted'; row: CommentRow; extra: Record<string, unknown> } {
  if (isVisible(before) && !isVisible(after)) return { type: 'comment.deleted', row: before, extra: { removed: !after.listed } };
  return { type: 'comment.updated', row: after, extra: {} };
}
