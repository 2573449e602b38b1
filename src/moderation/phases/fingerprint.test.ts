import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold } from '../normalize.ts';
import { BANDS, fingerprint, similarity, similarityAtLeast } from './fingerprint.ts';

const fp = (text: string) => fingerprint(fold(text).text);
const base = 'Buy cheap watches at our store, the best prices in town, free shipping for everyone today';

test('identical texts after folding are identical fingerprints', () => {
  const a = fp(base);
  const b = fp('BUY   cheap wátches at our store,the best prices in town — free shipping for everyone today!!!');
  assert.equal(similarity(a, b), 1);
  assert.equal(a.bands.length, BANDS);
  assert.deepEqual(fp(base).minhash, a.minhash, 'deterministic');
});

test('small edits stay similar, different texts do not', () => {
  const a = fp(base);
  const edited = fp('Buy cheap watches at our shop, the best prices in town, free shipping for everybody today');
  const other = fp('The council meeting ran late and the budget vote was postponed until next week.');
  assert.ok(similarity(a, edited) >= 0.5, `edited ${similarity(a, edited)}`);
  assert.ok(similarity(a, other) < 0.2, `other ${similarity(a, other)}`);
  // Similar texts share at least one band (the store's index), unrelated ones none.
  assert.ok(a.bands.some((band) => edited.bands.includes(band)));
  assert.ok(!a.bands.some((band) => other.bands.includes(band)));
});

test('short and empty texts', () => {
  assert.equal(fp('hey').length, 3);
  assert.equal(similarity(fp('hey'), fp('hey')), 1);
  assert.ok(similarity(fp('hey'), fp('bye')) < 1);
  assert.equal(fp('').length, 0);
});

test('similarityAtLeast gives the similarity when it reaches the threshold, and -1 below it', () => {
  const texts = [base, 'Buy cheap watches at our shop, the best prices in town, free shipping for everybody today', 'Buy cheap watches here', 'The council meeting ran late.', base.toUpperCase()];
  for (const x of texts) {
    for (const y of texts) {
      const sim = similarity(fp(x), fp(y));
      for (const threshold of [0, 0.3, 0.5, 0.7, 0.703125, 0.9, 1]) {
        assert.equal(similarityAtLeast(fp(x), fp(y), threshold), sim >= threshold ? sim : -1, `${threshold}: "${x}" / "${y}"`);
      }
    }
  }
});
