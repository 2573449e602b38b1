// The pipeline wired to the rest: builds the `Moderate` hook the comment service calls on every
// new and edited comment (site settings, the author's identities, the phases in order), stores
// each decision with its reasons and timings, and runs dry runs that store nothing.
import type { Transaction } from 'kysely';
import type { CommentModeration } from '../comments/moderation.ts';
import { authorRefOf } from '../comments/moderation-store.ts';
import { actorKey, type Draft, type Moderate } from '../comments/service.ts';
import { forbidden } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { enforce, type RateLimiter } from '../platform/rate-limit.ts';
import type { Database } from '../platform/schema.ts';
import type { Site, SiteService } from '../sites/service.ts';
import type { BanService } from './bans.ts';
import { encodePlainApproval, type DecisionStore } from './decision-store.ts';
import { runPipeline, type AuthorIdentity, type PhaseInput, type PipelineResult } from './phase.ts';
import { buildPhases, closedReason, type PhaseDeps } from './phases/index.ts';
import { prepareScorer } from './scorer/index.ts';
import { siteModeration } from './site-settings.ts';
import type { DecisionSource } from './tables.ts';

export interface Evaluation extends Omit<PipelineResult, 'keeps'> {
  shadow: boolean;
  /** Time the phases took, ms. */
  ms: number;
}

export interface ModerationDeps {
  sites: SiteService;
  comments: CommentModeration;
  bans: BanService;
  decisions: DecisionStore;
  /** Per-site posting limits (site settings `rateLimits`); null: none (RATE_LIMITS=false). */
  limiter: RateLimiter | null;
  /** Phases' own dependencies that app.ts configures: ALTCHA, classifiers, a shared fingerprint store. */
  phaseDeps?: Omit<PhaseDeps, 'isBanned' | 'approvedCountOf' | 'now'>;
  now?: () => number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function authorOf(draft: Draft): AuthorIdentity {
  const { actor } = draft;
  const role = actor.account?.role;
  return {
    accountId: actor.account?.id ?? null, email: draft.authorEmail, name: draft.authorName,
    visitorKey: actor.visitorKey, ipHash: actor.ipHash, ipPrefixHash: actor.ipPrefixHash ?? null,
    trusted: role === 'moderator' || role === 'admin',
  };
}

/** The premoderation phase's count: approved comments of the author on the site, by their strongest identity. */
export function approvedCounter(comments: Pick<CommentModeration, 'approvedCount'>) {
  return async (identity: AuthorIdentity, siteId: string | undefined, atMost: number): Promise<number> => {
    const ref = authorRefOf({
      author_key: identity.accountId ? `account:${identity.accountId}` : (identity.visitorKey ?? null),
      author_email: identity.email ?? null,
      ip_hash: identity.ipHash ?? null,
    });
    return ref && siteId ? comments.approvedCount(siteId, ref, atMost) : 0;
  };
}

export function createModerationService(deps: ModerationDeps) {
  const { comments, decisions, now = Date.now } = deps;
  const phases = buildPhases({ ...deps.phaseDeps, isBanned: deps.bans.isBanned, approvedCountOf: approvedCounter(comments), now });
  // The scorer's lists compile once per process (about 0.1 s): at start, not on a reader's comment.
  prepareScorer();

  async function evaluate(site: Site, input: PhaseInput, dryRun: boolean): Promise<Evaluation & Pick<PipelineResult, 'keeps'>> {
    const result = await runPipeline(phases, input, { settings: siteModeration(site), siteId: site.id, dryRun });
    const timings = result.timings.map((t) => ({ phase: t.phase, ms: round(t.ms) }));
    return { ...result, timings, shadow: !!result.shadow, ms: round(result.timings.reduce((sum, t) => sum + t.ms, 0)) };
  }

  type Recorded = Pick<Evaluation, 'status' | 'shadow' | 'reasons' | 'timings'> & { ms: number | null };

  /** Stores a decision on a comment; in `trx` when it belongs to the comment's own transaction. */
  async function record(commentId: string, siteId: string, source: DecisionSource, e: Recorded, actorId: string | null = null, trx?: Transaction<Database>) {
    const at = now();
    await decisions.insert({
      id: newId(at), comment_id: commentId, site_id: siteId, source, status: e.status, shadow: e.shadow ? 1 : 0,
      reasons: JSON.stringify(e.reasons), timings: JSON.stringify(e.timings), ms: e.ms, actor_id: actorId, at,
    }, trx);
  }

  /** The site's own posting limits, on top of the server-wide flood limits. */
  async function limitPosts(site: Site, draft: Draft): Promise<void> {
    const key = actorKey(draft.actor) ?? draft.actor.ipHash;
    if (!deps.limiter || !key) return;
    const { postsPerMinute, postsPerHour } = siteModeration(site).rateLimits;
    await enforce(deps.limiter, [
      [{ name: 'site-post:m', max: postsPerMinute, windowMs: 60_000 }, `${site.id}:${key}`],
      [{ name: 'site-post:h', max: postsPerHour, windowMs: 3_600_000 }, `${site.id}:${key}`],
    ]);
  }

  const moderate: Moderate = async (draft) => {
    if (!draft.editing) await limitPosts(draft.site, draft);
    const input: PhaseInput = {
      text: draft.body,
      author: authorOf(draft),
      thread: { id: draft.thread.id, createdAt: draft.thread.created_at, closed: draft.thread.closed === 1 },
      commentId: draft.editing?.id,
      bot: draft.bot,
      request: draft.actor.request,
      at: now(),
    };
    const { keeps, ...result } = await evaluate(draft.site, input, false);
    const closed = closedReason(result);
    if (closed) throw forbidden('thread_closed', closed.detail ? `This discussion is closed: ${closed.detail}` : 'This discussion is closed');
    // A bot caught by the bots phase is answered as if held, so it learns nothing; stored as spam.
    const answer = result.status === 'spam' && result.timings.at(-1)?.phase === 'bots' ? 'pending' : undefined;
    // A new comment approved with nothing to say keeps its timings on its own row; any other
    // decision gets a row, committed with the comment.
    const plain = !draft.editing && result.status === 'approved' && !result.shadow && result.reasons.length === 0;
    return {
      status: result.status, shadow: result.shadow, reasons: result.reasons, ...(answer && { answer }),
      ...(plain
        ? { pipelineTimings: encodePlainApproval(result.ms, result.timings) }
        : { write: (trx: Transaction<Database>, commentId: string) => record(commentId, draft.site.id, 'pipeline', result, null, trx) }),
      // What the phases keep waits for the comment's commit.
      stored: async (commentId) => {
        for (const keep of keeps) await keep(commentId);
      },
    };
  };

  return {
    moderate,
    record,

    /** The decision the site's pipeline would make on `text`, storing nothing. */
    async preview(siteId: string, text: string, author?: AuthorIdentity): Promise<Evaluation> {
      const site = await deps.sites.require(siteId);
      const { keeps: _none, ...evaluation } = await evaluate(site, { text, author, at: now() }, true);
      return evaluation;
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
