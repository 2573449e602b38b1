// A list of comments (the thread, or the replies to one comment) as a real list.
import { CommentItem } from './CommentItem.tsx';
import type { Comment } from './types.ts';

export function CommentList({ comments, label }: { comments: Comment[]; label: string }) {
  return (
    <ul class="list" aria-label={label}>
      {comments.map((c) => (
        <CommentItem key={c.id} comment={c} />
      ))}
    </ul>
  );
}
