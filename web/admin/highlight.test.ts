import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matched, segments } from './highlight.ts';

const r = (span?: unknown) => ({ phase: 'terms', rule: 'terms.banned', span }) as never;

test('plain text without spans is one plain segment', () => {
  assert.deepEqual(segments('hello', []), [{ text: 'hello', reasons: [] }]);
  assert.deepEqual(segments('hello', [r()]), [{ text: 'hello', reasons: [] }]);
  assert.deepEqual(segments('', [r([0, 3])]), []);
});

test('a span marks exactly [start, end)', () => {
  assert.deepEqual(segments('you idiot!', [r([4, 9])]), [
    { text: 'you ', reasons: [] },
    { text: 'idiot', reasons: [1] },
    { text: '!', reasons: [] },
  ]);
});

test('overlapping spans split into pieces carrying every covering reason', () => {
  assert.deepEqual(segments('abcdefgh', [r([1, 5]), r([3, 7])]), [
    { text: 'a', reasons: [] },
    { text: 'bc', reasons: [1] },
    { text: 'de', reasons: [1, 2] },
    { text: 'fg', reasons: [2] },
    { text: 'h', reasons: [] },
  ]);
});

test('spans out of range, reversed or malformed are clamped or ignored', () => {
  assert.deepEqual(segments('abc', [r([2, 99])]), [{ text: 'ab', reasons: [] }, { text: 'c', reasons: [1] }]);
  assert.deepEqual(segments('abc', [r([2, 1]), r(['0', 1]), r([0.5, 2]), r([1])]), [{ text: 'abc', reasons: [] }]);
});

test('a span never splits a surrogate pair', () => {
  const text = 'a😀b';
  assert.deepEqual(segments(text, [r([2, 3])]), [{ text: 'a', reasons: [] }, { text: '😀', reasons: [1] }, { text: 'b', reasons: [] }]);
});

test('script payloads stay text in segments', () => {
  const body = '<script>alert(1)</script> you idiot';
  const segs = segments(body, [r([26, 35])]);
  assert.equal(segs.map((s) => s.text).join(''), body);
  assert.equal(segs[1]!.text, 'you idiot');
});

test('matched() returns the matched text, shortened', () => {
  assert.equal(matched('you k1ke', r([4, 8])), 'k1ke');
  assert.equal(matched('x', r()), null);
  assert.equal(matched('a'.repeat(100), r([0, 100]), 10), `${'a'.repeat(9)}…`);
});
