// Accounts: found or made at sign-in (by e-mail or by the publisher's SSO), the profile a
// reader sees and edits, and the view of them the comments module works with.
import { conflict } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { ActorAccount } from '../comments/service.ts';
import { requireText } from '../comments/text.ts';
import { avatarOf, gravatarUrl, identiconUrl } from './avatar.ts';
import { emailKey } from './email.ts';
import type { AccountChange, AccountRow, IdentityStore } from './store.ts';
import type { AvatarMode, Role } from './tables.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../platform/schema.ts';

export const NAME_MAX = 80;

/** Keeps the account's comments in step with its name and avatar (the comments module). */
export interface CommentRestyler {
  restyle(accountId: string, name: string, avatar: string | null): Promise<void>;
}

export interface SsoProfile {
  sub: string;
  name: string;
  email: string | null;
  avatar: string | null;
  role: Role;
}

export interface AccountDeps {
  store: IdentityStore;
  comments: CommentRestyler;
  secret: string;
  now: () => number;
}

/** A display name as a reader typed it: one line, NFC, no controls, 1 to 80 characters. */
export const cleanName = (value: string, field: string) => requireText(value, { field, max: NAME_MAX });

/** The name of an account made by e-mail when the reader gave none: never part of the address, which would expose it. */
export const DEFAULT_NAME = 'Reader';

export function createAccounts({ store, comments, secret, now }: AccountDeps) {
  function blank(siteId: string, at: number): AccountRow {
    return {
      id: newId(at), site_id: siteId, email: null, email_lower: null, name: '', avatar_mode: 'identicon',
      avatar_url: null, role: 'reader', sso_sub: null, created_at: at, updated_at: at, deleted_at: null,
    };
  }

  return {
    /** The account of a verified e-mail address on a site, made on first sign-in. */
    async forEmail(siteId: string, email: string, name: string | null, trx: Transaction<Database>): Promise<AccountRow> {
      const key = emailKey(email);
      const existing = await store.findByEmail(siteId, key, trx);
      if (existing) return existing;
      const at = now();
      const account = { ...blank(siteId, at), email, email_lower: key, name: name ?? DEFAULT_NAME };
      // A concurrent first sign-in with the same address may have won: use its row.
      if (await store.insertAccount(account, trx)) return account;
      return (await store.findByEmail(siteId, key, trx))!;
    },

    /**
     * The account the publisher's user maps to: by their id (sub), else by a matching e-mail
     * (the publisher vouches for it), else a new one. Name, e-mail, avatar and role follow the
     * publisher's on every sign-in.
     */
    async forSso(siteId: string, profile: SsoProfile): Promise<AccountRow> {
      const at = now();
      const change: AccountChange = {
        name: profile.name, email: profile.email, email_lower: profile.email && emailKey(profile.email),
        avatar_url: profile.avatar, role: profile.role, sso_sub: profile.sub,
      };
      let before: AccountRow | undefined;
      const account = await store.transaction(async (trx) => {
        let found = await store.findBySub(siteId, profile.sub, trx);
        if (!found && change.email_lower) {
          const byEmail = await store.findByEmail(siteId, change.email_lower, trx);
          if (byEmail && byEmail.sso_sub === null) found = byEmail;
        }
        if (change.email_lower) {
          const holder = await store.findByEmail(siteId, change.email_lower, trx);
          if (holder && holder.id !== found?.id) throw conflict('email_in_use', 'Another account on this site has that e-mail address', 'token');
        }
        before = found;
        if (found) {
          await store.updateAccount(found.id, change, at, trx);
          return { ...found, ...change, updated_at: at } as AccountRow;
        }
        const created = { ...blank(siteId, at), ...change } as AccountRow;
        if (!(await store.insertAccount(created, trx))) throw conflict('account_conflict', 'Signing in at the same time as another request; try again', 'token');
        return created;
      });
      if (before && (before.name !== account.name || avatarOf(secret, before) !== avatarOf(secret, account))) {
        await comments.restyle(account.id, account.name, avatarOf(secret, account));
      }
      return account;
    },

    /** The reader's own view of their account: this is the only place the e-mail is shown. */
    profile(account: AccountRow) {
      return {
        id: account.id,
        site: account.site_id,
        name: account.name,
        email: account.email,
        role: account.role,
        avatar: {
          mode: account.avatar_mode,
          url: avatarOf(secret, account),
          gravatar: account.email ? gravatarUrl(account.email) : null,
          identicon: identiconUrl(secret, account.id),
          fromPublisher: account.avatar_url !== null,
        },
        sso: account.sso_sub !== null,
        createdAt: new Date(account.created_at).toISOString(),
      };
    },

    async update(account: AccountRow, input: { name?: string; avatar?: AvatarMode }): Promise<AccountRow> {
      const change: AccountChange = {};
      if (input.name !== undefined) change.name = cleanName(input.name, 'name');
      if (input.avatar !== undefined) change.avatar_mode = input.avatar;
      const updated = { ...account, ...change };
      if (Object.keys(change).length === 0) return updated;
      await store.updateAccount(account.id, change, now());
      if (updated.name !== account.name || avatarOf(secret, updated) !== avatarOf(secret, account)) {
        await comments.restyle(account.id, updated.name, avatarOf(secret, updated));
      }
      return updated;
    },

    /** What the comments module is told about a signed-in reader. */
    actor(account: AccountRow): ActorAccount {
      return { id: account.id, siteId: account.site_id, name: account.name, email: account.email, avatar: avatarOf(secret, account), role: account.role };
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
