// Pure helpers over the nested comment tree. Every function returns new arrays/objects
// along the changed path and leaves the rest shared, so Preact re-renders only what changed.
import type { Comment } from './types.ts';

type Fn = (c: Comment) => Comment | null;

/** Apply fn to the comment with this id (null removes it); returns the same list if absent. */
export function change(list: Comment[], id: string, fn: Fn): Comment[] {
  let touched = false;
  const out: Comment[] = [];
  for (const c of list) {
    if (c.id === id) {
      touched = true;
      const next = fn(c);
      if (next) out.push(next);
      continue;
    }
    const replies = c.replies.length ? change(c.replies, id, fn) : c.replies;
    if (replies !== c.replies) touched = true;
    out.push(replies === c.replies ? c : { ...c, replies });
  }
  return touched ? out : list;
}

export function find(list: Comment[], id: string): Comment | null {
  for (const c of list) {
    if (c.id === id) return c;
    const hit = find(c.replies, id);
    if (hit) return hit;
  }
  return null;
}

export function ids(list: Comment[], into = new Set<string>()): Set<string> {
  for (const c of list) {
    into.add(c.id);
    ids(c.replies, into);
  }
  return into;
}

/** Add a reply under its parent (at the end: conversation order). Same list if no parent. */
export function addReply(list: Comment[], parentId: string, reply: Comment): Comment[] {
  return change(list, parentId, (p) => ({ ...p, replies: [...p.replies, { ...reply, replies: reply.replies ?? [] }] }));
}

/** Append top-level comments not already present (pages can overlap after inserts). */
export function appendNew(list: Comment[], more: Comment[]): Comment[] {
  const seen = ids(list);
  return [...list, ...more.filter((c) => !seen.has(c.id))];
}

/** Nest a flat, conversation-ordered list of replies into the tree; skip ones shown already. */
export function mergeFlat(list: Comment[], flat: Comment[]): { list: Comment[]; added: number } {
  const seen = ids(list);
  let added = 0;
  for (const c of flat) {
    if (seen.has(c.id) || !c.parentId) continue;
    const next = addReply(list, c.parentId, { ...c, replies: [] });
    if (next !== list) {
      list = next;
      seen.add(c.id);
      added++;
    }
  }
  return { list, added };
}

/** Copy server-side changes (text, votes, deletion) onto comments we already show. */
export function refresh(list: Comment[], fresh: Comment[]): Comment[] {
  for (const f of fresh) {
    list = change(list, f.id, (c) => ({
      ...c,
      html: f.html,
      editedAt: f.editedAt,
      deleted: f.deleted,
      author: f.author,
      score: f.score,
      up: f.up,
      down: f.down,
    }));
    list = refresh(list, f.replies);
  }
  return list;
}
