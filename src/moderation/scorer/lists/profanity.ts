// Swear words. Weight is the points one use adds to "profanity" when it is not aimed at
// anyone: 0.1 each, so "this is fucking great" scores 0.1 and it takes a stream of them to
// reach the default hold level (0.8). Aimed at a person, see insults.ts and DIRECTED.
import type { Lex } from './types.ts';

const SHIT_ENDINGS = ['s', 'ty', 'tier', 'tiest', 'te', 'ting', 'ter', 'ters', 'head', 'heads', 'hole', 'holes', 'show', 'storm', 'bag', 'bags', 'load', 'e', 'faced'];

export const PROFANITY: Lex[] = [
  ['fuck', 0.1, 'prefix'], ['motherfuck', 0.15, 'prefix'], ['fck', 0.1, 'stem', ['s', 'ing', 'in', 'ed', 'er']],
  ['fcuk', 0.1], ['fuk', 0.1, 'stem', ['s', 'ing', 'in', 'ed', 'er']], ['fukn', 0.1], ['effing', 0.05], ['feck', 0.05, 'stem', ['s', 'ing', 'in']],
  ['shit', 0.1, 'stem', SHIT_ENDINGS], ['bullshit', 0.1], ['horseshit', 0.1], ['dipshit', 0.1], ['batshit', 0.05],
  ['crap', 0.05, 'stem', ['s', 'py', 'pier', 'piest']], ['damn', 0.03, 'stem', ['s', 'ed', 'it']], ['dammit', 0.03], ['goddamn', 0.05, 'stem', ['ed', 'it']],
  ['hell', 0.02], ['bloody', 0.02], ['bugger', 0.05, 'stem', ['s', 'ed', 'ing']], ['bollocks', 0.08], ['bollox', 0.08],
  ['arse', 0.08, 'stem', ['s', 'd', 'hole', 'holes']], ['ass', 0.08, 'stem', ['es', 'hole', 'holes', 'hat', 'hats', 'wipe']],
  ['piss', 0.08, 'stem', ['ed', 'es', 'ing', 'take', 'head']], ['cunt', 0.2, 'stem', ['s', 'y', 'ing', 'ish']],
  ['twat', 0.15, 'stem', ['s', 'ted']], ['wank', 0.1, 'stem', ['s', 'ed', 'er', 'ers', 'ing', 'y', 'stain']],
  ['bastard', 0.1, 'stem', ['s', 'ised']], ['bitch', 0.12, 'stem', ['es', 'y', 'ing', 'ed']], ['dick', 0.06, 'stem', ['s', 'head', 'heads']],
  ['cock', 0.06, 'stem', ['s', 'sucker', 'suckers', 'head']], ['prick', 0.06, 'stem', ['s']], ['tits', 0.06], ['titties', 0.08],
  ['pussy', 0.08, 'stem', ['s']], ['pussies', 0.08], ['jizz', 0.1], ['wtf', 0.05], ['omfg', 0.05], ['ffs', 0.05],
  ['bellend', 0.1, 'stem', ['s']], ['knobhead', 0.1, 'stem', ['s']], ['minge', 0.1], ['bullcrap', 0.05], ['frigging', 0.02],
];
