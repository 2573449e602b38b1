// The moderation pipeline in order. Cheap, decisive phases come first: the pipeline stops at
// the first rejection or spam verdict, so a closed thread, a banned author or a bot never
// costs a call to an external classifier.
//
//   closed → bans → (rate/flood) → bots → duplicates → links → terms → scorer →
//   premoderation → classifiers → duplicates.record
//
// Rate and flood limits are not a phase: the write routes enforce them before the body is
// even read (src/comments/rate-limits.ts: 429 with Retry-After, shared through Redis), so a
// flood is answered before any of this runs. duplicates.record runs last so only comments
// that were not refused are remembered, and records nothing in a dry run (ctx.dryRun).
import type { AltchaVerifier } from '../altcha.ts';
import type { ClassifierAdapter } from '../classifiers/types.ts';
import type { Phase } from '../phase.ts';
import { createBansPhase, type IsBanned } from './bans.ts';
import { createBotsPhase } from './bots.ts';
import { createClassifiersPhase } from './classifiers.ts';
import { createClosedPhase } from './closed.ts';
import type { FingerprintStore } from './duplicate-store.ts';
import { createMemoryFingerprintStore } from './memory-fingerprint-store.ts';
import { createDuplicatePhases } from './duplicates.ts';
import { linksPhase } from './links.ts';
import { createPremoderationPhase, type ApprovedCountOf } from './premoderation.ts';
import { scorerPhase } from './scorer.ts';
import { termsPhase } from './terms.ts';

export interface PhaseDeps {
  /** The bans store's lookup; without it there is no bans phase. */
  isBanned?: IsBanned;
  /** ALTCHA verifier (createAltcha); without it guests are not asked for proof of work. */
  altcha?: AltchaVerifier;
  /** Recent fingerprints; default a bounded in-memory store (one node). */
  fingerprints?: FingerprintStore;
  /** Approved comments per author, for premoderation of new authors ("first" mode). */
  approvedCountOf?: ApprovedCountOf;
  /** Configured external classifiers (createClassifiers(config)). */
  classifiers?: readonly ClassifierAdapter[];
  now?: () => number;
}

export function buildPhases(deps: PhaseDeps = {}): Phase[] {
  const { now } = deps;
  const duplicates = createDuplicatePhases({ store: deps.fingerprints ?? createMemoryFingerprintStore({ now }), now });
  const phases: Phase[] = [createClosedPhase({ now })];
  if (deps.isBanned) phases.push(createBansPhase({ isBanned: deps.isBanned, now }));
  phases.push(
    createBotsPhase({ altcha: deps.altcha }),
    duplicates.check,
    linksPhase,
    termsPhase,
    scorerPhase,
    createPremoderationPhase({ approvedCountOf: deps.approvedCountOf }),
    createClassifiersPhase({ classifiers: deps.classifiers ?? [] }),
    duplicates.record,
  );
  return phases;
}

export { CLOSED_RULES, closedReason, createClosedPhase } from './closed.ts';
export { createBansPhase, type Ban, type BanMode, type IsBanned } from './bans.ts';
export { createBotsPhase } from './bots.ts';
export { createDuplicatePhases } from './duplicates.ts';
export type { FingerprintEntry, FingerprintStore, CandidateQuery } from './duplicate-store.ts';
export { createMemoryFingerprintStore } from './memory-fingerprint-store.ts';
export { linksPhase, findLinks, findObfuscated } from './links.ts';
export { createPremoderationPhase, type ApprovedCountOf } from './premoderation.ts';
export { createClassifiersPhase } from './classifiers.ts';
export { identityKeys, ipPrefix, isGuest, keyString, type IdentityKey, type IdentityKind } from './identity.ts';
