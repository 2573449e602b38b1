// The premoderation phase: per site, no premoderation, new authors' first comments held until
// enough of theirs were approved, or every comment held. Staff are never held.
import type { AuthorIdentity, Phase, PhaseResult, Reason } from '../phase.ts';

/** How many of this author's comments (by any of their identities) a moderator or the
 * pipeline approved on the site, counted up to `atMost` (more need not be counted). */
export type ApprovedCountOf = (identity: AuthorIdentity, siteId: string | undefined, atMost: number) => Promise<number> | number;

export interface PremoderationPhaseDeps {
  /** Needed for mode "first"; without it every comment of that mode is held. */
  approvedCountOf?: ApprovedCountOf;
}

export function createPremoderationPhase({ approvedCountOf }: PremoderationPhaseDeps = {}): Phase {
  return {
    name: 'premoderation',
    // Not async: without a count to read (most sites, most comments) the answer needs no promise.
    run(input, ctx) {
      const { mode, firstCount } = ctx.settings.premoderation;
      if (mode === 'none' || input.author?.trusted) return { reasons: [] };
      // Edits of an approved comment are judged by the other phases, not held again.
      if (input.commentId !== undefined) return { reasons: [] };
      const hold = (rule: string, detail: string) => ({ reasons: [{ phase: 'premoderation', rule, category: 'premoderation', detail } satisfies Reason], decision: 'pending' as const });
      if (mode === 'all') return hold('premoderation.all', 'this site reviews every comment before it is published');
      const judge = (approved: number): PhaseResult =>
        approved >= firstCount ? { reasons: [] } : hold('premoderation.first', `new author: ${approved} of the first ${firstCount} comment${firstCount === 1 ? '' : 's'} approved so far`);
      const author = input.author;
      if (!author || !approvedCountOf) return judge(0);
      return (async () => {
        try {
          return judge(await approvedCountOf(author, ctx.siteId, firstCount));
        } catch (error) {
          return hold('premoderation.unavailable', `could not count the author's approved comments: ${(error as Error).message}`);
        }
      })();
    },
  };
}
