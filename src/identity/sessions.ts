// Bearer sessions: issued on sign-in, scoped to one site, expiring, revocable one at a time
// or all at once. The widget keeps the token in the host page's storage, so no third-party
// cookie is involved.
import type { Transaction } from 'kysely';
import { AppError } from '../platform/errors.ts';
import type { Database } from '../platform/schema.ts';
import type { AccountRow, IdentityStore, SessionRow } from './store.ts';
import { issueToken, secretMatches, splitToken } from './tokens.ts';

export interface Authenticated {
  session: SessionRow;
  account: AccountRow;
}

export const invalidToken = (message = 'The sign-in token is not valid, has expired or was revoked; sign in again') =>
  new AppError(401, 'invalid_token', message, 'Authorization', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

export interface SessionDeps {
  store: IdentityStore;
  sessionDays: number;
  now: () => number;
}

export function createSessions({ store, sessionDays, now }: SessionDeps) {
  return {
    /** A new bearer token for the account; the raw token is returned once and never stored. */
    async issue(account: AccountRow, method: 'magic-link' | 'sso', on?: Transaction<Database>) {
      const at = now();
      const { id, token, hash } = issueToken(at);
      const expiresAt = at + sessionDays * 86_400_000;
      await store.insertSession({ id, site_id: account.site_id, account_id: account.id, token_hash: hash, method, created_at: at, expires_at: expiresAt, revoked_at: null }, on);
      return { token, expiresAt: new Date(expiresAt).toISOString() };
    },

    /**
     * The session and account behind an Authorization header. No header: null (a guest).
     * A header that does not hold a live token: 401, rather than quietly acting as a guest.
     */
    async authenticate(header: string | string[] | undefined): Promise<Authenticated | null> {
      if (header === undefined || header === '') return null;
      if (typeof header !== 'string') throw invalidToken('Send one Authorization header');
      const match = /^Bearer +(\S+) *$/i.exec(header);
      if (!match) throw invalidToken('Authorization must be "Bearer <token>"');
      const parts = splitToken(match[1]);
      if (!parts) throw invalidToken();
      const session = await store.findSession(parts.id);
      // Compare even when there is no row, so a missing id takes as long as a wrong secret.
      const matches = secretMatches(parts.secret, session?.token_hash ?? '-'.repeat(43));
      if (!session || !matches || session.revoked_at !== null || session.expires_at <= now()) throw invalidToken();
      const account = await store.findAccount(session.account_id);
      if (!account) throw invalidToken();
      return { session, account };
    },

    async revoke(session: SessionRow): Promise<void> {
      await store.revokeSession(session.id, now());
    },

    async revokeAll(accountId: string): Promise<number> {
      return store.revokeAllSessions(accountId, now());
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
