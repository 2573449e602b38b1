// A lexicon entry: a term, or [term, weight, match mode, suffixes]. Weight is the severity the
// rules turn into points (1 = the strongest of its kind). Match mode defaults per list (see
// lexicon.ts); suffixes apply to mode "stem".
import type { MatchMode } from '../../matcher.ts';

export type Lex = string | readonly [term: string, weight?: number, match?: MatchMode, suffixes?: readonly string[]];
