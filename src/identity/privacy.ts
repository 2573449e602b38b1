// A reader's rights over their data: take all of it away as JSON, or delete the account.
import type { Site } from '../sites/service.ts';
import type { Accounts } from './accounts.ts';
import { emailKey } from './email.ts';
import type { AccountRow, IdentityStore } from './store.ts';

/** What the identity module needs of the comments module about one account's comments. */
export interface AuthoredComments {
  export(accountId: string): Promise<{ comments: Array<{ id: string; status: string }>; votes: unknown[] }>;
  forget(accountId: string, mode: 'anonymise' | 'remove'): Promise<void>;
}

/** What it needs of the notifications module about the account's address (notify/reader-notifications.ts). */
export interface AddressNotifications {
  list(siteId: string, email: string): Promise<unknown[]>;
  cancel(siteId: string, email: string, id: string): Promise<boolean>;
  export(siteId: string, email: string): Promise<{ address: unknown; subscriptions: unknown[] }>;
  forget(siteId: string, email: string, mails: { commentIds: string[]; mailKeys: string[] }): Promise<void>;
}

export interface PrivacyDeps {
  store: IdentityStore;
  accounts: Accounts;
  comments: AuthoredComments;
  notifications: AddressNotifications;
  now: () => number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const NO_NOTIFICATIONS = { address: null, subscriptions: [] };

export function createPrivacy({ store, accounts, comments, notifications, now }: PrivacyDeps) {
  return {
    /** Everything stored about the account, and nothing about anyone else. Token hashes are ours, not data about them. */
    async export(account: AccountRow) {
      const [sessions, authored, notified] = await Promise.all([
        store.listSessions(account.id),
        comments.export(account.id),
        account.email ? notifications.export(account.site_id, account.email) : NO_NOTIFICATIONS,
      ]);
      return {
        format: 'colloquy-account-export/1',
        exportedAt: iso(now()),
        account: accounts.profile(account),
        sessions: sessions.map((s) => ({ id: s.id, method: s.method, createdAt: iso(s.created_at), expiresAt: iso(s.expires_at), revokedAt: iso(s.revoked_at) })),
        comments: authored.comments,
        votes: authored.votes,
        notifications: notified,
      };
    },

    /**
     * Deletes the account: its comments go as the site's onAccountDelete setting says, its
     * address's subscriptions, held digest items and unsent e-mails go, its sessions and
     * pending sign-in links are dropped, and its row keeps no personal data. The row goes
     * last: should anything fail midway, the reader can still sign in and retry.
     */
    async delete(account: AccountRow, site: Site) {
      const mode = site.settings.onAccountDelete;
      // Only a held comment can still bring its author an "approved" e-mail.
      const held = account.email ? (await comments.export(account.id)).comments.filter((c) => c.status === 'pending').map((c) => c.id) : [];
      await comments.forget(account.id, mode);
      if (account.email) {
        // Sign-in links' e-mails still waiting in the outbox (keys as mailer.ts makes them).
        const links = await store.magicLinkIds(account.site_id, emailKey(account.email));
        await notifications.forget(account.site_id, account.email, { commentIds: held, mailKeys: links.map((id) => `magic-link:${id}`) });
      }
      await store.transaction(async (trx) => {
        if (account.email) await store.deleteMagicLinks(account.site_id, emailKey(account.email), trx);
        await store.eraseAccount(account.id, now(), trx);
      });
      return { deleted: true, comments: mode === 'remove' ? 'removed' : 'anonymised' };
    },
  };
}

export type Privacy = ReturnType<typeof createPrivacy>;
