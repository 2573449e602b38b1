// Small closed word classes (fillers, negations, reporting verbs) are compared token by token
// on folded keys rather than through the automaton: fold the list the same way as the text.
import { fold } from '../normalize.ts';

export function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => fold(w).text).filter((k) => k !== '' && !k.includes(' ')));
}
