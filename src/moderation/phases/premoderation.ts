// The premoderation phase: per site, no premoderation, new authors' first comments held until
// enough of theirs were approved, or every comment held. Staff are never held.
import type { AuthorIdentity, Phase, Reason } from '../phase.ts';

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
    async run(input, ctx) {
      const { mode, firstCount } = ctx.settings.premoderation;
      if (mode === 'none' || input.author?.trusted) return { reasons: [] };
      // Edits of an approved comment are judged by the other phases, not held again.
      if (input.commentId !== undefined) return { reasons: [] };
      const hold = (rule: string, detail: string) => ({ reasons: [{ phase: 'premoderation', rule, category: 'premoderation', detail } satisfies Reason], decision: 'pending' as const });
      if (mode === 'all') return hold('premoderation.all', 'this site reviews every comment before it is published');
      let approved = 0;
      if (input.author && approvedCountOf) {
        try {
          approved = await approvedCountOf(input.author, ctx.siteId, firstCount);
        } catch (error) {
          return hold('premoderation.unavailable', `could not count the author's approved comments: ${(error as Error).message}`);
        }
      }
      if (approved >= firstCount) return { reasons: [] };
      return hold('premoderation.first', `new author: ${approved} of the first ${firstCount} comment${firstCount === 1 ? '' : 's'} approved so far`);
    },
  };
}
