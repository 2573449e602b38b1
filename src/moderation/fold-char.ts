// Folding of one code point: what it is (letter, digit, leetspeak symbol, space, punctuation,
// invisible) and what it reads as. normalize.ts decides from the neighbours which reading wins.
import { EXPANSIONS, latinLookAlike } from './confusables.ts';

/** Stands for a character that reads as either "i" or "l" (1, !, |, a capital I inside a
 * lower-case word). A private-use character, so it never occurs in folded text otherwise. */
export const IL = '\uE001';

export const TRANSPARENT = 0; // zero-width, format, combining marks: removed, no gap
export const SPACE = 1; // whitespace: a hard word gap
export const PUNCT = 2; // other symbols: a gap (soft when no whitespace around it)
export const LETTER = 3;
export const DIGIT = 4;
export const LEET = 5; // a symbol that stands for a letter inside a word: @ $ ! | + ( €

export type Kind = typeof TRANSPARENT | typeof SPACE | typeof PUNCT | typeof LETTER | typeof DIGIT | typeof LEET;

export interface CharFold {
  kind: Kind;
  /** Lower-cased, compatibility-decomposed, diacritics stripped. */
  plain: string;
  /** `plain` with look-alikes replaced by the Latin letter; equals `plain` when none. */
  latin: string;
  /** For digits and leet symbols: the letter it stands for inside a word ("" if none). */
  leet: string;
  /** Plain is an ASCII letter (or a look-alike mapped to one). */
  isLatin: boolean;
  /** Has a Latin look-alike reading different from plain. */
  confusable: boolean;
  /** A lower-case letter in the original (for the capital-I-inside-a-word rule). */
  lower: boolean;
  /** The original was a capital I. */
  capitalI: boolean;
}

const LEET_LETTER: Record<string, string> = {
  '0': 'o', '1': IL, '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', '$': 's', '!': IL, '|': IL, '+': 't', '(': 'c', '€': 'e', '¡': 'i',
};

// Invisible "letters" and fillers used to split words without showing a gap.
const INVISIBLE = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x034f, 0x17b4, 0x17b5, 0x2800]);

const cache = new Map<number, CharFold>();
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]/u;
const NOT_WORD = /[^\p{L}\p{N}]/gu;

function make(kind: Kind, plain: string, latin = plain, leet = '', extra: Partial<CharFold> = {}): CharFold {
  return {
    kind, plain, latin, leet,
    isLatin: /^[a-z]+$/.test(latin), confusable: latin !== plain,
    lower: false, capitalI: false, ...extra,
  };
}

function compute(cp: number): CharFold {
  const ch = String.fromCodePoint(cp);
  if (INVISIBLE.has(cp) || (cp >= 0xe0000 && cp <= 0xe007f)) return make(TRANSPARENT, '');
  if (/[\p{Cf}\p{M}]/u.test(ch)) return make(TRANSPARENT, '');
  if (/[\s\p{Cc}]/u.test(ch)) return make(SPACE, ' ');
  const base = ch.normalize('NFKD').replace(MARKS, '');
  if (base.length === 0) return make(TRANSPARENT, '');
  const leet = LEET_LETTER[base];
  if (leet !== undefined && !/\d/.test(base)) return make(LEET, base, base, leet);
  // NFKD may give "(a)" for ⒜ or "1⁄2" for ½: keep the letters and digits.
  const wordPart = WORD.test(base) ? base.replace(NOT_WORD, '') : '';
  if (!wordPart) {
    const emoji = latinLookAlike(cp, cp);
    if (emoji) return make(LETTER, emoji, emoji, '', { lower: true });
    return /^\s+$/u.test(base) ? make(SPACE, ' ') : make(PUNCT, base);
  }
  if (/^\p{N}+$/u.test(wordPart)) return make(DIGIT, wordPart, wordPart, LEET_LETTER[wordPart] ?? wordPart);
  let plain = '';
  let latin = '';
  for (const original of wordPart) {
    const lower = original.toLowerCase();
    const expanded = EXPANSIONS.get(lower);
    if (expanded) {
      plain += expanded;
      latin += expanded;
      continue;
    }
    plain += lower;
    latin += lower.length === 1 ? (latinLookAlike(original.codePointAt(0)!, lower.codePointAt(0)!) ?? lower) : lower;
  }
  return make(LETTER, plain, latin, '', { lower: /\p{Ll}/u.test(ch), capitalI: cp === 0x49 });
}

export function foldCodePoint(cp: number): CharFold {
  let folded = cache.get(cp);
  if (!folded) {
    folded = compute(cp);
    if (cache.size < 50_000) cache.set(cp, folded);
  }
  return folded;
}
