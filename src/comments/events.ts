// Bus events about one comment: the same shape whichever part of the module publishes them.
import type { BusEvent, CommentEvent } from '../platform/bus.ts';
import { newId } from '../platform/ids.ts';
import type { CommentRow } from './store.ts';

/**
 * The status readers may know of: a shadow-banned comment is "shadow", so live streams and
 * notifications (which pass only "approved") never show it to anyone but its author.
 */
export function publicStatus(row: Pick<CommentRow, 'status' | 'shadow'>): string {
  return row.shadow ? 'shadow' : row.status;
}

export function commentEvent(
  type: CommentEvent['type'],
  where: { siteId: string; threadId: string; pageKey: string },
  comment: Pick<CommentRow, 'id' | 'parent_id' | 'status' | 'shadow'>,
  at: number,
  extra: Record<string, unknown> = {},
): BusEvent {
  return {
    id: newId(at), type, ...where, commentId: comment.id, status: publicStatus(comment), at,
    data: { commentId: comment.id, parentId: comment.parent_id, ...extra },
  };
}
