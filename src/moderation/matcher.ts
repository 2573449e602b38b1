// A compiled set of terms: Aho–Corasick automata over folded text, then a cheap check of
// repeat counts and word boundaries for each candidate, then the allow-list. Terms that must
// start a word (word, stem, prefix: nearly all) are looked for only from word starts, a short
// walk down the trie from each; the others (suffix, any) by a scan of every character.
import { buildAutomaton, buildTrie, type Automaton, type Trie } from './automaton.ts';
import type { Folded } from './normalize.ts';
import { foldedKey, termPatterns, type Pattern } from './patterns.ts';

/**
 * How a term must sit in the text:
 * - word: a whole word ("ass" matches "ass", "a$$", "a s s", not "class" or "assassin");
 * - stem: a whole word, or the word followed by one of the term's suffixes
 *   (default s, es, z, lover, lovers, loving: "kikes", "kikelover");
 * - prefix: starts a word, may continue ("fuck" matches "fuckwit");
 * - suffix: ends a word ("sandnigger");
 * - any: anywhere, even inside words (use with an allow-list).
 */
export type MatchMode = 'word' | 'stem' | 'prefix' | 'suffix' | 'any';

export interface EntryInput {
  term: string;
  /** Which list the term came from: "banned", "suspect", or a scorer lexicon tag. */
  list: string;
  category?: string;
  match?: MatchMode;
  suffixes?: readonly string[];
  weight?: number;
}

export interface Entry {
  id: number;
  term: string;
  list: string;
  category: string;
  match: MatchMode;
  weight: number;
  suffixes: readonly string[];
}

export interface Hit {
  entry: Entry;
  /** Span in the original text, UTF-16 code units, end exclusive; includes a stem's suffix. */
  span: [number, number];
  /** Folded range of the term itself, end exclusive. */
  from: number;
  to: number;
}

export type Range = readonly [number, number];

export interface Matcher {
  readonly entries: readonly Entry[];
  readonly patternCount: number;
  readonly stateCount: number;
  /** Every hit except those inside an allow-listed word, ordered by position. */
  match(folded: Folded, extraAllowed?: readonly Range[]): Hit[];
  /** Folded ranges of the allow-listed words present in the text. */
  allowed(folded: Folded): Range[];
}

export const DEFAULT_SUFFIXES = ['s', 'es', 'z', 'lover', 'lovers', 'loving'];
const ALLOW = '\u0000allow';

/** Repeat counts: equal, or at least 3 (an elongation); extra repeats at either end of the
 * match are fine (they may belong to a neighbouring letter run: "black-kike" folds to one k run). */
function runsFit(folded: Folded, from: number, pattern: Pattern): boolean {
  const last = pattern.runs.length - 1;
  for (let k = 0; k <= last; k++) {
    const have = folded.run[from + k];
    const need = pattern.runs[k];
    if (have === need) continue;
    if (have < need) return false;
    if (k !== 0 && k !== last && have < 3) return false;
  }
  return true;
}

/** Where the match may end for its mode, or -1 when it does not fit. */
function fitEnd(folded: Folded, entry: Entry, from: number, to: number): number {
  const b = folded.boundary;
  switch (entry.match) {
    case 'any':
      return to;
    case 'suffix':
      return b[to] ? to : -1;
    case 'prefix': {
      if (!b[from]) return -1;
      let end = to;
      while (!b[end]) end++;
      return end;
    }
    case 'word':
    case 'stem': {
      if (!b[from]) return -1;
      if (b[to]) return to;
      if (entry.match === 'word') return -1;
      // A suffix that starts with the term's last letter was folded into its repeat run:
      // "shit" + "ty" is folded "shity", so only "y" follows.
      const lastLetter = folded.text[to - 1];
      let best = -1;
      for (const suffix of entry.suffixes) {
        const rest = suffix[0] === lastLetter ? suffix.slice(1) : suffix;
        const end = to + rest.length;
        if (rest !== '' && end > best && b[end] && folded.text.startsWith(rest, to)) best = end;
      }
      return best;
    }
  }
}

/** Modes whose matches start a word: found by walking the trie from word starts only. */
const ANCHORED: ReadonlySet<MatchMode> = new Set(['word', 'stem', 'prefix']);

/** Patterns of one automaton, with the pattern and entry behind each index. */
interface PatternSet {
  texts: string[];
  patterns: Pattern[];
  entries: number[];
}

// Folded suffix lists, shared by the entries that give the same list (most give none and get
// the default): one copy, not one per term of a 10,000-term list.
const suffixLists = new WeakMap<readonly string[], readonly string[]>();
function foldedSuffixes(suffixes: readonly string[]): readonly string[] {
  let folded = suffixLists.get(suffixes);
  if (!folded) suffixLists.set(suffixes, (folded = suffixes.map(foldedKey).filter(Boolean)));
  return folded;
}

export function compileMatcher(inputs: readonly EntryInput[], allow: readonly string[] = []): Matcher {
  const entries: Entry[] = [];
  const anchored: PatternSet = { texts: [], patterns: [], entries: [] };
  const floating: PatternSet = { texts: [], patterns: [], entries: [] };
  const add = (input: EntryInput) => {
    const patterns = termPatterns(input.term);
    if (patterns.length === 0) return;
    const entry: Entry = {
      id: entries.length,
      term: input.term,
      list: input.list,
      category: input.category ?? input.list,
      match: input.match ?? 'word',
      weight: input.weight ?? 1,
      suffixes: foldedSuffixes(input.suffixes ?? DEFAULT_SUFFIXES),
    };
    entries.push(entry);
    const set = ANCHORED.has(entry.match) ? anchored : floating;
    for (const pattern of patterns) {
      set.texts.push(pattern.text);
      set.patterns.push(pattern);
      set.entries.push(entry.id);
    }
  };
  inputs.forEach(add);
  allow.forEach((word) => add({ term: word, list: ALLOW, match: 'word' }));
  const fromWordStarts: Trie = buildTrie(anchored.texts);
  const anywhere: Automaton = buildAutomaton(floating.texts);

  function scan(folded: Folded, wanted: 'terms' | 'allow'): { hits: Hit[]; allowed: [number, number][] } {
    const hits: Hit[] = [];
    const allowed: [number, number][] = [];
    const visit = (set: PatternSet) => (p: number, to: number) => {
      const entry = entries[set.entries[p]];
      const isAllow = entry.list === ALLOW;
      if (wanted === 'allow' && !isAllow) return;
      const pattern = set.patterns[p];
      const from = to - pattern.text.length;
      if (!runsFit(folded, from, pattern)) return;
      const end = fitEnd(folded, entry, from, to);
      if (end < 0) return;
      if (isAllow) {
        allowed.push([from, to]);
        return;
      }
      hits.push({ entry, span: [folded.start[from], folded.end[end - 1]], from, to });
    };
    if (fromWordStarts.patternCount) fromWordStarts.scanFrom(folded.text, folded.boundary, visit(anchored));
    // Allow-listed words are whole words: all in the anchored set.
    if (anywhere.patternCount && wanted === 'terms') anywhere.scan(folded.text, visit(floating));
    return { hits, allowed };
  }

  return {
    entries,
    patternCount: fromWordStarts.patternCount + anywhere.patternCount,
    stateCount: fromWordStarts.stateCount + anywhere.stateCount,
    match(folded, extraAllowed = []) {
      const { hits, allowed } = scan(folded, 'terms');
      const ranges = extraAllowed.length ? [...allowed, ...extraAllowed] : allowed;
      hits.sort((x, y) => x.from - y.from || y.to - x.to || x.entry.id - y.entry.id);
      // Several variants of one term ("kill" as k-i-l-l and k-IL-l) can match the same place.
      const kept: Hit[] = [];
      for (const h of hits) {
        const last = kept[kept.length - 1];
        if (last && last.entry === h.entry && last.from === h.from && last.to === h.to) continue;
        if (ranges.length && ranges.some(([f, t]) => f <= h.from && h.to <= t)) continue;
        kept.push(h);
      }
      return kept;
    },
    allowed(folded) {
      return scan(folded, 'allow').allowed;
    },
  };
}
