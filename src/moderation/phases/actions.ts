// Turning a rule's configured action into a pipeline decision, and keeping the strongest one
// when several rules of a phase fire.
import type { Decision } from '../phase.ts';
import type { RuleAction } from '../settings.ts';

const RANK: Record<Decision, number> = { approved: 0, pending: 1, spam: 2, rejected: 3 };

/** The stronger of the decision so far and a rule's action ("allow" adds nothing). */
export function decide(current: Decision | undefined, action: RuleAction): Decision | undefined {
  if (action === 'allow') return current;
  if (!current || RANK[action] > RANK[current]) return action;
  return current;
}
