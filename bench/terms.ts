// Random site terms for benchmarks: `count` made-up words (some with a second word), in mixed
// match modes, so a site's automaton is as large as a heavy real list.
import type { TermSpec } from '../src/moderation/terms.ts';

export function randomTerms(count: number, rand: () => number): TermSpec[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const out: TermSpec[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  while (out.length < count) {
    let term = '';
    const length = 4 + Math.floor(rand() * 7);
    while (term.length < length) term += pick([...letters]);
    if (rand() < 0.1) term += ` ${pick(['lover', 'scum', 'out', 'now'])}`;
    out.push({ term, match: pick(['word', 'word', 'word', 'stem', 'prefix', 'any'] as const) });
  }
  return out;
}

/** Half banned, half suspect: the `terms` section of a site's moderation settings. */
export function siteTerms(count: number, rand: () => number, version: string) {
  const terms = randomTerms(count, rand);
  const half = Math.ceil(count / 2);
  return { version, banned: terms.slice(0, half), suspect: terms.slice(half) };
}
