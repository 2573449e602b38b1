// The terms phase: the site's banned terms reject, suspect terms hold. Each hit is a reason
// with the matched span in the original text.
import { foldedOf, type Phase, type Reason } from '../phase.ts';
import { matchTerms, termsFor } from '../terms.ts';

export const termsPhase: Phase = {
  name: 'terms',
  run(input, ctx) {
    const compiled = termsFor(ctx.settings.terms, ctx.siteId);
    const hits = matchTerms(compiled, foldedOf(input));
    const reasons: Reason[] = hits.map((hit) => ({
      phase: 'terms',
      rule: `terms.${hit.list}`,
      category: hit.category,
      span: hit.span,
      detail: `${hit.list} term "${hit.term}" matched "${input.text.slice(...hit.span)}"`,
    }));
    const decision = hits.some((h) => h.list === 'banned') ? 'rejected' : hits.length ? 'pending' : undefined;
    return { reasons, decision };
  },
};
