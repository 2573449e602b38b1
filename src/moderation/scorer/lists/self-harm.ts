// Telling someone to harm or kill themselves. Weight is points in "self-harm". Not matched
// after a negation ("don't kill yourself over it").
import type { Lex } from './types.ts';

export const SELF_HARM: Lex[] = [
  ['kill yourself', 1], ['kill urself', 1], ['kill ur self', 1], ['kill your self', 1], ['kill yoself', 1],
  ['kys', 1], ['go kill yourself', 1], ['neck yourself', 1], ['hang yourself', 1], ['go hang yourself', 1],
  ['slit your wrists', 1], ['slit your throat', 0.8], ['drink bleach', 0.9], ['an hero', 0.8], ['end yourself', 1],
  ['off yourself', 0.9], ['unalive yourself', 0.9], ['unaliving yourself', 0.9], ['unalive urself', 0.9], ['go die', 0.6], ['just die', 0.5], ['jump off a bridge', 0.7],
  ['jump off a cliff', 0.6], ['do us all a favour and die', 1], ['do us all a favor and die', 1],
  ['do the world a favour and die', 1], ['do the world a favor and die', 1], ['do the world a favour and end it', 0.9],
  ['do the world a favor and end it', 0.9], ['do us all a favour and end it', 0.9], ['do us all a favor and end it', 0.9], ['nobody would miss you', 0.5], ['nobody would care if you died', 0.5], ['no one would care if you died', 0.5],
  ['the world would be better without you', 0.6], ['shoot yourself', 1], ['hang urself', 1], ['die already', 0.5],
];
