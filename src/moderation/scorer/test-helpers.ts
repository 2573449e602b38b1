// Shared by the scorer's tests: score one text and read one category.
import assert from 'node:assert/strict';
import { score } from './index.ts';
import type { ScoreCategory } from './types.ts';

export function scoreOf(text: string, category: ScoreCategory): number {
  return score(text).score[category];
}

export function rulesOf(text: string): string[] {
  return score(text).reasons.map((r) => r.rule);
}

/** Every text scores at least `min` in the category. */
export function assertAtLeast(category: ScoreCategory, min: number, texts: readonly string[]): void {
  for (const text of texts) {
    const value = scoreOf(text, category);
    assert.ok(value >= min, `${JSON.stringify(text)}: ${category} ${value} < ${min}\n${JSON.stringify(score(text).reasons, null, 1)}`);
  }
}

/** Every text scores below `max` in the category. */
export function assertBelow(category: ScoreCategory, max: number, texts: readonly string[]): void {
  for (const text of texts) {
    const value = scoreOf(text, category);
    assert.ok(value < max, `${JSON.stringify(text)}: ${category} ${value} ≥ ${max}\n${JSON.stringify(score(text).reasons, null, 1)}`);
  }
}
