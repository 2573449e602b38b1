// The moderation pipeline: an ordered list of small phases. Each phase looks at the comment,
// explains itself with reasons and may decide. The pipeline times every phase and stops at the
// first rejection (or spam verdict); a "pending" verdict holds the comment but later phases
// still run, so a later phase can still reject it and every reason is collected.
import { fold, type Folded } from './normalize.ts';
import type { ModerationSettings } from './settings.ts';

export type Decision = 'approved' | 'pending' | 'rejected' | 'spam';

export interface Reason {
  phase: string;
  rule: string;
  category?: string;
  /** [start, end) in the comment's original text, UTF-16 code units. */
  span?: [number, number];
  score?: number;
  detail?: string;
}

export interface PhaseInput {
  /** The comment body as submitted (source text, before rendering). */
  text: string;
  // Everything below is optional: a phase that needs a field the caller did not give does
  // nothing (so text-only callers, the dry run and the CLI, keep working).
  /** Who is posting. */
  author?: AuthorIdentity;
  /** The thread the comment goes to. */
  thread?: ThreadFacts;
  /** The comment being edited; absent for a new comment. */
  commentId?: string;
  /** Anti-bot fields of the POST body: the honeypot `hp` and the ALTCHA payload `altcha`. */
  bot?: { honeypot?: string | null; altcha?: string | null };
  /** Facts of the request passed to external classifiers only, never stored (Akismet wants the IP). */
  request?: { ip?: string; userAgent?: string; referrer?: string; pageUrl?: string };
  /** When the comment was submitted, ms since the epoch; phases fall back to their own clock. */
  at?: number;
}

/** An author's identities: each is checked against bans, counted for duplicates, and so on. */
export interface AuthorIdentity {
  /** A signed-in reader's account id; absent or null for guests. */
  accountId?: string | null;
  /** E-mail as given (compared lower-cased). */
  email?: string | null;
  name?: string | null;
  /** Keyed hash of the browser's visitor token (X-Colloquy-Visitor). */
  visitorKey?: string | null;
  /** Keyed hash of the client IP. */
  ipHash?: string | null;
  /** Keyed hash of the client's network (IPv4 /24, IPv6 /48): see ipPrefix() in phases/identity.ts. */
  ipPrefixHash?: string | null;
  /** Staff of the site (moderator, admin): premoderation and link limits do not apply. */
  trusted?: boolean;
}

export interface ThreadFacts {
  id: string;
  /** ms since the epoch; auto-close counts from here. */
  createdAt: number;
  closed: boolean;
}

export interface PhaseContext {
  settings: ModerationSettings;
  /** Scope for caches of compiled per-site data, usually the site id. */
  siteId?: string;
  /** A preview (admin dry run, CLI): phases decide but record nothing (fingerprints, used challenges). */
  dryRun?: boolean;
}

/**
 * What a phase keeps of a comment once the comment is stored (committed) and has its id, so
 * nothing is kept of a comment that was refused or whose transaction failed.
 */
export type KeepComment = (commentId: string) => Promise<void>;

export interface PhaseResult {
  reasons: Reason[];
  decision?: Decision;
  /** Shadow-ban: the author sees the comment as published, nobody else does. */
  shadow?: boolean;
  /** Runs only if the comment is stored (never in a dry run). */
  keep?: KeepComment;
}

export interface Phase {
  name: string;
  run(input: PhaseInput, ctx: PhaseContext): Promise<PhaseResult> | PhaseResult;
}

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface PipelineResult {
  status: Decision;
  reasons: Reason[];
  timings: PhaseTiming[];
  /** Set when a phase that ran asked for a shadow-ban (absent otherwise). */
  shadow?: boolean;
  /** The phases' `keep`s, in phase order, for the caller to run once the comment is stored. */
  keeps: KeepComment[];
}

// Kept on the input under a private key rather than in a WeakMap: a WeakMap entry per comment
// is an ephemeron the collector has to revisit in every cycle while the input lives.
const FOLDED = Symbol('folded text');

/** The input's folded text, computed once per input and shared by the phases that need it. */
export function foldedOf(input: PhaseInput): Folded {
  const memo = input as PhaseInput & { [FOLDED]?: Folded };
  let folded = memo[FOLDED];
  if (!folded || folded.original !== input.text) memo[FOLDED] = folded = fold(input.text);
  return folded;
}

export async function runPipeline(phases: readonly Phase[], input: PhaseInput, ctx: PhaseContext): Promise<PipelineResult> {
  const reasons: Reason[] = [];
  const timings: PhaseTiming[] = [];
  const keeps: KeepComment[] = [];
  let held = false;
  let shadow = false;
  const done = (status: Decision): PipelineResult => (shadow ? { status, reasons, timings, shadow, keeps } : { status, reasons, timings, keeps });
  for (const phase of phases) {
    const started = performance.now();
    const pending = phase.run(input, ctx);
    const result = pending instanceof Promise ? await pending : pending;
    timings.push({ phase: phase.name, ms: performance.now() - started });
    reasons.push(...result.reasons);
    if (result.shadow) shadow = true;
    if (result.keep) keeps.push(result.keep);
    if (result.decision === 'rejected' || result.decision === 'spam') return done(result.decision);
    if (result.decision === 'pending') held = true;
  }
  return done(held ? 'pending' : 'approved');
}
