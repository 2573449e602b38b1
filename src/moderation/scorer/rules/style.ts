// Shouting and repetition: measured on the original text, where capitals and repeats survive.
import type { Doc } from '../doc.ts';
import { round, type ScoreReason } from '../types.ts';

/** Shouting needs this many letters (a short "STOP THIS" is emphasis, not shouting) … */
const SHOUT_MIN_LETTERS = 24;
/** … and this share of them in capitals. */
const SHOUT_MIN_RATIO = 0.7;
/** Letters at which a fully capitalised text scores 1. */
const SHOUT_FULL_LETTERS = 120;

// Outside ASCII, whether a character has case, remembered per code unit (changing its case
// makes a string each time): 0 unknown, 1 none, 2 lower, 3 upper (it has a lower-case form).
const CASE = new Uint8Array(0x10000);

function caseOf(c: number): number {
  let known = CASE[c];
  if (!known) {
    const ch = String.fromCharCode(c);
    known = CASE[c] = ch.toLowerCase() !== ch ? 3 : ch.toUpperCase() !== ch ? 2 : 1;
  }
  return known;
}

export function shouting(doc: Doc): ScoreReason[] {
  const text = doc.folded.original;
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) (letters++, upper++);
      else if (c >= 97 && c <= 122) letters++;
    } else if (c < 0xd800 || c > 0xdfff) {
      const kind = caseOf(c);
      if (kind === 3) (letters++, upper++);
      else if (kind === 2) letters++;
    }
  }
  const ratio = letters ? upper / letters : 0;
  if (letters < SHOUT_MIN_LETTERS || ratio < SHOUT_MIN_RATIO) return [];
  const points = round(Math.min(1, letters / SHOUT_FULL_LETTERS) * ((ratio - 0.5) / 0.5));
  return [{
    rule: 'shouting.capitals',
    category: 'shouting',
    span: [0, text.length],
    points,
    detail: `${Math.round(ratio * 100)}% capitals over ${letters} letters`,
  }];
}

/** A character held down this many times counts ("!!!!!!!!!!"). */
const CHARACTER_RUN = 10;

export function repetition(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  const { tokens, folded } = doc;
  // The same word over and over: "spam spam spam spam spam".
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].key === tokens[i].key) j++;
    const count = j - i + 1;
    if (count >= 4) {
      out.push({
        rule: 'repetition.word',
        category: 'repetition',
        span: doc.span(i, j),
        points: round(Math.min(0.9, 0.15 * (count - 3))),
        detail: `"${tokens[i].key}" ${count} times in a row`,
      });
    }
    i = j + 1;
  }
  // One character held down: "!!!!!!!!!!!!", "nooooooooooooo".
  const text = folded.original;
  let runs = 0;
  for (let i = 0; i < text.length && runs < 3; ) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) === c) j++;
    if (j - i >= CHARACTER_RUN && !/\s/.test(text[i])) {
      runs++;
      out.push({
        rule: 'repetition.character',
        category: 'repetition',
        span: [i, j],
        points: 0.2,
        detail: `"${text[i]}" ${j - i} times`,
      });
    }
    i = j;
  }
  out.push(...repeatedLines(text));
  // Few distinct words in a long text.
  if (tokens.length >= 30) {
    // Counting stops once the text has enough distinct words, as ordinary ones soon do.
    const few = (distinct: number) => distinct / tokens.length < 0.3;
    const words = new Set<string>();
    for (let t = 0; t < tokens.length && few(words.size); t++) words.add(tokens[t].key);
    const distinct = words.size;
    if (few(distinct)) {
      out.push({
        rule: 'repetition.vocabulary',
        category: 'repetition',
        span: [0, text.length],
        points: 0.5,
        detail: `${distinct} distinct words in ${tokens.length}`,
      });
    }
  }
  return out;
}

const SPACE = /\s/;

/** The same line pasted again and again. Three equal lines have equal trimmed lengths, so
 * lines are only compared (as lower-cased copies) when three lengths agree: most texts copy nothing. */
function repeatedLines(text: string): ScoreReason[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const lengths: number[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let from = start;
    let to = end;
    while (from < to && SPACE.test(text[from])) from++;
    while (to > from && SPACE.test(text[to - 1])) to--;
    starts.push(start);
    ends.push(end);
    lengths.push(to - from);
    start = end + 1;
  }
  if (lengths.length < 3) return [];
  const sameLength = new Map<number, number>();
  for (const length of lengths) if (length >= 3) sameLength.set(length, (sameLength.get(length) ?? 0) + 1);
  if (![...sameLength.values()].some((count) => count >= 3)) return [];
  const lines = new Map<string, { count: number; start: number; length: number }>();
  for (let i = 0; i < lengths.length; i++) {
    if ((sameLength.get(lengths[i]) ?? 0) < 3) continue;
    const line = text.slice(starts[i], ends[i]);
    const key = line.trim().toLowerCase();
    const seen = lines.get(key) ?? { count: 0, start: starts[i], length: line.length };
    seen.count++;
    lines.set(key, seen);
  }
  const out: ScoreReason[] = [];
  for (const { count, start, length } of lines.values()) {
    if (count < 3) continue;
    out.push({
      rule: 'repetition.line',
      category: 'repetition',
      span: [start, start + length],
      points: round(Math.min(1, 0.3 * (count - 2))),
      detail: `the same line ${count} times`,
    });
  }
  return out;
}
