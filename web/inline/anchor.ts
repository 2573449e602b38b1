// Re-anchoring a passage in the article's current text (W3C Web Annotation selectors:
// TextQuoteSelector exact/prefix/suffix + TextPositionSelector start/end, offsets in UTF-16
// code units of the normalised text, see text.ts).
//
// In order, cheapest first:
//   1. position: the text at start..end is still the quote;
//   2. quote: the exact quote occurs; several occurrences are told apart by how well the text
//      around each matches prefix and suffix, then by closeness to the old position;
//   3. fuzzy: the quote with a bounded number of edits (Myers, myers.ts), scored by quote
//      similarity, context similarity and distance from the old position, so typo fixes,
//      reworded words and inserted or removed paragraphs keep their comments;
// otherwise null: an orphan, whose comments stay in the thread with their quote.
//
// Pure: runs in Node (tests, bench/inline.ts) as in the browser.
import { compile, distance, reverse, search, type Compiled, type Match } from './myers.ts';

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Selector {
  quote: TextQuote;
  position: { start: number; end: number };
}

export type Method = 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  method: Method;
  /** 0..1: how sure the match is (1 for position and unique exact quotes). */
  score: number;
}

/** Context stored on each side of a quote. */
export const CONTEXT = 32;
/** Edits allowed in a fuzzy match, as a share of the quote's length. */
export const MAX_ERROR_RATE = 0.25;
/** Text positions × pattern blocks scanned in one pass before windows are used instead. */
const FULL_SCAN = 20_000;
const MAX_OCCURRENCES = 1000;
const MAX_SEED_HITS = 24;
const MAX_PIECES = 4;

/** The selector of text[start, end): the quote with CONTEXT units of context each side. */
export function describe(text: string, start: number, end: number): Selector {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  // Never cut a surrogate pair in two: the half left over is not text.
  if (isLow(text.charCodeAt(from)) && from > 0) from++;
  if (isHigh(text.charCodeAt(to - 1)) && to < text.length) to--;
  return { quote: { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to) }, position: { start, end } };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** 0..1 similarity of two short strings (1 = equal). */
function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  return n === 0 ? 1 : 1 - distance(a, b) / n;
}

/** How well the text around start..end agrees with the stored prefix and suffix, 0..1 each. */
function context(text: string, start: number, end: number, quote: TextQuote): { prefix: number; suffix: number } {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  // An empty stored side means the quote touched the start (end) of the text.
  const prefix = quote.prefix ? similarity(quote.prefix, before) : start === 0 ? 1 : 0.5;
  const suffix = quote.suffix ? similarity(quote.suffix, after) : end === text.length ? 1 : 0.5;
  return { prefix, suffix };
}

function score(text: string, m: Match, selector: Selector): { total: number; ctx: number; quote: number } {
  const len = selector.quote.exact.length;
  const quote = 1 - m.errors / len;
  const { prefix, suffix } = context(text, m.start, m.end, selector.quote);
  const pos = 1 - Math.min(1, Math.abs(m.start - selector.position.start) / Math.max(1, text.length));
  return { total: (50 * quote + 20 * prefix + 20 * suffix + 2 * pos) / 92, ctx: (prefix + suffix) / 2, quote };
}

function best(text: string, matches: Match[], selector: Selector) {
  let top: { match: Match; s: ReturnType<typeof score> } | null = null;
  for (const match of matches) {
    const s = score(text, match, selector);
    if (!top || s.total > top.s.total) top = { match, s };
  }
  return top;
}

/** Every place the exact quote occurs (up to MAX_OCCURRENCES). */
function occurrences(text: string, exact: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < MAX_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

/**
 * Where a fuzzy match can be, without scanning the whole of a long text: if a quote cut in
 * n pieces survives with fewer than n edits, one piece survives intact (pigeonhole), so
 * windows around the exact hits of the pieces hold every such match. Plus the old position.
 */
function windows(text: string, selector: Selector, k: number, blocks: number): Array<[number, number]> {
  const { exact } = selector.quote;
  const m = exact.length;
  if (text.length * blocks <= FULL_SCAN) return [[0, text.length]];
  const spans: Array<[number, number]> = [];
  const add = (start: number) => spans.push([Math.max(0, start - k - 1), Math.min(text.length, start + m + k + 1)]);
  add(Math.min(selector.position.start, text.length));
  // Four pieces at most: each costs a pass over the text, and four find any match with up
  // to three edits wherever it moved (more edits are still found near the old position).
  const pieces = Math.max(1, Math.min(k + 1, MAX_PIECES, Math.floor(m / 8)));
  const size = Math.floor(m / pieces);
  for (let p = 0; p < pieces; p++) {
    const piece = exact.slice(p * size, (p + 1) * size);
    const hits: number[] = [];
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      hits.push(at);
      if (hits.length > MAX_SEED_HITS) break;
    }
    // A piece found everywhere tells nothing; the other pieces (or the position) will do.
    if (hits.length > MAX_SEED_HITS) continue;
    for (const at of hits) add(at - p * size);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/** Compiled patterns, kept across calls: a page re-anchors the same quotes after live updates. */
const cache = new Map<string, { fwd: Compiled; rev: Compiled }>();
function compiled(exact: string) {
  let c = cache.get(exact);
  if (!c) {
    if (cache.size > 500) cache.clear();
    cache.set(exact, (c = { fwd: compile(exact), rev: compile(reverse(exact)) }));
  }
  return c;
}

function fuzzy(text: string, selector: Selector): Anchored | null {
  const { exact } = selector.quote;
  const m = exact.length;
  if (m < 4) return null;
  const k = Math.max(1, Math.floor(m * MAX_ERROR_RATE));
  const patterns = compiled(exact);
  const found: Match[] = [];
  for (const [from, to] of windows(text, selector, k, patterns.fwd.blocks)) found.push(...search(text, exact, k, from, to, patterns));
  const top = best(text, found, selector);
  if (!top) return null;
  // Short quotes match by chance: the context must agree too. Long ones may stand alone.
  const { ctx, quote, total } = top.s;
  if (ctx < 0.5 && !(m >= 32 && quote >= 0.9)) return null;
  return { start: top.match.start, end: top.match.end, method: 'fuzzy', score: total };
}

/** Finds the passage in the current text, or null when it is gone (an orphan). */
export function locate(text: string, selector: Selector): Anchored | null {
  const { exact } = selector.quote;
  const { start, end } = selector.position;
  if (!exact) return null;
  const here = start >= 0 && end <= text.length && end - start === exact.length && text.startsWith(exact, start);
  // Still there, in its old surroundings: done. (A short phrase at its old offset but amid
  // other words may be another occurrence of it: the quote step decides.)
  if (here) {
    const { prefix, suffix } = context(text, start, end, selector.quote);
    if (prefix + suffix >= 1) return { start, end, method: 'position', score: 1 };
  }
  const exacts = occurrences(text, exact);
  if (here && exacts.length === 1) return { start, end, method: 'position', score: 1 };
  if (exacts.length === 1) return { ...exacts[0]!, method: 'quote', score: 1 };
  if (exacts.length > 1) {
    const top = best(text, exacts, selector)!;
    return { start: top.match.start, end: top.match.end, method: 'quote', score: top.s.total };
  }
  return fuzzy(text, selector);
}

/** Re-anchors many passages over one text. */
export function locateAll(text: string, selectors: readonly Selector[]): Array<Anchored | null> {
  return selectors.map((s) => locate(text, s));
}
