import { test } from 'node:test';
import assert from 'node:assert/strict';
import { belongs, changes, initialQueue, inverse, loaded, move, pin, predict, queueItems, reloading, restore, snapshot, toggle, unpin, updated, type QueueState } from './queueState.ts';
import type { AdminComment } from './types.ts';

function comment(id: string, over: Partial<AdminComment> = {}): AdminComment {
  return {
    id, site: 'demo', thread: { id: 't', page: 'p', url: null, title: null }, parentId: null, depth: 0,
    author: { name: id, email: null, visitorKey: 'v', ipHash: 'i', accountId: null }, body: 'text', status: 'pending',
    shadow: false, listed: false, deleted: false, score: 0, up: 0, down: 0, createdAt: '2025-01-01T00:00:00.000Z', editedAt: null,
    moderation: { decidedBy: 'pipeline', reasons: [], lastAction: null }, reports: { open: 0, weight: 0, byReason: {} }, ...over,
  };
}

const page = (...ids: string[]) => loaded(initialQueue, ids.map((id) => comment(id)), null, false);

test('pages append without duplicates; the first item becomes current', () => {
  const s = loaded(page('a', 'b'), [comment('b'), comment('c')], 'next', true);
  assert.deepEqual(s.items.map((c) => c.id), ['a', 'b', 'c']);
  assert.equal(s.current, 'a');
  assert.equal(s.nextCursor, 'next');
});

test('an approved comment leaves the pending queue and focus moves to the next one', () => {
  let s: QueueState = { ...page('a', 'b', 'c'), current: 'b' };
  s = toggle(s, 'b');
  s = updated(s, 'pending', [predict(s.items[1]!, 'approve')]);
  assert.deepEqual(s.items.map((c) => c.id), ['a', 'c']);
  assert.equal(s.current, 'c');
  assert.equal(s.selected.size, 0, 'a comment that left is no longer selected');
  const last = updated({ ...page('a', 'b'), current: 'b' }, 'pending', [predict(comment('b'), 'reject')]);
  assert.equal(last.current, 'a', 'at the end, focus moves back');
});

test('in Recent a comment stays, with its new status', () => {
  const s = updated(page('a'), 'recent', [predict(comment('a'), 'spam')]);
  assert.equal(s.items[0]!.status, 'spam');
});

test('a rollback puts the comment back where it was', () => {
  const s0 = page('a', 'b', 'c');
  const snaps = snapshot(s0, ['b']);
  const s1 = updated(s0, 'pending', [predict(s0.items[1]!, 'approve')]);
  const s2 = restore(s1, snaps);
  assert.deepEqual(s2.items.map((c) => [c.id, c.status]), [['a', 'pending'], ['b', 'pending'], ['c', 'pending']]);
});

test('queues hold what the contract says', () => {
  assert.ok(belongs('pending', comment('a')));
  assert.ok(!belongs('pending', comment('a', { deleted: true })));
  assert.ok(belongs('rejected', comment('a', { status: 'spam' })));
  assert.ok(belongs('reported', comment('a', { status: 'approved', reports: { open: 1, weight: 1, byReason: {} } })));
  assert.ok(!belongs('reported', predict(comment('a', { reports: { open: 1, weight: 1, byReason: {} } }), 'approve')), 'actions resolve reports');
});

test('every action but delete can be undone; a pending comment goes back with hold', () => {
  assert.equal(inverse(comment('a')), 'hold', 'hold puts an approved or rejected comment back to pending');
  assert.equal(inverse(comment('a', { status: 'spam' })), 'spam');
  assert.equal(inverse(comment('a', { status: 'rejected' })), 'reject');
  assert.equal(inverse(comment('a', { status: 'approved', shadow: true })), 'shadow');
  assert.equal(inverse(comment('a', { status: 'approved', deleted: true })), null);
  assert.ok(!changes(comment('a', { status: 'approved' }), 'approve'), 'repeating an action changes nothing');
  assert.ok(changes(comment('a', { status: 'approved', reports: { open: 2, weight: 2, byReason: {} } }), 'approve'), 'unless it resolves reports');
});

test('a held comment joins Pending and leaves Rejected; holding keeps its reports open', () => {
  const reported = { open: 1, weight: 1, byReason: { abuse: 1 } };
  const held = predict(comment('a', { status: 'rejected', reports: reported }), 'hold');
  assert.deepEqual([held.status, held.listed, held.reports?.open], ['pending', false, 1]);
  assert.ok(belongs('pending', held) && !belongs('rejected', held));
  assert.ok(!changes(comment('a', { reports: reported }), 'hold'), 'holding a pending comment changes nothing, reports or not');
  const rejected = loaded(initialQueue, [comment('a', { status: 'rejected' }), comment('b', { status: 'rejected' })], null, false);
  const s = updated(rejected, 'rejected', [held]);
  assert.deepEqual(s.items.map((c) => c.id), ['b']);
});

test('move stays inside the list', () => {
  const s = page('a', 'b');
  assert.equal(move(s, 1).current, 'b');
  assert.equal(move(move(s, 1), 1).current, 'b');
  assert.equal(move(s, -1).current, 'a');
});

test('a linked comment is pinned first, once, and stays after it leaves the queue until unpinned', () => {
  // The link's comment may arrive before or after the queue's page, which may hold it too.
  const early = loaded(pin(initialQueue, comment('b')), [comment('a'), comment('b')], null, false);
  const late = pin(page('a', 'b'), comment('b'));
  for (const s of [early, late]) {
    assert.deepEqual(s.items.map((c) => c.id), ['b', 'a']);
    assert.equal(s.current, 'b');
  }
  const approved = updated(late, 'pending', [predict(late.items[0]!, 'approve')]);
  assert.deepEqual(approved.items.map((c) => [c.id, c.status]), [['b', 'approved'], ['a', 'pending']]);
  assert.deepEqual(queueItems(approved, 'pending').map((c) => c.id), ['a'], 'not counted as in Pending');
  assert.deepEqual(reloading(approved).items.map((c) => c.id), ['b'], 'a refresh keeps it on screen');
  assert.deepEqual(unpin(approved, 'pending').items.map((c) => c.id), ['a']);
  assert.deepEqual(unpin(late, 'pending').items.map((c) => c.id), ['b', 'a'], 'still pending: it stays');
});

test('a linked comment that arrives while the moderator moves through the list leaves their place alone', () => {
  const moved = { ...page('a', 'b'), current: 'b' };
  const s = pin(moved, comment('c'), true);
  assert.deepEqual(s.items.map((c) => c.id), ['c', 'a', 'b'], 'still pinned first');
  assert.equal(s.current, 'b');
  assert.equal(pin(initialQueue, comment('c'), true).current, 'c', 'nothing to keep: the linked comment is current');
});

test('without a linked comment, unpinning changes nothing (the very same state, so no re-render)', () => {
  const s = { ...page('a', 'b'), current: 'b' };
  assert.equal(unpin(s, 'pending'), s);
});
