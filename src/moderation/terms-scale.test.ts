// 10,000 random terms compile into one automaton and match exactly what a naive search finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileTerms, matchTerms, type TermSpec } from './terms.ts';
import { seededRandom as random } from '../../test/helpers/random.ts';

const rand = random(20240601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A random word with no letter twice in a row, so folding leaves it unchanged. */
function word(min: number, max: number): string {
  const length = min + Math.floor(rand() * (max - min + 1));
  let w = '';
  while (w.length < length) {
    const c = pick([...LETTERS]);
    if (c !== w[w.length - 1]) w += c;
  }
  return w;
}

const terms: TermSpec[] = [];
const seen = new Set<string>();
while (terms.length < 10_000) {
  const term = word(4, 9);
  if (seen.has(term)) continue;
  seen.add(term);
  terms.push({ term, match: rand() < 0.8 ? 'word' : 'any' });
}
const started = performance.now();
const compiled = compileTerms({ version: 'scale', banned: terms, suspect: [], allow: [] });
const compileMs = performance.now() - started;

test('10,000 terms compile into one automaton', () => {
  assert.equal(compiled.matcher.entries.length, 10_000);
  assert.ok(compiled.matcher.patternCount >= 10_000);
  assert.ok(compileMs < 10_000, `compiling took ${compileMs} ms`);
});

test('hits equal a naive search over clean text', () => {
  for (let doc = 0; doc < 60; doc++) {
    const words: string[] = [];
    for (let i = 0; i < 60; i++) words.push(rand() < 0.25 ? pick(terms).term : word(2, 8));
    const text = words.join(' ');
    const expected = new Set<string>();
    for (const { term, match } of terms) {
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
        const end = at + term.length;
        const whole = (at === 0 || text[at - 1] === ' ') && (end === text.length || text[end] === ' ');
        if (match === 'any' || whole) expected.add(`${term}@${at}`);
      }
    }
    const actual = new Set(matchTerms(compiled, text).map((h) => `${h.term}@${h.span[0]}`));
    assert.deepEqual([...actual].sort(), [...expected].sort(), `document ${doc}: ${text}`);
  }
});

const LEET: Record<string, string> = { a: '4', e: '3', o: '0', s: '5', t: '7', i: '1', l: '1' };
const disguises: ((w: string) => string)[] = [
  (w) => w.toUpperCase(),
  (w) => [...w].join('.'),
  (w) => [...w].join(' '),
  (w) => [...w].join('\u200B'),
  (w) => [...w].map((c) => LEET[c] ?? c).join(''),
  (w) => [...w].map((c, i) => (i === 1 ? c.repeat(5) : c)).join(''),
  (w) => [...w].map((c) => String.fromCodePoint(c.charCodeAt(0) - 97 + 0xff41)).join(''), // fullwidth
];

test('disguised terms among 10,000 are found at their original span', () => {
  const wordTerms = terms.filter((t) => t.match === 'word');
  for (let i = 0; i < 300; i++) {
    const { term } = pick(wordTerms);
    const disguise = disguises[i % disguises.length];
    const shown = disguise(term);
    const before = 'Well, ';
    const text = `${before}${shown} is what I said.`;
    const hits = matchTerms(compiled, text).filter((h) => h.term === term);
    assert.ok(
      hits.some((h) => h.span[0] === before.length && h.span[1] === before.length + shown.length),
      `${JSON.stringify(text)} → ${JSON.stringify(hits)}`,
    );
  }
});
