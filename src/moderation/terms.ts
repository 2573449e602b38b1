// A site's term lists (banned → reject, suspect → hold, allow → never match), compiled once
// into one automaton and cached by list version.
//
// Matching returns every hit with its term, list, category and the span in the ORIGINAL text
// as [start, end) in UTF-16 code units (String.prototype.slice offsets), so a console can
// highlight exactly what was matched, however it was disguised.
import { compileMatcher, type EntryInput, type Matcher, type MatchMode, type Range } from './matcher.ts';
import { fold, type Folded } from './normalize.ts';

export type { MatchMode } from './matcher.ts';

export interface TermSpec {
  term: string;
  /** Shown to moderators and used in reasons; defaults to "term". */
  category?: string;
  /** Defaults to "word" (whole word). */
  match?: MatchMode;
  /** For match "stem": the endings accepted after the term (default s, es, z, lover(s), loving). */
  suffixes?: string[];
}

export type TermInput = string | TermSpec;

export interface TermLists {
  /** Change whenever the lists change: compiled automata are cached by site and version. */
  version: string;
  banned: TermInput[];
  suspect: TermInput[];
  /** Words that must never match, even when they contain a listed term. */
  allow: string[];
}

export type TermListName = 'banned' | 'suspect';

export interface TermHit {
  term: string;
  list: TermListName;
  category: string;
  /** [start, end) in the original text, UTF-16 code units. */
  span: [number, number];
}

export interface CompiledTerms {
  matcher: Matcher;
  /** The allow-list alone, for other phases (the scorer) to honour the same exceptions. */
  allow: Matcher;
  /** Folded ranges of allow-listed words in a text. */
  allowed(folded: Folded): Range[];
}

function entries(list: TermListName, inputs: readonly TermInput[]): EntryInput[] {
  return inputs
    .map((input) => (typeof input === 'string' ? { term: input } : input))
    .filter((spec) => typeof spec.term === 'string' && spec.term.trim() !== '')
    .map((spec) => ({ term: spec.term, list, category: spec.category ?? 'term', match: spec.match, suffixes: spec.suffixes }));
}

export function compileTerms(lists: TermLists): CompiledTerms {
  const matcher = compileMatcher([...entries('banned', lists.banned), ...entries('suspect', lists.suspect)], lists.allow);
  const allow = compileMatcher([], lists.allow);
  return { matcher, allow, allowed: (folded) => allow.allowed(folded) };
}

const byVersion = new Map<string, CompiledTerms>();
const byIdentity = new WeakMap<TermLists, { version: string; compiled: CompiledTerms }>();
const MAX_CACHED = 256;

/**
 * The compiled lists, built on first use. Cached under `${scope}@${version}` (scope is
 * usually the site id), and by object identity when that is the only handle we have.
 */
export function termsFor(lists: TermLists, scope = ''): CompiledTerms {
  const known = byIdentity.get(lists);
  if (known && known.version === lists.version) return known.compiled;
  const key = `${scope}@${lists.version}`;
  let compiled = byVersion.get(key);
  if (compiled) byVersion.delete(key); // re-insert below: least recently used goes first
  else compiled = compileTerms(lists);
  byVersion.set(key, compiled);
  if (byVersion.size > MAX_CACHED) byVersion.delete(byVersion.keys().next().value!);
  byIdentity.set(lists, { version: lists.version, compiled });
  return compiled;
}

export function matchTerms(compiled: CompiledTerms, text: string | Folded): TermHit[] {
  const folded = typeof text === 'string' ? fold(text) : text;
  return compiled.matcher.match(folded).map((hit) => ({
    term: hit.entry.term,
    list: hit.entry.list as TermListName,
    category: hit.entry.category,
    span: hit.span,
  }));
}
