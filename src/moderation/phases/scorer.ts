// The scorer phase: the built-in abuse scorer, then the site's thresholds per category. The
// scorer's reasons come first (each with its points), then one "threshold" reason per
// category that crossed a line, saying which line.
import { foldedOf, type Decision, type Phase, type Reason } from '../phase.ts';
import { score } from '../scorer/index.ts';
import { SCORE_CATEGORIES } from '../settings.ts';
import { termsFor } from '../terms.ts';

/** Which verdict wins when several categories cross a line: an abuse rejection over spam. */
const SEVERITY: Record<Decision, number> = { approved: 0, pending: 1, spam: 2, rejected: 3 };

export const scorerPhase: Phase = {
  name: 'scorer',
  run(input, ctx) {
    const { scorer } = ctx.settings;
    if (!scorer.enabled) return { reasons: [] };
    const folded = foldedOf(input);
    const allowed = termsFor(ctx.settings.terms, ctx.siteId).allowed(folded);
    const result = score(folded, { allowed });
    const reasons: Reason[] = result.reasons.map((r) => ({
      phase: 'scorer',
      rule: r.rule,
      category: r.category,
      span: r.span,
      score: r.points,
      detail: r.detail,
    }));
    let decision: Decision | undefined;
    for (const category of SCORE_CATEGORIES) {
      const value = result.score[category];
      const { pending, rejected } = scorer.thresholds[category];
      const line = rejected !== null && value >= rejected ? 'rejected' : pending !== null && value >= pending ? 'pending' : undefined;
      if (!line) continue;
      const limit = line === 'rejected' ? rejected : pending;
      // The spam category's upper line marks the comment as spam rather than rejecting it.
      const verdict: Decision = category === 'spam' && line === 'rejected' ? 'spam' : line;
      const named = verdict === 'spam' ? 'spam' : line;
      reasons.push({ phase: 'scorer', rule: 'scorer.threshold', category, score: value, detail: `${category} ${value} ≥ ${named} threshold ${limit}` });
      if (!decision || SEVERITY[verdict] > SEVERITY[decision]) decision = verdict;
    }
    return { reasons, decision };
  },
};
