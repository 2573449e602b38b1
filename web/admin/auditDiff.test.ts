import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changes } from './auditDiff.ts';

test('only the leaves that differ are listed, with their paths', () => {
  const before = { version: 0, moderation: { terms: { suspect: [], allow: ['a', 'b'] }, links: { max: 3 } } };
  const after = { version: 1, moderation: { terms: { suspect: ['zebra'], allow: ['a', 'b'] }, links: { max: 4 } } };
  assert.deepEqual(changes(before, after), [
    { path: 'version', before: '0', after: '1' },
    { path: 'moderation.terms.suspect', before: '', after: '+"zebra"' },
    { path: 'moderation.links.max', before: '3', after: '4' },
  ]);
});

test('a status change, a new value, and nothing changed', () => {
  assert.deepEqual(changes({ status: 'pending', shadow: false }, { status: 'approved', shadow: false }), [
    { path: 'status', before: '"pending"', after: '"approved"' },
  ]);
  assert.deepEqual(changes(null, { kind: 'email' }), [{ path: 'kind', before: '—', after: '"email"' }]);
  assert.deepEqual(changes({ a: 1 }, { a: 1 }), []);
});
