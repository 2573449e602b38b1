// The scorer's view of a comment: folded words (tokens) with sentences and quotation marks
// taken from the original, and the lexicon hits placed on those tokens. Rules ask questions
// like "is there an insult within a few filler words after this 'you'?".
import type { Hit, Range } from '../matcher.ts';
import type { Folded } from '../normalize.ts';
import { lexicon } from './lexicon.ts';
import { NEGATIONS, REPORTING } from './lists/function-words.ts';
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

/** A sentence ends at . ! ? ; or a line break between two words. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) return true;
  }
  return false;
}
const QUOTE = /["“”«»„]/;
const QUOTE_ALL = /["“”«»„]/g;
const negations = wordSet(NEGATIONS);
const reporting = wordSet(REPORTING);
/** "I said", "we told": the speaker reporting their own words does not make them reported. */
const speaker = wordSet(['i', 'we', 'ive', 'im', 'id', 'weve']);
/** "the journalist who wrote this should be shot": a reporting verb in a relative clause
 * reports only up to the clause's main verb. */
const relative = wordSet(['who', 'whoever']);
const mainVerb = wordSet(['should', 'must', 'needs', 'need', 'deserves', 'deserve', 'ought', 'will', 'is', 'are', 'was', 'were', 'has', 'have']);

// The token at each folded offset, while a Doc is built (synchronously): one array reused,
// as a typed array of a comment's length costs more to allocate than to fill.
let tokenAtScratch = new Int32Array(1024);
function tokenIndex(n: number): Int32Array {
  if (tokenAtScratch.length < n) tokenAtScratch = new Int32Array(Math.max(n, tokenAtScratch.length * 2));
  return tokenAtScratch;
}

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
    if (QUOTE.test(original)) for (const m of original.matchAll(QUOTE_ALL)) quotes.push(m.index);
    let q = 0;
    let sentence = 0;
    const tokenAt = tokenIndex(text.length + 1);
    for (let from = 0; from < text.length; ) {
      let to = text.indexOf(' ', from);
      if (to < 0) to = text.length;
      const start = folded.start[from];
      const previous = this.tokens[this.tokens.length - 1];
      if (previous && endsSentence(original, folded.end[previous.to - 1], start)) sentence++;
      while (q < quotes.length && quotes[q] < start) q++;
      const quoted = q % 2 === 1;
      // Letters spelled out one by one ("u r a c u n t" folds to one word "uracunt" with a
      // boundary between every letter) are words of one letter each for the rules.
      let spelled = to - from > 1;
      for (let i = from + 1; i < to && spelled; i++) spelled = folded.boundary[i] === 1;
      if (spelled) {
        for (let a = from; a < to; a++) {
          this.tokens.push({ from: a, to: a + 1, key: text[a], sentence, quoted });
          tokenAt[a] = tokenAt[a + 1] = this.tokens.length - 1;
        }
      } else {
        this.tokens.push({ from, to, key: text.slice(from, to), sentence, quoted });
        // A loop: fill()'s call costs more than these few stores.
        for (let i = from, token = this.tokens.length - 1; i <= to; i++) tokenAt[i] = token;
      }
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
    // Sorted by start, widest first, a hit lies inside an earlier one exactly when an earlier
    // hit of its tag reaches at least as far.
    const widest = [...this.hits].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    const reach = new Map<string, number>();
    for (const hit of widest) {
      if ((reach.get(hit.tag) ?? -1) >= hit.span[1]) continue;
      reach.set(hit.tag, hit.span[1]);
      const list = this.#byTag.get(hit.tag) ?? [];
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

  /** Reported speech: a reporting word ("said", "threatened", "police") within 12 words in the
   * same sentence, or the words are quoted and a reporting word is near the quotation. Words
   * t..own (the phrase itself, e.g. a threat's target "the judge") do not count. */
  reported(t: number, own = t): boolean {
    for (let k = Math.max(0, t - 12); k < Math.min(this.tokens.length, t + 12); k++) {
      if ((k < t || k > own) && this.sameSentence(k, t) && this.#reporting(k) && !this.#outsideClause(k, t)) return true;
    }
    if (!this.tokens[t].quoted) return false;
    for (let k = Math.max(0, t - 15); k < Math.min(this.tokens.length, t + 15); k++) {
      if (!this.tokens[k].quoted && this.#reporting(k)) return true;
    }
    return false;
  }

  /** Reporting word k opens a relative clause ("who wrote this") that ends before token t. */
  #outsideClause(k: number, t: number): boolean {
    if (k === 0 || !relative.has(this.tokens[k - 1].key) || t < k) return false;
    for (let m = k + 1; m <= t; m++) if (mainVerb.has(this.tokens[m].key)) return true;
    return false;
  }

  #reporting(k: number): boolean {
    return reporting.has(this.tokens[k].key) && !(k > 0 && speaker.has(this.tokens[k - 1].key));
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
