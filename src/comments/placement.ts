// Where a new comment sits in the tree. Replies deeper than the site's limit attach
// beside their parent at the deepest level and remember whom they answer.
import type { CommentRow } from './store.ts';

export type Placement = Pick<CommentRow, 'parent_id' | 'root_id' | 'path' | 'depth' | 'reply_to_id' | 'reply_to_name'>;

export function placeReply(id: string, parent: CommentRow | null, maxDepth: number): Placement {
  if (!parent) return { parent_id: null, root_id: id, path: id, depth: 0, reply_to_id: null, reply_to_name: null };
  const deepest = maxDepth - 1;
  if (parent.depth < deepest) {
    return { parent_id: parent.id, root_id: parent.root_id, path: `${parent.path}/${id}`, depth: parent.depth + 1, reply_to_id: null, reply_to_name: null };
  }
  // Attach under the ancestor one level above the deepest; with a flat thread, at the top.
  const ancestors = parent.path.split('/');
  const answer = { reply_to_id: parent.id, reply_to_name: parent.author_name };
  if (deepest === 0) return { parent_id: null, root_id: id, path: id, depth: 0, ...answer };
  const anchorPath = ancestors.slice(0, deepest).join('/');
  return { parent_id: ancestors[deepest - 1], root_id: parent.root_id, path: `${anchorPath}/${id}`, depth: deepest, ...answer };
}
