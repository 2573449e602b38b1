import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CandidateQuery, FingerprintEntry } from './duplicate-store.ts';
import { BANDS, SLOTS, fingerprint, similarityAtLeast } from './fingerprint.ts';
import { createMemoryFingerprintStore } from './memory-fingerprint-store.ts';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function entry(commentId: string, text: string, authorKeys: string[], at = T0, siteId = 's'): FingerprintEntry {
  const fp = fingerprint(text);
  return { commentId, siteId, at, authorKeys, exact: fp.exact, minhash: fp.minhash, bands: fp.bands, length: fp.length };
}

function query(text: string, authorKeys: string[] = [], similarity?: number, siteId = 's'): CandidateQuery {
  const fp = fingerprint(text);
  return { siteId, bands: fp.bands, authorKeys, since: 0, ...(similarity !== undefined && { like: { minhash: fp.minhash, exact: fp.exact, similarity } }) };
}

const ids = (found: { commentId: string }[]) => found.map((e) => e.commentId).sort();

describe('memory fingerprint store', () => {
  const text = 'the council should publish the full survey of the flood plain before the vote';

  test('finds an entry by its bands or by its author, on its own site only, with what was stored', () => {
    const store = createMemoryFingerprintStore({ now: () => T0 });
    const stored = entry('c1', text, ['visitor:a', 'ip:1']);
    store.add(stored, MIN);
    const [found] = store.candidates(query(text));
    assert.deepEqual(found, { commentId: 'c1', siteId: 's', at: T0, authorKeys: ['visitor:a', 'ip:1'], exact: stored.exact, minhash: stored.minhash, length: stored.length });
    assert.deepEqual(ids(store.candidates(query('an unrelated text about nothing in particular at all', ['ip:1']))), ['c1']);
    assert.deepEqual(store.candidates(query('an unrelated text about nothing in particular at all', ['ip:2'])), []);
    assert.deepEqual(store.candidates(query(text, ['ip:1'], undefined, 'elsewhere')), []);
  });

  test('with a similarity threshold, leaves out entries less similar than it', () => {
    const store = createMemoryFingerprintStore({ now: () => T0 });
    store.add(entry('near', text, ['visitor:a']), MIN);
    store.add(entry('far', 'a completely different remark about the football on saturday night', ['visitor:a']), MIN);
    assert.deepEqual(ids(store.candidates(query(`${text}!`, ['visitor:a']))), ['far', 'near']);
    assert.deepEqual(ids(store.candidates(query(`${text}!`, ['visitor:a'], 0.7))), ['near']);
  });

  test('an edit replaces the entry of its comment; a ring that wraps forgets the oldest', () => {
    const store = createMemoryFingerprintStore({ maxEntries: 3, now: () => T0 });
    store.add(entry('c1', text, ['visitor:a']), MIN);
    store.add(entry('c1', 'now it says something else entirely, about parking fees', ['visitor:a']), MIN);
    assert.deepEqual(store.candidates(query(text)), []);
    assert.equal(store.size(), 1);
    for (const id of ['c2', 'c3', 'c4']) store.add(entry(id, `${text} ${id}`, ['visitor:b']), MIN);
    assert.deepEqual(ids(store.candidates(query('', ['visitor:a']))), []);
    assert.deepEqual(ids(store.candidates(query('', ['visitor:b']))), ['c2', 'c3', 'c4']);
    assert.equal(store.size(), 3);
  });

  test('answers like a plain list of the same entries, through wrap-arounds, edits and shared buckets', () => {
    // A small ring and few distinct keys, so keys share buckets and chains run into reused slots.
    let seed = 7;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const capacity = 16;
    const perKey = 5;
    let now = T0;
    const store = createMemoryFingerprintStore({ maxEntries: capacity, perKey, retentionMs: 30 * MIN, now: () => now });
    const model: FingerprintEntry[] = []; // every add, oldest first
    const randomEntry = (): FingerprintEntry => {
      const minhash = Uint32Array.from({ length: SLOTS }, () => rand(3));
      return {
        commentId: `c${rand(40)}`, siteId: rand(4) === 0 ? 'other' : 's', at: now, authorKeys: [`visitor:${rand(6)}`, `ip:${rand(6)}`],
        exact: `x${rand(5)}`, minhash, bands: Array.from({ length: BANDS }, (_, b) => b * 8 + rand(8)), length: 40,
      };
    };
    /** What the store should find: among the ring's live entries, per key the newest perKey. */
    const expected = (q: CandidateQuery): string[] => {
      const ring = model.slice(-capacity).filter((e, i, all) => !all.slice(i + 1).some((later) => later.siteId === e.siteId && later.commentId === e.commentId));
      const live = ring.filter((e) => e.siteId === q.siteId).reverse();
      const found = new Set<FingerprintEntry>();
      for (const band of q.bands) live.filter((e) => e.bands.includes(band)).slice(0, perKey).forEach((e) => found.add(e));
      for (const key of q.authorKeys) live.filter((e) => e.authorKeys.includes(key)).slice(0, perKey).forEach((e) => found.add(e));
      return [...found]
        .filter((e) => e.at >= Math.max(q.since, now - 30 * MIN))
        .filter((e) => !q.like || similarityAtLeast(q.like, e, q.like.similarity) >= 0)
        .map((e) => `${e.commentId}@${e.at}`).sort();
    };
    for (let step = 0; step < 2000; step++) {
      now += rand(3) * MIN;
      if (rand(3) > 0) {
        const added = randomEntry();
        store.add(added, MIN);
        model.push(added);
      } else {
        const probe = randomEntry();
        const q: CandidateQuery = {
          siteId: probe.siteId, bands: probe.bands.slice(0, 1 + rand(BANDS)), authorKeys: probe.authorKeys.slice(0, rand(3)), since: now - rand(40) * MIN,
          ...(rand(2) === 0 && { like: { minhash: probe.minhash, exact: probe.exact, similarity: 0.3 } }),
        };
        const found = store.candidates(q).map((e) => `${e.commentId}@${e.at}`).sort();
        assert.deepEqual(found, expected(q), `step ${step}`);
      }
    }
  });
});
