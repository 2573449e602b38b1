import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { placeReply } from './placement.ts';
import type { CommentRow } from './store.ts';

/** A stored comment at the end of `path` (ids joined by '/'). */
function row(path: string, author = 'Author'): CommentRow {
  const ids = path.split('/');
  const id = ids.at(-1)!;
  return {
    id, thread_id: 'T', site_id: 'S', parent_id: ids.at(-2) ?? null, root_id: ids[0], path, depth: ids.length - 1,
    reply_to_id: null, reply_to_name: null, author_name: author, author_email: null, author_key: null, ip_hash: null,
    body: '', html: '', status: 'approved', listed: 1, score: 0, up: 0, down: 0, child_count: 0, deleted: 0,
    edit_token_hash: null, created_at: 0, edited_at: null, deleted_at: null,
  };
}

describe('placeReply', () => {
  it('makes a comment without parent its own root at depth 0', () => {
    assert.deepEqual(placeReply('N', null, 5), { parent_id: null, root_id: 'N', path: 'N', depth: 0, reply_to_id: null, reply_to_name: null });
  });

  it('nests a reply one level below its parent while depth allows', () => {
    assert.deepEqual(placeReply('N', row('A'), 5), { parent_id: 'A', root_id: 'A', path: 'A/N', depth: 1, reply_to_id: null, reply_to_name: null });
    assert.deepEqual(placeReply('N', row('A/B/C/D'), 5), { parent_id: 'D', root_id: 'A', path: 'A/B/C/D/N', depth: 4, reply_to_id: null, reply_to_name: null });
  });

  it('attaches a reply to the deepest level beside its parent, remembering whom it answers', () => {
    assert.deepEqual(placeReply('N', row('A/B/C/D/E', 'Eve'), 5), {
      parent_id: 'D', root_id: 'A', path: 'A/B/C/D/N', depth: 4, reply_to_id: 'E', reply_to_name: 'Eve',
    });
  });

  it('keeps the path a prefix-ordered chain of the stored parent', () => {
    const placed = placeReply('N', row('A/B/C/D/E'), 5);
    assert.ok(placed.path.startsWith(`${['A', 'B', 'C', 'D'].join('/')}/`));
    assert.equal(placed.path.split('/').length - 1, placed.depth);
    assert.equal(placed.path.split('/').at(-2), placed.parent_id);
  });

  it('with maxDepth 2, keeps every answer to a reply at depth 1 under the root', () => {
    assert.deepEqual(placeReply('N', row('A/B', 'Bob'), 2), {
      parent_id: 'A', root_id: 'A', path: 'A/N', depth: 1, reply_to_id: 'B', reply_to_name: 'Bob',
    });
  });

  it('with maxDepth 1 (a flat thread), makes every reply a new top-level comment that names whom it answers', () => {
    assert.deepEqual(placeReply('N', row('A', 'Ann'), 1), {
      parent_id: null, root_id: 'N', path: 'N', depth: 0, reply_to_id: 'A', reply_to_name: 'Ann',
    });
  });
});
