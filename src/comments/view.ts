// Stored rows → the public JSON shape of DESIGN.md. Never exposes e-mail, keys or hashes.
import type { CommentRow, ReplyRow } from './store.ts';
import { isVisible } from './visibility.ts';
import { anchorView, type StoredAnchor } from '../inline/validate.ts';

export interface CommentView {
  id: string;
  parentId: string | null;
  depth: number;
  author: { name: string; avatar: string | null };
  html: string;
  createdAt: string;
  editedAt: string | null;
  score: number;
  up: number;
  down: number;
  deleted: boolean;
  replyTo: { id: string; name: string } | null;
  replies: CommentView[];
  moreReplies: number;
  /** The passage of the article it is about (inline feedback); absent for other comments. */
  anchor?: StoredAnchor & { key: string };
}

/** The anchor field, only on comments that have one (a deleted comment's is dropped with its text). */
function anchorOf(row: CommentRow, deleted: boolean): Pick<CommentView, 'anchor'> {
  const anchor = deleted ? undefined : anchorView(row);
  return anchor ? { anchor } : {};
}

export function toView(row: CommentRow): CommentView {
  // A listed comment that is not visible (held, rejected or shadow-banned while it has
  // replies) is shown as a placeholder, like a deleted one.
  const deleted = row.deleted === 1 || (row.listed === 1 && !isVisible(row));
  return {
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth,
    author: { name: deleted ? '' : row.author_name, avatar: deleted ? null : (row.author_avatar ?? null) },
    html: deleted ? '' : row.html,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
    score: row.score,
    up: row.up,
    down: row.down,
    deleted,
    replyTo: row.reply_to_id ? { id: row.reply_to_id, name: row.reply_to_name ?? '' } : null,
    replies: [],
    moreReplies: 0,
    ...anchorOf(row, deleted),
  };
}

/**
 * Nests replies under their roots. Replies arrive in path order, so every parent comes
 * before its children; a reply whose parent is absent is counted as more, not shown.
 */
export function buildTree(roots: CommentRow[], replies: ReplyRow[]): CommentView[] {
  const views = roots.map(toView);
  const byId = new Map(views.map((v) => [v.id, v]));
  const shown = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const row of replies) {
    totals.set(row.root_id, row.total);
    const parent = row.parent_id ? byId.get(row.parent_id) : undefined;
    if (!parent) continue;
    const view = toView(row);
    parent.replies.push(view);
    byId.set(view.id, view);
    shown.set(row.root_id, (shown.get(row.root_id) ?? 0) + 1);
  }
  for (const root of views) root.moreReplies = (totals.get(root.id) ?? 0) - (shown.get(root.id) ?? 0);
  return views;
}
