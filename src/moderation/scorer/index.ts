// The built-in abuse scorer for English: curated lists (lists/), compiled once into one
// automaton over folded text (so "y0u 1d10t" and "k y s" are seen), then small rules that
// look at who is addressed and how the words hang together. Explainable by construction:
// each category's score is the capped sum of its reasons' points.
import type { Range } from '../matcher.ts';
import { fold, type Folded } from '../normalize.ts';
import { SCORE_CATEGORIES, type ScoreCategory } from '../settings.ts';
import { Doc } from './doc.ts';
import { lexicon } from './lexicon.ts';
import { dehumanising } from './rules/dehumanise.ts';
import { insults } from './rules/insult.ts';
import { profanity, slurs } from './rules/lexical.ts';
import { selfHarm } from './rules/self-harm.ts';
import { spam } from './rules/spam.ts';
import { repetition, shouting } from './rules/style.ts';
import { threats } from './rules/threat.ts';
import { round, type ScoreReason, type ScoreResult } from './types.ts';

export type { ScoreReason, ScoreResult } from './types.ts';

const NO_POINTS = Object.fromEntries(SCORE_CATEGORIES.map((c) => [c, 0])) as Record<ScoreCategory, number>;

const RULES: ((doc: Doc) => ScoreReason[])[] = [profanity, insults, slurs, dehumanising, threats, selfHarm, shouting, repetition, spam];

/** Compile the curated lists now (about 0.1 s, once per process) instead of on the first comment. */
export function prepareScorer(): void {
  lexicon();
}

export interface ScoreOptions {
  /** Folded ranges of a site's allow-listed words: lexicon hits inside them are ignored. */
  allowed?: readonly Range[];
}

export function score(text: string | Folded, options: ScoreOptions = {}): ScoreResult {
  const folded = typeof text === 'string' ? fold(text) : text;
  const doc = new Doc(folded, options.allowed);
  const found: ScoreReason[] = [];
  for (const rule of RULES) for (const reason of rule(doc)) if (reason.points > 0) found.push(reason);
  found.sort((a, b) => a.span[0] - b.span[0] || b.points - a.points);
  // Once a category is full (1) further reasons add nothing: keep the first ones, so a long
  // paste of the same insult gives a few reasons, not thousands.
  const totals = { ...NO_POINTS };
  const reasons: ScoreReason[] = [];
  for (const reason of found) {
    if (totals[reason.category] >= 1) continue;
    totals[reason.category] += reason.points;
    reasons.push(reason);
  }
  for (const category of SCORE_CATEGORIES) totals[category] = round(Math.min(1, totals[category]));
  return { score: totals, reasons };
}
