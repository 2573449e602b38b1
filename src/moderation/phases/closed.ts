// The closed phase: a thread closed by a moderator, a site closed to all comments, or a
// thread past the site's auto-close age refuses the comment. The comment service maps the
// rejection to 403 `thread_closed` (see closedReason) rather than storing a rejected comment.
import type { Phase, PipelineResult, Reason } from '../phase.ts';

export const CLOSED_RULES = ['closed.site', 'closed.thread', 'closed.auto'] as const;

const DAY = 24 * 60 * 60 * 1000;

export interface ClosedPhaseDeps {
  /** Clock for auto-close when the input carries no `at`. */
  now?: () => number;
}

export function createClosedPhase({ now = Date.now }: ClosedPhaseDeps = {}): Phase {
  return {
    name: 'closed',
    run(input, ctx) {
      const { siteClosed, autoCloseDays } = ctx.settings.closing;
      const reason = (rule: (typeof CLOSED_RULES)[number], detail: string): Reason => ({ phase: 'closed', rule, category: 'closed', detail });
      if (siteClosed) return { reasons: [reason('closed.site', 'comments are closed on this site')], decision: 'rejected' };
      const thread = input.thread;
      if (!thread) return { reasons: [] };
      if (thread.closed) return { reasons: [reason('closed.thread', 'this discussion was closed by a moderator')], decision: 'rejected' };
      if (autoCloseDays !== null) {
        const closesAt = thread.createdAt + autoCloseDays * DAY;
        const at = input.at ?? now();
        if (at >= closesAt) {
          const detail = `discussions close ${autoCloseDays} day${autoCloseDays === 1 ? '' : 's'} after they start; this one closed ${new Date(closesAt).toISOString()}`;
          return { reasons: [reason('closed.auto', detail)], decision: 'rejected' };
        }
      }
      return { reasons: [] };
    },
  };
}

/** The closed-thread reason when the pipeline refused the comment for that, else undefined:
 * the service answers 403 `thread_closed` with its detail instead of storing the comment. */
export function closedReason(result: Pick<PipelineResult, 'status' | 'reasons'>): Reason | undefined {
  if (result.status !== 'rejected') return undefined;
  return result.reasons.find((r) => r.phase === 'closed' && (CLOSED_RULES as readonly string[]).includes(r.rule));
}
