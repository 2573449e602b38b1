// What the scorer returns. Every point of every category's score comes from one reason.
import type { ScoreCategory } from '../settings.ts';

export type { ScoreCategory } from '../settings.ts';

export interface ScoreReason {
  /** Which rule fired, e.g. "insult.second-person", "threat.first-person". */
  rule: string;
  category: ScoreCategory;
  /** [start, end) in the original text, UTF-16 code units. */
  span: [number, number];
  /** Points added to the category's score (0..1; the score is the capped sum). */
  points: number;
  /** For people: what matched and why it counts this much. */
  detail: string;
}

export interface ScoreResult {
  /** 0..1 per category: the sum of its reasons' points, capped at 1. */
  score: Record<ScoreCategory, number>;
  reasons: ScoreReason[];
}

/** Multiplier for words that are reported or quoted rather than meant. */
export const REPORTED_FACTOR = 0.25;

export function round(points: number): number {
  return Math.round(points * 1000) / 1000;
}
