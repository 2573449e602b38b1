import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isId, newId } from './ids.ts';

describe('ids', () => {
  it('are 16 Crockford base32 characters', () => {
    const id = newId();
    assert.match(id, /^[0-9A-HJKMNP-TV-Z]{16}$/);
    assert.ok(isId(id));
  });

  it('sort as text in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
    const fixed = Array.from({ length: 100 }, () => newId(1_700_000_000_000));
    assert.deepEqual([...fixed].sort(), fixed);
  });

  it('encode the given time, so an older time sorts first', () => {
    const later = newId(2_000_000_000_000);
    const earlier = newId(1_000_000_000_000);
    assert.ok(earlier < later);
    assert.equal(newId(0).slice(0, 10), '0000000000');
  });

  it('recognise only well-formed ids', () => {
    for (const bad of ['', 'short', '0000000000000000X', '000000000000000I', '000000000000000u', 42, null]) assert.equal(isId(bad), false, String(bad));
  });
});
