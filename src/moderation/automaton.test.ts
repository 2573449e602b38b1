// The automaton finds exactly what a naive search finds: every occurrence of every pattern,
// overlapping ones included, for pattern sets small enough that every state has a dense row
// and large enough that most do not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAutomaton, buildTrie } from './automaton.ts';
import { seededRandom as random } from '../../test/helpers/random.ts';

function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((p, index) => {
    if (p === '') return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) found.push(`${index}@${at + p.length}`);
  });
  return found.sort();
}

function naiveFrom(patterns: readonly string[], text: string, starts: Uint8Array): string[] {
  return naive(patterns, text).filter((hit) => {
    const [index, end] = hit.split('@').map(Number);
    return starts[end - patterns[index].length] === 1;
  });
}

function scannedFrom(patterns: readonly string[], text: string, starts: Uint8Array): string[] {
  const found: string[] = [];
  buildTrie(patterns).scanFrom(text, starts, (pattern, end) => found.push(`${pattern}@${end}`));
  return found.sort();
}

function scanned(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  buildAutomaton(patterns).scan(text, (pattern, end) => found.push(`${pattern}@${end}`));
  return found.sort();
}

const word = (rand: () => number, alphabet: string, min: number, max: number) =>
  Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

test('overlapping, nested and repeated patterns are all found where they end', () => {
  const patterns = ['he', 'she', 'his', 'hers', 'h', 'ushers', '', 'she'];
  assert.deepEqual(scanned(patterns, 'ushers and his shehe'), naive(patterns, 'ushers and his shehe'));
  const starts = Uint8Array.from('ushers and his shehe', (_, i) => (i === 0 || i === 7 || i === 11 || i === 15 ? 1 : 0));
  assert.deepEqual(scannedFrom(patterns, 'ushers and his shehe', starts), naiveFrom(patterns, 'ushers and his shehe', starts));
  assert.deepEqual(scannedFrom(patterns, 'ushers and his shehe', starts).filter((h) => h.startsWith('7@')), ['7@18'], '"she" from the word start, not inside "ushers"');
  assert.deepEqual(scanned([], 'anything'), []);
  assert.deepEqual(scanned(['a'], ''), []);
});

test('random pattern sets and texts agree with a naive search (small alphabet: deep failure chains)', () => {
  const rand = random(7);
  for (let round = 0; round < 60; round++) {
    const patterns = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => word(rand, 'abc', 1, 6));
    const text = word(rand, 'abcd', 0, 300);
    assert.deepEqual(scanned(patterns, text), naive(patterns, text), `round ${round}`);
    const starts = Uint8Array.from({ length: text.length + 1 }, () => (rand() < 0.3 ? 1 : 0));
    assert.deepEqual(scannedFrom(patterns, text, starts), naiveFrom(patterns, text, starts), `round ${round}, from starts`);
  }
});

test('thousands of patterns, most states beyond the dense table, non-ASCII letters too', () => {
  const rand = random(11);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzéжω\uE001';
  const patterns = Array.from({ length: 5000 }, () => word(rand, alphabet, 3, 9));
  const automaton = buildAutomaton(patterns);
  assert.ok(automaton.stateCount * 30 > 1 << 16, 'more states than the dense table holds');
  for (let round = 0; round < 5; round++) {
    // Texts stitched from pieces of patterns, so deep states are reached often.
    const text = Array.from({ length: 80 }, () => {
      const p = patterns[Math.floor(rand() * patterns.length)];
      return p.slice(Math.floor(rand() * p.length)) + (rand() < 0.3 ? ' ' : '');
    }).join('');
    assert.deepEqual(scanned(patterns, text), naive(patterns, text), `round ${round}`);
    // Word starts: after each space, as folding marks them.
    const starts = Uint8Array.from({ length: text.length + 1 }, (_, i) => (i === 0 || text[i - 1] === ' ' ? 1 : 0));
    assert.deepEqual(scannedFrom(patterns, text, starts), naiveFrom(patterns, text, starts), `round ${round}, from word starts`);
  }
});
