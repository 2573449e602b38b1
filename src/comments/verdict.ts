// What the moderation hook answers, and how that answer is applied to a new or edited comment.
import type { Transaction } from 'kysely';
import type { Database } from '../platform/schema.ts';
import type { CommentRow } from './store.ts';
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
  /** A plain approval of a new comment in the form its row keeps it (`pipeline_timings`): no decision row is written. */
  pipelineTimings?: string;
  /** Stores the decision with its reasons in the comment's own transaction. */
  write?: (trx: Transaction<Database>, commentId: string) => Promise<void>;
  /** Runs once the comment is committed: what moderation keeps of it (its text's fingerprint). */
  stored?: (commentId: string) => Promise<void>;
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

/** The status an edit leaves a comment in: the stricter of the two, shadow once shadow. */
export function editedStatus(comment: CommentRow, verdict: Verdict): { status: Status; shadow: boolean } {
  return { status: stricter(comment.status, verdict.status), shadow: !!comment.shadow || !!verdict.shadow };
}

/** The event an edit makes: a comment that was public and is no longer leaves like a deleted one. */
export function editEvent(before: CommentRow, after: CommentRow): { type: 'comment.updated' | 'comment.deleted'; row: CommentRow; extra: Record<string, unknown> } {
  if (isVisible(before) && !isVisible(after)) return { type: 'comment.deleted', row: before, extra: { removed: !after.listed } };
  return { type: 'comment.updated', row: after, extra: {} };
}
