// The bans phase: an author banned or suspended by any of their identities (account, e-mail,
// visitor key, IP, IP prefix) is refused; a shadow-banned author's comment goes through the
// rest of the pipeline with the shadow flag set, so the service shows it to its author only.
import type { AuthorIdentity, Phase, Reason } from '../phase.ts';
import { identityKeys, type IdentityKind } from './identity.ts';

export type BanMode = 'ban' | 'suspend' | 'shadow';

/** What the phase needs to know of a ban; the bans store's rows may carry more. */
export interface Ban {
  id: string;
  /** Which identity the ban is on; `value` is that identity (hashes for IPs). */
  kind: IdentityKind;
  value?: string;
  /** ban: until lifted (or expiry); suspend: for a time; shadow: the author alone sees their comments. */
  mode: BanMode;
  /** ms since the epoch; null: no expiry. An expired ban is ignored even if the store returns it. */
  expiresAt: number | null;
  /** Moderators' note, shown in the reason. */
  reason?: string | null;
}

/** The active ban that applies to any of the author's identities on the site, or null. When
 * several apply, return the most severe (ban or suspend before shadow). */
export type IsBanned = (identity: AuthorIdentity, siteId: string | undefined) => Promise<Ban | null> | Ban | null;

export interface BansPhaseDeps {
  isBanned: IsBanned;
  now?: () => number;
}

const KIND_NAMES: Record<IdentityKind, string> = {
  account: 'account', email: 'e-mail address', visitor: 'browser', ip: 'IP address', 'ip-prefix': 'network',
};

export function createBansPhase({ isBanned, now = Date.now }: BansPhaseDeps): Phase {
  return {
    name: 'bans',
    async run(input, ctx) {
      const author = input.author;
      if (!author || identityKeys(author).length === 0) return { reasons: [] };
      let ban: Ban | null;
      try {
        ban = await isBanned(author, ctx.siteId);
      } catch (error) {
        // Not knowing whether the author is banned holds the comment rather than publishing it.
        return {
          reasons: [{ phase: 'bans', rule: 'bans.unavailable', category: 'ban', detail: `ban lookup failed: ${(error as Error).message}` }],
          decision: 'pending',
        };
      }
      const at = input.at ?? now();
      if (!ban || (ban.expiresAt !== null && ban.expiresAt <= at)) return { reasons: [] };
      const until = ban.expiresAt === null ? '' : ` until ${new Date(ban.expiresAt).toISOString()}`;
      const why = ban.reason ? `: ${ban.reason}` : '';
      const on = `${KIND_NAMES[ban.kind] ?? ban.kind}`;
      if (ban.mode === 'shadow') {
        const reason: Reason = { phase: 'bans', rule: 'bans.shadow', category: 'ban', detail: `shadow-banned by ${on}${until} (ban ${ban.id})${why}` };
        return { reasons: [reason], shadow: true };
      }
      const verb = ban.mode === 'suspend' ? 'suspended' : 'banned';
      const reason: Reason = { phase: 'bans', rule: `bans.${verb}`, category: 'ban', detail: `${verb} by ${on}${until} (ban ${ban.id})${why}` };
      return { reasons: [reason], decision: 'rejected' };
    },
  };
}
