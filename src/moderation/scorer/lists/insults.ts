// Words that insult a person. Weight is severity: 1 for "idiot", "cunt"; about 0.3 for words
// that are harsh but ordinary in debate ("hypocrite", "liar"). Aimed at the person addressed
// ("you idiot", "you're such a moron") they count 0.7 × weight in "insult"; said of nobody in
// particular ("what an idiotic policy") 0.1 × weight. Plurals in -s are matched ("idiots").
import type { Lex } from './types.ts';

export const INSULTS: Lex[] = [
  ['idiot', 1], ['idiotic', 0.5], ['moron', 1], ['moronic', 0.5], ['imbecile', 1], ['cretin', 1], ['dumbass', 1],
  ['dumb ass', 1], ['dimwit', 0.8], ['halfwit', 0.8], ['nitwit', 0.7], ['numpty', 0.6], ['muppet', 0.6],
  ['pillock', 0.6], ['plonker', 0.6], ['prat', 0.6], ['twit', 0.6], ['fool', 0.6], ['clown', 0.6],
  ['buffoon', 0.6], ['loser', 0.7], ['scumbag', 1], ['scum', 1], ['lowlife', 0.8], ['piece of shit', 1],
  ['piece of crap', 0.8], ['waste of space', 0.8], ['waste of oxygen', 1], ['asshole', 1], ['arsehole', 1],
  ['prick', 0.8], ['twat', 1], ['cunt', 1], ['wanker', 1], ['tosser', 0.8], ['dickhead', 1], ['dick', 0.7],
  ['knobhead', 0.9], ['bellend', 0.9], ['douche', 0.8], ['douchebag', 1], ['jerk', 0.6], ['bastard', 0.9],
  ['bitch', 1], ['bitches', 1], ['whore', 1], ['slut', 1], ['slag', 0.9], ['skank', 0.9], ['retard', 1], ['stupid', 0.6],
  ['dumb', 0.5], ['pathetic', 0.5], ['worthless', 0.7], ['useless', 0.5], ['ugly', 0.6], ['fat pig', 1],
  ['pig', 0.6], ['troll', 0.4], ['shill', 0.4], ['liar', 0.35], ['hypocrite', 0.3], ['coward', 0.4],
  ['snowflake', 0.4], ['libtard', 0.9], ['cuck', 0.9], ['degenerate', 0.8], ['subhuman', 1], ['vermin', 1],
  ['parasite', 0.8], ['trash', 0.6], ['rat', 0.5], ['brainless', 0.7], ['ignorant', 0.4], ['dipshit', 1],
  ['shithead', 1], ['fuckwit', 1], ['fuckface', 1], ['motherfucker', 1], ['cocksucker', 1], ['nonce', 1],
  ['git', 0.5], ['dunce', 0.6], ['simpleton', 0.7], ['oaf', 0.6], ['creep', 0.6], ['freak', 0.6], ['weirdo', 0.5],
  ['psycho', 0.6], ['nutjob', 0.6], ['nutter', 0.6], ['lunatic', 0.5], ['bigot', 0.4], ['racist', 0.3],
  ['nazi', 0.5], ['traitor', 0.4], ['scum of the earth', 1], ['sheep', 0.3], ['sheeple', 0.4], ['gammon', 0.4],
  ['snake', 0.4], ['dope', 0.4], ['div', 0.5], ['mong', 0.8], ['spastic', 0.8], ['spaz', 0.8], ['thicko', 0.7],
  ['bimbo', 0.7], ['hag', 0.7], ['cow', 0.5], ['slimeball', 0.8], ['sleazebag', 0.8], ['wimp', 0.4],
  ['dumbest', 0.6], ['stupidest', 0.7], ['thick', 0.5], ['piece of work', 0.6], ['knob', 0.6], ['bully', 0.4],
  ['excuse for a human being', 0.9], ['excuse of a human being', 0.9],
];
