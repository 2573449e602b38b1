import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, type CachedBody } from './cache.ts';

const body = (text: string): CachedBody => ({ body: Buffer.from(text), etag: `"${text}"` });

describe('PageCache', () => {
  it('returns what was stored under a key', () => {
    const cache = new PageCache(10);
    cache.set('g', 'k', body('one'));
    assert.equal(cache.get('k')?.body.toString(), 'one');
    assert.equal(cache.get('k')?.etag, '"one"');
    assert.equal(cache.get('missing'), undefined);
  });

  it('replaces a key stored twice without growing', () => {
    const cache = new PageCache(10);
    cache.set('g', 'k', body('one'));
    cache.set('g', 'k', body('two'));
    assert.equal(cache.size, 1);
    assert.equal(cache.get('k')?.body.toString(), 'two');
  });

  it('drops every key of a group on invalidate, and only that group', () => {
    const cache = new PageCache(10);
    cache.set('thread:a', 'a1', body('a1'));
    cache.set('thread:a', 'a2', body('a2'));
    cache.set('thread:b', 'b1', body('b1'));
    cache.invalidate('thread:a');
    assert.equal(cache.get('a1'), undefined);
    assert.equal(cache.get('a2'), undefined);
    assert.equal(cache.get('b1')?.body.toString(), 'b1');
    assert.equal(cache.size, 1);
    cache.set('thread:a', 'a1', body('fresh'));
    assert.equal(cache.get('a1')?.body.toString(), 'fresh');
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new PageCache(3);
    cache.set('g', 'a', body('a'));
    cache.set('g', 'b', body('b'));
    cache.set('g', 'c', body('c'));
    cache.get('a');
    cache.set('g', 'd', body('d'));
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b'), undefined, 'b was least recently used');
    for (const key of ['a', 'c', 'd']) assert.ok(cache.get(key), key);
  });

  it('forgets evicted keys in their group, so invalidating later is clean', () => {
    const cache = new PageCache(1);
    cache.set('g1', 'a', body('a'));
    cache.set('g2', 'b', body('b'));
    cache.invalidate('g1');
    assert.equal(cache.get('b')?.body.toString(), 'b');
  });

  it('refuses a value loaded before the group was invalidated', () => {
    const cache = new PageCache(10);
    const generation = cache.generation('g');
    // A write lands while the page is being loaded...
    cache.invalidate('g');
    // ...so the page, loaded from before the write, must not be cached.
    cache.set('g', 'k', body('stale'), generation);
    assert.equal(cache.get('k'), undefined);
    cache.set('g', 'k', body('fresh'), cache.generation('g'));
    assert.equal(cache.get('k')?.body.toString(), 'fresh');
  });

  it('keeps generations per group', () => {
    const cache = new PageCache(10);
    const other = cache.generation('other');
    cache.invalidate('g');
    cache.set('other', 'k', body('ok'), other);
    assert.equal(cache.get('k')?.body.toString(), 'ok');
  });

  it('remembers a bounded number of invalidated groups, and still refuses stale loads of forgotten ones', () => {
    const cache = new PageCache(10);
    const before = cache.generation('first');
    cache.invalidate('first');
    for (let i = 0; i < 5000; i++) cache.invalidate(`thread:${i}`);
    assert.ok(cache.rememberedGroups <= 1024, `${cache.rememberedGroups} groups remembered`);
    // 'first' was forgotten long ago, yet a load begun before its invalidation is still refused...
    cache.set('first', 'k', body('stale'), before);
    assert.equal(cache.get('k'), undefined);
    // ...while a load begun now is kept.
    cache.set('first', 'k', body('fresh'), cache.generation('first'));
    assert.equal(cache.get('k')?.body.toString(), 'fresh');
  });

  it('refuses loads begun before clear()', () => {
    const cache = new PageCache(10);
    const before = cache.generation('g');
    cache.clear();
    cache.set('g', 'k', body('stale'), before);
    assert.equal(cache.get('k'), undefined);
  });

  it('stores nothing when sized 0', () => {
    const cache = new PageCache(0);
    cache.set('g', 'k', body('x'));
    assert.equal(cache.get('k'), undefined);
    assert.equal(cache.size, 0);
  });
});
