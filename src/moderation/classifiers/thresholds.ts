// Scores against a site's thresholds: one reason per label that crossed a line, naming it,
// plus one summary reason with every score (for tuning the thresholds in a dry run).
import type { Decision, Reason } from '../phase.ts';
import type { Threshold } from '../settings.ts';
import type { ClassifierOutcome } from './types.ts';

export interface LabelScore {
  label: string;
  score: number;
  /** Where the label scored highest, [start, end) in UTF-16 code units, when the provider says. */
  span?: [number, number];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function judge(phase: string, provider: string, scores: LabelScore[], thresholds: Record<string, Threshold>): ClassifierOutcome {
  const reasons: Reason[] = [];
  let decision: Decision | undefined;
  if (scores.length) {
    const all = scores.map((s) => `${s.label} ${round(s.score)}`).join(', ');
    reasons.push({ phase, rule: `${provider}.scores`, score: round(Math.max(...scores.map((s) => s.score))), detail: all });
  }
  for (const { label, score, span } of scores) {
    const threshold = thresholds[label];
    if (!threshold) continue;
    const line = threshold.rejected !== null && score >= threshold.rejected ? 'rejected' : threshold.pending !== null && score >= threshold.pending ? 'pending' : null;
    if (!line) continue;
    const limit = line === 'rejected' ? threshold.rejected : threshold.pending;
    const reason: Reason = {
      phase, rule: `${provider}.threshold`, category: label.toLowerCase().replace(/_/g, '-'), score: round(score),
      detail: `${provider} ${label} ${round(score)} ≥ ${line} threshold ${limit}`,
    };
    if (span) reason.span = span;
    reasons.push(reason);
    if (line === 'rejected' || !decision) decision = line;
  }
  return { reasons, decision };
}
