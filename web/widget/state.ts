// Thread state and its reducer (pure). Async work lives in useThread.ts.
import { addReply, appendNew, change, find, mergeFlat, refresh } from './tree.ts';
import type { Comment, CommentsPage, Me, RepliesPage, Sort, Thread, ThreadConfig, VoteResult } from './types.ts';

export interface State {
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** A page request (sort switch, load more, reload) is in flight. */
  busy: boolean;
  sort: Sort;
  thread: Thread | null;
  config: ThreadConfig;
  comments: Comment[];
  nextCursor: string | null;
  /** The visitor's own comments that are not published (awaiting moderation). */
  own: Comment[];
  votes: Record<string, 1 | -1>;
  /** Per top-level comment: cursor for its next replies page (absent: none fetched yet). */
  replyCursors: Record<string, string | null>;
  /** Ids of comments announced live but not shown yet. */
  arrived: string[];
}

export type Action =
  | { type: 'request'; sort: Sort }
  | { type: 'failed'; error: string }
  | { type: 'page'; page: CommentsPage; append: boolean }
  | { type: 'replies'; topId: string; page: RepliesPage }
  | { type: 'me'; me: Me }
  | { type: 'posted'; comment: Comment; pending: boolean; target: string | null }
  | { type: 'updated'; comment: Comment }
  | { type: 'removed'; comment: Comment }
  | { type: 'voted'; id: string; result: VoteResult }
  | { type: 'arrived'; id: string }
  | { type: 'refreshed'; comments: Comment[] };

export function initial(sort: Sort): State {
  return {
    status: 'loading',
    error: null,
    busy: true,
    sort,
    thread: null,
    config: { maxDepth: 3, editWindowSeconds: 0, theme: 'auto' },
    comments: [],
    nextCursor: null,
    own: [],
    votes: {},
    replyCursors: {},
    arrived: [],
  };
}

/** Put a new comment under its parent, else under the comment replied to, else on top. */
function place(list: Comment[], c: Comment, target: string | null): Comment[] {
  for (const parent of [c.parentId, target]) {
    if (!parent) continue;
    const next = addReply(list, parent, c);
    if (next !== list) return next;
  }
  return [{ ...c, replies: c.replies ?? [] }, ...list];
}

/** Own unpublished comments merged into the published tree for display. */
export function withOwn(list: Comment[], own: Comment[]): Comment[] {
  for (const c of own) if (!find(list, c.id)) list = place(list, c, null);
  return list;
}

function both(s: State, id: string, fn: (c: Comment) => Comment | null): State {
  return { ...s, comments: change(s.comments, id, fn), own: change(s.own, id, fn) };
}

export function reducer(s: State, a: Action): State {
  switch (a.type) {
    case 'request':
      return { ...s, busy: true, sort: a.sort, error: null };
    case 'failed':
      return { ...s, busy: false, status: s.status === 'loading' ? 'error' : s.status, error: a.error };
    case 'page': {
      const { thread, config, comments, nextCursor } = a.page;
      const list = a.append ? appendNew(s.comments, comments) : comments;
      const shown = new Set(list.map((c) => c.id));
      return {
        ...s,
        status: 'ready',
        busy: false,
        error: null,
        thread,
        config,
        comments: list,
        nextCursor,
        replyCursors: a.append ? s.replyCursors : {},
        arrived: a.append ? s.arrived.filter((id) => !shown.has(id)) : [],
      };
    }
    case 'replies': {
      const { list, added } = mergeFlat(s.comments, a.page.comments);
      const done = a.page.nextCursor == null;
      const comments = change(list, a.topId, (c) => ({
        ...c,
        moreReplies: done ? 0 : Math.max(0, (c.moreReplies ?? 0) - added),
      }));
      return { ...s, comments, replyCursors: { ...s.replyCursors, [a.topId]: a.page.nextCursor } };
    }
    case 'me':
      return { ...s, votes: a.me.votes, own: a.me.pending.map((c) => ({ ...c, status: c.status ?? 'pending', replies: [] })) };
    case 'posted': {
      const c = { ...a.comment, replies: a.comment.replies ?? [] };
      const arrived = s.arrived.filter((id) => id !== c.id);
      if (a.pending) return { ...s, arrived, own: [...s.own, { ...c, status: 'pending', parentId: c.parentId ?? a.target }] };
      const thread = s.thread && { ...s.thread, commentCount: s.thread.commentCount + 1 };
      return { ...s, arrived, thread, comments: place(s.comments, c, a.target) };
    }
    case 'updated':
      return both(s, a.comment.id, (c) => ({ ...c, html: a.comment.html, editedAt: a.comment.editedAt }));
    case 'removed': {
      const next = both(s, a.comment.id, (c) => (c.replies.length ? { ...c, ...a.comment, replies: c.replies } : null));
      const thread = s.thread && { ...s.thread, commentCount: Math.max(0, s.thread.commentCount - 1) };
      return { ...next, thread };
    }
    case 'voted': {
      const { score, up, down, value } = a.result;
      const votes = { ...s.votes };
      if (value) votes[a.id] = value;
      else delete votes[a.id];
      return { ...both(s, a.id, (c) => ({ ...c, score, up, down })), votes };
    }
    case 'arrived':
      return s.arrived.includes(a.id) || find(s.comments, a.id) || find(s.own, a.id)
        ? s
        : { ...s, arrived: [...s.arrived, a.id] };
    case 'refreshed':
      return { ...s, comments: refresh(s.comments, a.comments) };
  }
}
