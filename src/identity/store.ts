// The only place with SQL for accounts, sessions, sign-in links and used SSO tokens.
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { AccountsTable, MagicLinksTable, SessionsTable } from './tables.ts';

export type AccountRow = AccountsTable;
export type SessionRow = SessionsTable;
export type MagicLinkRow = MagicLinksTable;
type Executor = Db | Transaction<Database>;

/** What an account may change about itself, or SSO may set. */
export type AccountChange = Partial<Pick<AccountRow, 'name' | 'email' | 'email_lower' | 'avatar_mode' | 'avatar_url' | 'role' | 'sso_sub'>>;

export function createIdentityStore(db: Db) {
  return {
    transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      return db.transaction().execute(work);
    },

    findAccount(id: string, on: Executor = db): Promise<AccountRow | undefined> {
      return on.selectFrom('accounts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    },

    findByEmail(siteId: string, emailLower: string, on: Executor = db): Promise<AccountRow | undefined> {
      return on.selectFrom('accounts').selectAll().where('site_id', '=', siteId).where('email_lower', '=', emailLower).where('deleted_at', 'is', null).executeTakeFirst();
    },

    findBySub(siteId: string, sub: string, on: Executor = db): Promise<AccountRow | undefined> {
      return on.selectFrom('accounts').selectAll().where('site_id', '=', siteId).where('sso_sub', '=', sub).where('deleted_at', 'is', null).executeTakeFirst();
    },

    /** Inserts unless the site already has the e-mail or sub; false when another row won. */
    async insertAccount(account: AccountRow, on: Executor = db): Promise<boolean> {
      const result = await on.insertInto('accounts').values(account).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async updateAccount(id: string, change: AccountChange, at: number, on: Executor = db): Promise<void> {
      await on.updateTable('accounts').set({ ...change, updated_at: at }).where('id', '=', id).execute();
    },

    /** Erases what identifies the reader; the row stays as a tombstone so old ids resolve to nobody. */
    async eraseAccount(id: string, at: number, on: Executor = db): Promise<void> {
      await on
        .updateTable('accounts')
        .set({ email: null, email_lower: null, name: '', avatar_url: null, sso_sub: null, deleted_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
      await on.deleteFrom('sessions').where('account_id', '=', id).execute();
    },

    async insertSession(session: SessionRow, on: Executor = db): Promise<void> {
      await on.insertInto('sessions').values(session).execute();
    },

    findSession(id: string): Promise<SessionRow | undefined> {
      return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async revokeSession(id: string, at: number): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },

    async revokeAllSessions(accountId: string, at: number): Promise<number> {
      const result = await db.updateTable('sessions').set({ revoked_at: at }).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Sessions as the reader may see them: when, how, until when; never the hash. */
    listSessions(accountId: string) {
      return db
        .selectFrom('sessions')
        .select(['id', 'method', 'created_at', 'expires_at', 'revoked_at'])
        .where('account_id', '=', accountId)
        .orderBy('id')
        .execute();
    },

    async insertMagicLink(link: MagicLinkRow, on: Executor = db): Promise<void> {
      await on.insertInto('magic_links').values(link).execute();
    },

    findMagicLink(id: string): Promise<MagicLinkRow | undefined> {
      return db.selectFrom('magic_links').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Marks a link used; false when it was used (or expired) first: only one exchange wins. */
    async claimMagicLink(id: string, at: number, on: Executor = db): Promise<boolean> {
      const result = await on
        .updateTable('magic_links')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteMagicLinks(siteId: string, emailLower: string, on: Executor = db): Promise<void> {
      await on.deleteFrom('magic_links').where('site_id', '=', siteId).where('email_lower', '=', emailLower).execute();
    },

    /** Ids of the sign-in links sent to an address: their e-mails may still wait in the outbox. */
    async magicLinkIds(siteId: string, emailLower: string): Promise<string[]> {
      const rows = await db.selectFrom('magic_links').select('id').where('site_id', '=', siteId).where('email_lower', '=', emailLower).execute();
      return rows.map((row) => row.id);
    },

    /** Records an SSO token's jti; false when it was recorded before (a replay). One insert decides, on any node. */
    async useSsoToken(siteId: string, jti: string, expiresAt: number): Promise<boolean> {
      const result = await db.insertInto('sso_used_tokens').values({ site_id: siteId, jti, expires_at: expiresAt }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** Forgets jtis of tokens that expired: they would be refused as expired anyway. */
    async purgeUsedSsoTokens(before: number): Promise<void> {
      await db.deleteFrom('sso_used_tokens').where('expires_at', '<', before).execute();
    },
  };
}

export type IdentityStore = ReturnType<typeof createIdentityStore>;
