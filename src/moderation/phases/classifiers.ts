// The classifiers phase: the site's enabled external classifiers, asked in parallel, each
// within the site's timeout. A classifier that fails (timeout, network, error status, answer
// it cannot read) follows its fail policy: open lets the comment through with a reason saying
// it was not checked; closed holds it ("classifier unavailable").
import type { Decision, Phase, PhaseContext, PhaseInput, PhaseResult, Reason } from '../phase.ts';
import { ClassifierError, type ClassifierAdapter, type ClassifierName } from '../classifiers/types.ts';

export interface ClassifiersPhaseDeps {
  /** The configured adapters (those with API keys or a URL); others are reported as unconfigured. */
  classifiers: readonly ClassifierAdapter[];
}

const NAMES: readonly ClassifierName[] = ['perspective', 'akismet', 'http'];
const RANK: Record<Decision, number> = { approved: 0, pending: 1, spam: 2, rejected: 3 };

export function createClassifiersPhase({ classifiers }: ClassifiersPhaseDeps): Phase {
  const byName = new Map(classifiers.map((c) => [c.name, c]));
  return {
    name: 'classifiers',
    // Not async: a site with no classifier enabled gets its answer without a promise.
    run(input, ctx) {
      const enabled = NAMES.filter((name) => ctx.settings.classifiers[name].enabled);
      return enabled.length ? classify(input, ctx, enabled) : { reasons: [] };
    },
  };

  async function classify(input: PhaseInput, ctx: PhaseContext, enabled: readonly ClassifierName[]): Promise<PhaseResult> {
    const { settings } = ctx;
    const { timeoutMs } = settings.classifiers;
    const outcomes = await Promise.all(enabled.map(async (name) => {
      const adapter = byName.get(name);
      if (!adapter) {
        return { reasons: [{ phase: 'classifiers', rule: `${name}.unconfigured`, detail: `${name} is enabled for the site but not configured on the server` }] };
      }
      const started = performance.now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await withDeadline(adapter.classify(input, { settings, siteId: ctx.siteId, signal }), signal);
      } catch (error) {
        const kind = error instanceof ClassifierError ? error.kind : 'error';
        const message = kind === 'timeout' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
        const closed = settings.classifiers[name].failure === 'closed';
        const reason: Reason = {
          phase: 'classifiers', rule: `${name}.unavailable`, category: 'classifier',
          detail: `classifier unavailable: ${name} ${kind} (${message}) after ${Math.round(performance.now() - started)} ms; ${closed ? 'held (fail-closed)' : 'not checked (fail-open)'}`,
        };
        return { reasons: [reason], decision: closed ? ('pending' as const) : undefined };
      }
    }));
    const reasons: Reason[] = [];
    let decision: Decision | undefined;
    for (const outcome of outcomes) {
      reasons.push(...outcome.reasons);
      if (outcome.decision && outcome.decision !== 'approved' && (!decision || RANK[outcome.decision] > RANK[decision])) decision = outcome.decision;
    }
    return { reasons, decision };
  }
}

/** The adapter's answer, or a timeout when the signal fires first, even if the adapter ignores it. */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort = () => {};
  const deadline = new Promise<never>((_, reject) => {
    onAbort = () => reject(new ClassifierError('timeout', 'no answer in time'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, deadline]).finally(() => signal.removeEventListener('abort', onAbort));
}
