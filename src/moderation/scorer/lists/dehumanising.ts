// What dehumanising language calls a group: vermin, disease, animals. A group noun followed,
// through filler words only, by one of these ("immigrants are vermin", "Muslims are nothing
// but a disease", "these people breed like rats") scores 0.9 × group weight × this weight in
// "dehumanising". Negation breaks the chain: "immigrants are not vermin" does not match.
import type { Lex } from './types.ts';

export const DEHUMANISING: Lex[] = [
  ['vermin', 1], ['animals', 0.9], ['animal', 0.8], ['parasites', 1], ['parasite', 0.9], ['parasitic', 0.9],
  ['a disease', 1], ['disease', 0.8], ['diseased', 0.8], ['a cancer', 1], ['cancer', 0.8], ['a plague', 1],
  ['plague', 0.9], ['a virus', 0.9], ['virus', 0.8], ['an infestation', 1], ['infestation', 1], ['infesting', 1],
  ['infest', 1], ['cockroaches', 1], ['roaches', 1], ['rats', 1], ['rodents', 1], ['pigs', 0.8], ['apes', 1],
  ['monkeys', 1], ['subhuman', 1], ['sub human', 1], ['subhumans', 1], ['untermenschen', 1], ['savages', 0.9],
  ['filth', 0.9], ['scum', 0.9], ['leeches', 1], ['locusts', 1], ['insects', 1], ['maggots', 1], ['termites', 1],
  ['lice', 1], ['not human', 1], ['not even human', 1], ['less than human', 1], ['dogs', 0.8], ['pests', 1],
  ['a pestilence', 1], ['breed like rabbits', 0.9], ['breed like rats', 1], ['breeding like rats', 1],
  ['breeding like rabbits', 0.9], ['multiply like rabbits', 0.9], ['multiply like rats', 1], ['multiplying like rabbits', 0.9],
  ['multiplying like rats', 1], ['invaders', 0.6], ['a tumour', 1], ['a tumor', 1], ['beasts', 0.8],
  ['barbarians', 0.7], ['bacteria', 1], ['germs', 1], ['a contagion', 1], ['cattle', 0.7],
  ['trash', 0.6], ['garbage', 0.6], ['human garbage', 1], ['human trash', 1], ['worthless', 0.5],
];
