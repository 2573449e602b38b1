// The scorer's view of a comment: folded words (tokens) with sentences and quotation marks
// taken from the original, and the lexicon hits placed on those tokens. Rules ask questions
// like "is there an insult within a few filler words after this 'you'?".
import type { Hit, Range } from '../matcher.ts';
import type { Folded } from '../normalize.ts';
import { lexicon } from './lexicon.ts';
import { NEGATIONS, REPORTING } from './data/function-words.ts';
import { wordSet } from './words.ts';

export interface Token {
  /** Folded range [from, to). */
  from: number;
  to: number;
  /** The folded word (repeats collapsed: "all" is "al"); compare with wordSet() keys. */
  key: string;
  sentence: number;
  /** Inside double quotation marks in the original. */
  quoted: boolean;
}

export interface LexHit {
  tag: string;
  term: string;
  weight: number;
  /** First and last token covered, inclusive. */
  first: number;
  last: number;
  span: [number, number];
}

const SENTENCE_END = /[.!?;\n]/;
const QUOTE = /["“”«»„]/g;
const negations = wordSet(NEGATIONS);
const reporting = wordSet(REPORTING);

export class Doc {
  readonly folded: Folded;
  readonly tokens: Token[] = [];
  readonly hits: LexHit[];
  readonly #starting = new Map<string, Map<number, LexHit>>();
  readonly #ending = new Map<string, Map<number, LexHit>>();
  readonly #byTag = new Map<string, LexHit[]>();

  constructor(folded: Folded, allowed: readonly Range[] = []) {
    this.folded = folded;
    const text = folded.text;
    const original = folded.original;
    const quotes: number[] = [];
    for (const m of original.matchAll(QUOTE)) quotes.push(m.index);
    let q = 0;
    let sentence = 0;
    const tokenAt = new Int32Array(text.length + 1);
    for (let from = 0; from < text.length; ) {
      let to = text.indexOf(' ', from);
      if (to < 0) to = text.length;
      const start = folded.start[from];
      const previous = this.tokens[this.tokens.length - 1];
      if (previous && SENTENCE_END.test(original.slice(folded.end[previous.to - 1], start))) sentence++;
      while (q < quotes.length && quotes[q] < start) q++;
      this.tokens.push({ from, to, key: text.slice(from, to), sentence, quoted: q % 2 === 1 });
      tokenAt.fill(this.tokens.length - 1, from, to + 1);
      from = to + 1;
    }
    this.hits = lexicon()
      .match(folded, allowed)
      .map((hit: Hit) => ({
        tag: hit.entry.list,
        term: hit.entry.term,
        weight: hit.entry.weight,
        first: tokenAt[hit.from],
        last: tokenAt[hit.to - 1],
        span: hit.span,
      }));
    // Within a tag keep only the widest hits: "you are" wins over "you", "hang them all"
    // over "hang them", so one phrase is one reason.
    const widest = [...this.hits].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    for (const hit of widest) {
      const list = this.#byTag.get(hit.tag) ?? [];
      if (list.some((kept) => kept.span[0] <= hit.span[0] && hit.span[1] <= kept.span[1])) continue;
      list.push(hit);
      this.#byTag.set(hit.tag, list);
      index(this.#starting, hit.tag, hit.first, hit);
      index(this.#ending, hit.tag, hit.last, hit);
    }
  }

  byTag(tag: string): readonly LexHit[] {
    return this.#byTag.get(tag) ?? [];
  }

  /** The longest hit of one of `tags` that starts at token t. */
  startingAt(t: number, ...tags: string[]): LexHit | undefined {
    return best(tags.map((tag) => this.#starting.get(tag)?.get(t)));
  }

  /** The longest hit of one of `tags` that ends at token t. */
  endingAt(t: number, ...tags: string[]): LexHit | undefined {
    return best(tags.map((tag) => this.#ending.get(tag)?.get(t)));
  }

  /** Token t lies inside a hit of one of `tags`. */
  inside(t: number, ...tags: string[]): boolean {
    return tags.some((tag) => this.byTag(tag).some((h) => h.first <= t && t <= h.last));
  }

  sameSentence(a: number, b: number): boolean {
    return a >= 0 && b < this.tokens.length && this.tokens[a].sentence === this.tokens[b].sentence;
  }

  /** A negation ("not", "don't", "never", "nobody") among the `within` tokens before t. */
  negatedBefore(t: number, within = 3): boolean {
    for (let k = t - 1; k >= Math.max(0, t - within); k--) {
      if (!this.sameSentence(k, t)) return false;
      if (negations.has(this.tokens[k].key)) return true;
    }
    return false;
  }

  /** Reported speech: a reporting word ("said", "threatened", "police") earlier in the same
   * sentence, or the words are quoted and a reporting word is near the quotation. */
  reported(t: number): boolean {
    for (let k = t - 1; k >= Math.max(0, t - 12); k--) {
      if (this.sameSentence(k, t) && reporting.has(this.tokens[k].key)) return true;
    }
    if (!this.tokens[t].quoted) return false;
    for (let k = Math.max(0, t - 15); k < Math.min(this.tokens.length, t + 15); k++) {
      if (reporting.has(this.tokens[k].key)) return true;
    }
    return false;
  }

  /** Original span from the start of token a to the end of token b. */
  span(a: number, b: number): [number, number] {
    return [this.folded.start[this.tokens[a].from], this.folded.end[this.tokens[b].to - 1]];
  }
}

function index(map: Map<string, Map<number, LexHit>>, tag: string, t: number, hit: LexHit): void {
  let byToken = map.get(tag);
  if (!byToken) map.set(tag, (byToken = new Map()));
  const known = byToken.get(t);
  if (!known || hit.last - hit.first > known.last - known.first) byToken.set(t, hit);
}

function best(hits: (LexHit | undefined)[]): LexHit | undefined {
  let found: LexHit | undefined;
  for (const hit of hits) if (hit && (!found || hit.last - hit.first > found.last - found.first)) found = hit;
  return found;
}
