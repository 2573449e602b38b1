// Coded hate: numbers, acronyms and phrases used by white-supremacist and antisemitic groups
// to signal to each other, listed factually for detection (see e.g. the ADL "Hate Symbols"
// database). Numbers match only as whole numbers: "1488" and "14/88", not "14,880". Weights are
// lower where the code has everyday meanings ("88" is also just a number, 1488 and 1350
// are also years), so those are held for a moderator rather than rejected.
import type { Lex } from './types.ts';

export const CODED_HATE: Lex[] = [
  ['1488', 0.8], ['14 88', 0.8], ['14 words', 0.6], ['fourteen words', 0.6], ['88', 0.2], ['hh88', 1], ['hh', 0.5],
  ['sieg heil', 1], ['seig heil', 1], ['heil hitler', 1], ['rahowa', 1], ['racial holy war', 1],
  ['zog', 0.8], ['zionist occupied government', 1], ['day of the rope', 1], ['the goyim know', 1],
  ['goyim know', 1], ['happy merchant', 0.9], ['jewish question', 0.6], ['white genocide', 0.8],
  ['great replacement', 0.5], ['kalergi plan', 0.8], ['white power', 0.7], ['white pride worldwide', 0.9],
  ['wpww', 1], ['blood and soil', 0.6], ['6mwe', 1], ['six million wasnt enough', 1], ['6 million wasnt enough', 1],
  ['we wuz kangz', 0.8], ['remove kebab', 1], ['13 50', 0.3], ['1350', 0.3], ['its okay to be white', 0.3],
  ['deus vult', 0.3], ['oven dodger', 1], ['juden raus', 1], ['kill all jews', 1],
];
