// The widget's pure parts: the thread reducer, tree merging and the t() helper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t } from './i18n/t.ts';
import { initial, reducer, withOwn, type State } from './state.ts';
import type { Comment, CommentsPage } from './types.ts';

function c(id: string, parentId: string | null = null, replies: Comment[] = [], extra: Partial<Comment> = {}): Comment {
  return {
    id, parentId, depth: 0, author: { name: `A${id}`, avatar: null }, html: `<p>${id}</p>`,
    createdAt: '2026-01-01T00:00:00Z', editedAt: null, score: 0, up: 0, down: 0, deleted: false,
    replyTo: null, replies, moreReplies: 0, ...extra,
  };
}

function loaded(comments: Comment[], nextCursor: string | null = null): State {
  const page: CommentsPage = {
    thread: { id: 't', page: 'p', url: null, title: null, commentCount: 5, closed: false },
    config: { maxDepth: 3, editWindowSeconds: 600, theme: 'auto' },
    comments,
    nextCursor,
  };
  return reducer(initial('newest'), { type: 'page', page, append: false });
}

const ids = (list: Comment[]): string[] => list.flatMap((x) => [x.id, ...ids(x.replies)]);

test('a posted comment goes on top, a reply under its parent, and the count rises', () => {
  let s = loaded([c('1', null, [c('2', '1')])]);
  s = reducer(s, { type: 'posted', comment: c('3'), pending: false, target: null });
  s = reducer(s, { type: 'posted', comment: c('4', '2'), pending: false, target: '2' });
  assert.deepEqual(ids(s.comments), ['3', '1', '2', '4']);
  assert.equal(s.thread?.commentCount, 7);
});

test('a reply whose parent is not shown falls back to the comment replied to', () => {
  const s = reducer(loaded([c('1')]), { type: 'posted', comment: c('9', 'hidden'), pending: false, target: '1' });
  assert.deepEqual(ids(s.comments), ['1', '9']);
});

test('pending comments are kept apart and shown in place, once', () => {
  let s = loaded([c('1')]);
  s = reducer(s, { type: 'posted', comment: c('5', '1'), pending: true, target: '1' });
  assert.deepEqual(ids(s.comments), ['1']);
  assert.deepEqual(ids(withOwn(s.comments, s.own)), ['1', '5']);
  assert.equal(s.own[0]?.status, 'pending');
  s = reducer(s, { type: 'page', page: { ...pageOf(s), comments: [c('1', null, [c('5', '1')])] }, append: false });
  assert.deepEqual(ids(withOwn(s.comments, s.own)), ['1', '5'], 'approved later: not shown twice');
});

function pageOf(s: State): CommentsPage {
  return { thread: s.thread!, config: s.config, comments: s.comments, nextCursor: s.nextCursor };
}

test('deleting keeps a placeholder while there are replies, else removes', () => {
  let s = loaded([c('1', null, [c('2', '1')]), c('3')]);
  s = reducer(s, { type: 'removed', comment: c('1', null, [], { deleted: true, html: '' }) });
  s = reducer(s, { type: 'removed', comment: c('3', null, [], { deleted: true, html: '' }) });
  assert.deepEqual(ids(s.comments), ['1', '2']);
  assert.equal(s.comments[0]?.deleted, true);
});

test('more replies merge flat lists into the tree by parent, skipping shown ones', () => {
  let s = loaded([c('1', null, [c('2', '1')], { moreReplies: 3 })]);
  s = reducer(s, { type: 'replies', topId: '1', page: { comments: [c('2', '1'), c('3', '2'), c('4', '1'), c('5', '3')], nextCursor: null } });
  assert.deepEqual(ids(s.comments), ['1', '2', '3', '5', '4']);
  assert.equal(s.comments[0]?.moreReplies, 0);
});

test('load more appends without duplicates; votes update score and my vote', () => {
  let s = loaded([c('1'), c('2')], 'next');
  s = reducer(s, { type: 'page', page: { ...pageOf(s), comments: [c('2'), c('3')], nextCursor: null }, append: true });
  assert.deepEqual(ids(s.comments), ['1', '2', '3']);
  s = reducer(s, { type: 'voted', id: '3', result: { score: 1, up: 1, down: 0, value: 1 } });
  assert.equal(s.votes['3'], 1);
  assert.equal(s.comments[2]?.score, 1);
  s = reducer(s, { type: 'voted', id: '3', result: { score: 0, up: 0, down: 0, value: 0 } });
  assert.equal(s.votes['3'], undefined);
});

test('live arrivals are counted once and never for comments already shown', () => {
  let s = loaded([c('1')]);
  for (const id of ['1', '7', '7', '8']) s = reducer(s, { type: 'arrived', id });
  assert.deepEqual(s.arrived, ['7', '8']);
  s = reducer(s, { type: 'posted', comment: c('8'), pending: false, target: null });
  assert.deepEqual(s.arrived, ['7'], 'my own post, announced before the response, is not "new"');
});

test('t() fills placeholders and picks plural forms', () => {
  assert.equal(t('comments', { count: 0 }), '0 comments');
  assert.equal(t('comments', { count: 1 }), '1 comment');
  assert.equal(t('moreReplies', { count: 2 }), 'Show 2 more replies');
  assert.equal(t('replyTo', { name: 'Ada' }), '↪ @Ada');
});
