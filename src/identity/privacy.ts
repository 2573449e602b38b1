// A reader's rights over their data: take all of it away as JSON, or delete the account.
import type { Site } from '../sites/service.ts';
import type { Accounts } from './accounts.ts';
import { emailKey } from './email.ts';
import type { AccountRow, IdentityStore } from './store.ts';

/** What the identity module needs of the comments module about one account's comments. */
export interface AuthoredComments {
  export(accountId: string): Promise<{ comments: unknown[]; votes: unknown[] }>;
  forget(accountId: string, mode: 'anonymise' | 'remove'): Promise<void>;
}

export interface PrivacyDeps {
  store: IdentityStore;
  accounts: Accounts;
  comments: AuthoredComments;
  now: () => number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createPrivacy({ store, accounts, comments, now }: PrivacyDeps) {
  return {
    /** Everything stored about the account, and nothing about anyone else. Token hashes are ours, not data about them. */
    async export(account: AccountRow) {
      const [sessions, authored] = await Promise.all([store.listSessions(account.id), comments.export(account.id)]);
      return {
        format: 'colloquy-account-export/1',
        exportedAt: iso(now()),
        account: accounts.profile(account),
        sessions: sessions.map((s) => ({ id: s.id, method: s.method, createdAt: iso(s.created_at), expiresAt: iso(s.expires_at), revokedAt: iso(s.revoked_at) })),
        comments: authored.comments,
        votes: authored.votes,
      };
    },

    /**
     * Deletes the account: its comments go as the site's onAccountDelete setting says, its
     * sessions and pending sign-in links are dropped, and its row keeps no personal data.
     * Comments go first: should anything fail midway, the reader can still sign in and retry.
     */
    async delete(account: AccountRow, site: Site) {
      const mode = site.settings.onAccountDelete;
      await comments.forget(account.id, mode);
      await store.transaction(async (trx) => {
        if (account.email) await store.deleteMagicLinks(account.site_id, emailKey(account.email), trx);
        await store.eraseAccount(account.id, now(), trx);
      });
      return { deleted: true, comments: mode === 'remove' ? 'removed' : 'anonymised' };
    },
  };
}

export type Privacy = ReturnType<typeof createPrivacy>;
