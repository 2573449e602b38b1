// Turning one term into the folded patterns the automaton looks for.
//
// A term is folded exactly like comment text, so "Sh1t", "shit" and "ѕһіт" give the same
// pattern. Two things then widen it:
//  - i/l ambiguity: text folds 1, !, | (and a capital I inside a lower-case word) to IL, which
//    may be "i" or "l"; a term's "i" and "l" each become "either itself or IL", and a term's IL
//    (someone typed "sh1t") becomes "i, l or IL". The variants are enumerated over the first
//    MAX_AMBIGUOUS such letters (2^6 = 64 variants at most; beyond that, letters stay literal);
//  - a multi-word term also matches with its words run together ("kill yourself" and
//    "killyourself", "kill.yourself").
import { fold, IL } from './normalize.ts';

export interface Pattern {
  /** Folded characters, repeats collapsed. */
  text: string;
  /** Minimum repeat count per character (the term's own doubled letters, "ass" needs s×2). */
  runs: Uint8Array;
}

const MAX_AMBIGUOUS = 6;

function alternatives(c: string): string[] {
  if (c === 'i') return ['i', IL];
  if (c === 'l') return ['l', IL];
  if (c === IL) return [IL, 'i', 'l'];
  return [c];
}

/** Collapse a sequence of single characters into a pattern (repeats become run counts). */
function collapse(units: string[]): Pattern {
  let text = '';
  const runs: number[] = [];
  for (const c of units) {
    if (text.length > 0 && text[text.length - 1] === c && c !== ' ') runs[runs.length - 1]++;
    else {
      text += c;
      runs.push(1);
    }
  }
  return { text, runs: Uint8Array.from(runs, (r) => Math.min(r, 255)) };
}

function expand(folded: { text: string; run: Uint8Array }, out: Map<string, Pattern>): void {
  // Undo the collapsing so each repeated letter can vary on its own: "kill" must also match
  // "ki1l" and "k1ll". Repeats are capped at 3, which the matcher treats as "3 or more".
  const units: string[] = [];
  for (let i = 0; i < folded.text.length; i++) {
    for (let r = 0; r < Math.min(folded.run[i], 3); r++) units.push(folded.text[i]);
  }
  const choices = units.map(alternatives);
  let ambiguous = 0;
  for (let i = 0; i < choices.length; i++) {
    if (choices[i].length > 1 && ++ambiguous > MAX_AMBIGUOUS) choices[i] = [choices[i][0]];
  }
  const current: string[] = [];
  const walk = (i: number) => {
    if (i === choices.length) {
      const pattern = collapse(current);
      out.set(`${pattern.text}\u0000${pattern.runs.join(',')}`, pattern);
      return;
    }
    for (const c of choices[i]) {
      current.push(c);
      walk(i + 1);
      current.pop();
    }
  };
  walk(0);
}

/** All patterns for a term; empty when the term folds to nothing (only punctuation). */
export function termPatterns(term: string): Pattern[] {
  const out = new Map<string, Pattern>();
  const folded = fold(term);
  if (folded.text.length === 0) return [];
  expand(folded, out);
  if (folded.text.includes(' ')) expand(fold(term.replace(/\s+/gu, '')), out);
  return [...out.values()];
}

/** A folded form for comparing suffixes and allow-list words: text only. */
export function foldedKey(word: string): string {
  return fold(word).text;
}
