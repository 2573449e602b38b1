// The duplicates phase: the same or nearly the same text posted again by the same author
// (re-posting), or by several distinct identities within a short time (a copy-paste
// campaign). Texts are compared as MinHash fingerprints of their folded form, so spacing,
// case, look-alike letters and small edits do not make a copy new.
//
// Two phases share one store: `check` (early in the pipeline) compares; `record` (last in the
// pipeline) keeps the fingerprint once the comment is stored (a phase `keep`), so only
// comments that were not refused and were committed count later, under their own id, and a
// dry run records nothing.
import { foldedOf, type Phase, type PhaseInput, type PhaseResult, type Reason } from '../phase.ts';
import type { DuplicateSettings } from '../settings.ts';
import { fingerprint, similarityAtLeast, type Fingerprint } from './fingerprint.ts';
import type { FingerprintStore, StoredFingerprint } from './duplicate-store.ts';
import { identityKeys, keyString } from './identity.ts';
import { decide } from './actions.ts';

export interface DuplicatePhaseDeps {
  store: FingerprintStore;
  now?: () => number;
}

const MINUTE = 60_000;
// On the input under a private key, as foldedOf keeps the folded text (no WeakMap entry per comment).
const FINGERPRINT = Symbol('fingerprint');

function fingerprintOf(input: PhaseInput): Fingerprint {
  const memo = input as PhaseInput & { [FINGERPRINT]?: Fingerprint };
  return (memo[FINGERPRINT] ??= fingerprint(foldedOf(input).text));
}

/** Keys that make two comments "the same author": the IP prefix is too broad for that. */
function authorKeysOf(input: PhaseInput): string[] {
  return identityKeys(input.author).filter((k) => k.kind !== 'ip-prefix').map(keyString);
}

function ago(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  return minutes < 1 ? 'just now' : minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** Groups entries that share any identity key: one person with two browsers on one IP is one. */
function countIdentities(entries: StoredFingerprint[]): number {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const key of entry.authorKeys) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  return new Set(entries.map((_, i) => find(i))).size;
}

export function createDuplicatePhases({ store, now = Date.now }: DuplicatePhaseDeps): { check: Phase; record: Phase } {
  const check: Phase = {
    name: 'duplicates',
    // Not async: the memory store answers at once, and so does the phase then (Redis's answer is awaited).
    run(input, ctx) {
      const settings: DuplicateSettings = ctx.settings.duplicates;
      const { sameAuthor, crossAuthor } = settings;
      if (!settings.enabled || !ctx.siteId) return { reasons: [] };
      const fp = fingerprintOf(input);
      const checkSame = sameAuthor.action !== 'allow' && fp.length >= sameAuthor.minLength;
      const checkCross = crossAuthor.action !== 'allow' && fp.length >= crossAuthor.minLength;
      if (!checkSame && !checkCross) return { reasons: [] };
      const at = input.at ?? now();
      const mine = new Set(authorKeysOf(input));
      const since = at - Math.max(checkSame ? sameAuthor.windowMinutes : 0, checkCross ? crossAuthor.windowMinutes : 0) * MINUTE;
      const found = store.candidates({
        siteId: ctx.siteId, bands: fp.bands, authorKeys: [...mine], since,
        like: { minhash: fp.minhash, exact: fp.exact, similarity: settings.similarity },
      });
      return found instanceof Promise ? found.then(judge) : judge(found);

      function judge(candidates: StoredFingerprint[]): PhaseResult {
        const span: [number, number] = [0, input.text.length];
        const reasons: Reason[] = [];
        let decision = undefined as ReturnType<typeof decide>;
        let best: { entry: StoredFingerprint; sim: number } | undefined;
        const others: StoredFingerprint[] = [];
        for (const entry of candidates) {
          if (input.commentId !== undefined && entry.commentId === input.commentId) continue;
          const sim = similarityAtLeast(fp, entry, settings.similarity);
          if (sim < 0) continue;
          const same = entry.authorKeys.some((k) => mine.has(k));
          if (same) {
            if (checkSame && entry.at >= at - sameAuthor.windowMinutes * MINUTE && (!best || sim > best.sim)) best = { entry, sim };
          } else if (checkCross && entry.at >= at - crossAuthor.windowMinutes * MINUTE) others.push(entry);
        }
        if (best) {
          const how = best.sim === 1 ? 'the same text as' : `${Math.round(best.sim * 100)}% like`;
          reasons.push({
            phase: 'duplicates', rule: 'duplicates.same-author', category: 'spam', span, score: best.sim,
            detail: `${how} this author's comment ${best.entry.commentId} of ${ago(at - best.entry.at)}`,
          });
          decision = decide(decision, sameAuthor.action);
        }
        const identities = others.length ? countIdentities(others) + 1 : 1;
        if (identities >= crossAuthor.minAuthors) {
          reasons.push({
            phase: 'duplicates', rule: 'duplicates.campaign', category: 'spam', span, score: identities,
            detail: `the same text from ${identities} different authors within ${crossAuthor.windowMinutes} min`,
          });
          decision = decide(decision, crossAuthor.action);
        }
        return { reasons, decision };
      }
    },
  };

  const record: Phase = {
    name: 'duplicates.record',
    run(input, ctx) {
      const settings = ctx.settings.duplicates;
      if (ctx.dryRun || !settings.enabled || !ctx.siteId) return { reasons: [] };
      const fp = fingerprintOf(input);
      if (fp.length < Math.min(settings.sameAuthor.minLength, settings.crossAuthor.minLength)) return { reasons: [] };
      const entry = { siteId: ctx.siteId, at: input.at ?? now(), authorKeys: authorKeysOf(input), exact: fp.exact, minhash: fp.minhash, bands: fp.bands, length: fp.length };
      const keepMs = Math.max(settings.sameAuthor.windowMinutes, settings.crossAuthor.windowMinutes) * MINUTE;
      return { reasons: [], keep: async (commentId) => store.add({ ...entry, commentId }, keepMs) };
    },
  };

  return { check, record };
}
