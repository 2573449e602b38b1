// The state of one queue page, as pure functions: pages appended by cursor, the focused and
// selected items, the pinned comment an alert linked to, and optimistic moderation (predict
// the result, apply it at once, put the previous version back if the server refuses).
import type { Action, AdminComment, QueueName } from './types.ts';

export interface QueueState {
  items: AdminComment[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  /** A further page is loading. */
  more: boolean;
  selected: ReadonlySet<string>;
  /** The id of the item keyboard commands act on. */
  current: string | null;
  /** The id of the comment an alert linked to: first in the list, kept there whatever its status. */
  pinned: string | null;
}

export const initialQueue: QueueState = {
  items: [], nextCursor: null, status: 'loading', error: null, more: false, selected: new Set(), current: null, pinned: null,
};

/** Where an item was before an optimistic change, to put it back. */
export interface Snapshot {
  comment: AdminComment;
  index: number;
}

export function loaded(state: QueueState, comments: AdminComment[], nextCursor: string | null, append: boolean): QueueState {
  // A fresh page keeps only the pinned comment, ahead of the page (which may hold it too).
  const kept = append ? state.items : state.items.filter((c) => c.id === state.pinned);
  const have = new Set(kept.map((c) => c.id));
  const items = [...kept, ...comments.filter((c) => !have.has(c.id))];
  const ids = new Set(items.map((c) => c.id));
  const current = state.current && ids.has(state.current) ? state.current : (items[0]?.id ?? null);
  const selected = new Set([...state.selected].filter((id) => ids.has(id)));
  return { ...state, items, nextCursor, status: 'ready', error: null, more: false, current, selected };
}

/** Whether a comment belongs in a queue (docs/ADMIN-API.md §4). */
export function belongs(queue: QueueName, c: AdminComment): boolean {
  switch (queue) {
    case 'pending':
      return c.status === 'pending' && !c.deleted;
    case 'reported':
      return (c.reports?.open ?? 0) > 0;
    case 'rejected':
      return c.status === 'rejected' || c.status === 'spam';
    case 'recent':
      return true;
  }
}

/** What an action will most likely make of a comment (§5); the server's answer replaces it. */
export function predict(c: AdminComment, action: Action): AdminComment {
  const reports = c.reports ? { ...c.reports, open: 0 } : c.reports;
  switch (action) {
    case 'approve':
      return { ...c, status: 'approved', shadow: false, listed: true, reports };
    case 'shadow':
      return { ...c, status: 'approved', shadow: true, listed: false, reports };
    case 'reject':
      return { ...c, status: 'rejected', shadow: false, listed: false, reports };
    case 'spam':
      return { ...c, status: 'spam', shadow: false, listed: false, reports };
    case 'delete':
      return { ...c, deleted: true, listed: false, reports };
    case 'hold':
      // Holding leaves reports open for the review it asks for.
      return { ...c, status: 'pending', shadow: false, listed: false };
  }
}

/** The action that puts a comment back as it was; none for a deleted one (deleting is for good). */
export function inverse(before: AdminComment): Action | null {
  if (before.deleted) return null;
  if (before.status === 'approved') return before.shadow ? 'shadow' : 'approve';
  if (before.status === 'rejected') return 'reject';
  if (before.status === 'spam') return 'spam';
  return 'hold';
}

/** Does the action change anything? (Repeating one is harmless but pointless.) */
export function changes(c: AdminComment, action: Action): boolean {
  const next = predict(c, action);
  const settlesReports = action !== 'hold' && (c.reports?.open ?? 0) > 0;
  return next.status !== c.status || next.shadow !== c.shadow || next.deleted !== c.deleted || settlesReports;
}

/**
 * Puts new versions of comments in place; those that no longer belong in the queue leave it.
 * Focus moves to the item after the first one that left (or before it, at the end).
 */
export function updated(state: QueueState, queue: QueueName, comments: AdminComment[]): QueueState {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const items: AdminComment[] = [];
  let current = state.current;
  let currentGone = false;
  let nextAfterCurrent: string | null = null;
  let lastKept: string | null = null;
  for (const item of state.items) {
    const next = byId.get(item.id) ?? item;
    if (item.id === state.pinned || belongs(queue, next)) {
      items.push(next);
      if (currentGone && nextAfterCurrent === null) nextAfterCurrent = next.id;
      if (!currentGone) lastKept = next.id;
    } else if (item.id === current) {
      currentGone = true;
    }
  }
  if (currentGone) current = nextAfterCurrent ?? lastKept;
  const ids = new Set(items.map((c) => c.id));
  const selected = new Set([...state.selected].filter((id) => ids.has(id)));
  return { ...state, items, current, selected };
}

/** Loading the queue afresh: only the pinned comment stays on screen meanwhile. */
export function reloading(state: QueueState): QueueState {
  const items = state.items.filter((c) => c.id === state.pinned);
  return { ...initialQueue, items, pinned: state.pinned, current: items[0]?.id ?? null, selected: new Set() };
}

/**
 * Shows `comment` first; it stays whatever becomes of it, until unpinned. It becomes the current
 * item unless `keepPlace`: a moderator already moving through the list stays where they are.
 */
export function pin(state: QueueState, comment: AdminComment, keepPlace = false): QueueState {
  const items = [comment, ...state.items.filter((c) => c.id !== comment.id)];
  const current = keepPlace && state.current ? state.current : comment.id;
  return { ...state, items, pinned: comment.id, current };
}

/** The pinned comment becomes an ordinary item: it leaves the list unless it belongs in the queue. */
export function unpin(state: QueueState, queue: QueueName): QueueState {
  return state.pinned ? updated({ ...state, pinned: null }, queue, []) : state;
}

/** The items that are in the queue itself (the pinned one only while it belongs there). */
export function queueItems(state: QueueState, queue: QueueName): AdminComment[] {
  return state.items.filter((c) => c.id !== state.pinned || belongs(queue, c));
}

export function snapshot(state: QueueState, ids: Iterable<string>): Snapshot[] {
  const want = new Set(ids);
  const out: Snapshot[] = [];
  state.items.forEach((comment, index) => {
    if (want.has(comment.id)) out.push({ comment, index });
  });
  return out;
}

/** Rolls back: each comment as it was, where it was (re-inserted if it left the list). */
export function restore(state: QueueState, snaps: Snapshot[]): QueueState {
  let items = [...state.items];
  for (const { comment, index } of [...snaps].sort((a, b) => a.index - b.index)) {
    const at = items.findIndex((c) => c.id === comment.id);
    if (at >= 0) items[at] = comment;
    else items = [...items.slice(0, index), comment, ...items.slice(index)];
  }
  return { ...state, items, current: state.current ?? snaps[0]?.comment.id ?? null };
}

export function toggle(state: QueueState, id: string): QueueState {
  const selected = new Set(state.selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  return { ...state, selected };
}

export function selectAll(state: QueueState, on: boolean): QueueState {
  return { ...state, selected: on ? new Set(state.items.map((c) => c.id)) : new Set() };
}

/** Moves the current item by `delta` (j/k), staying inside the list. */
export function move(state: QueueState, delta: number): QueueState {
  if (!state.items.length) return state;
  const at = state.items.findIndex((c) => c.id === state.current);
  const next = Math.max(0, Math.min(state.items.length - 1, (at < 0 ? 0 : at) + delta));
  return { ...state, current: state.items[next]!.id };
}
