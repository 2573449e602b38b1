// Staff accounts, roles per site and console sessions. No HTTP here: guard.ts and routes.ts
// carry these over cookies.
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { keyedHash, newToken, sha256 } from '../platform/secrets.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { StaffStore, StaffUserRow } from './store.ts';
import type { StaffRole } from './tables.ts';

export type { StaffRole };

export interface SiteRole {
  site: string;
  role: StaffRole;
}

export interface StaffUser {
  id: string;
  email: string;
  globalAdmin: boolean;
  roles: SiteRole[];
}

export interface StaffSession {
  id: string;
  user: StaffUser;
  expiresAt: number;
}

export interface NewStaff {
  email: string;
  password: string;
  globalAdmin?: boolean;
  roles?: SiteRole[];
}

export interface StaffDeps {
  store: StaffStore;
  secret: string;
  sessionHours: number;
  now?: () => number;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Which role a user has on a site: global admins are admins everywhere. */
export function roleOn(user: StaffUser, siteId: string): StaffRole | null {
  if (user.globalAdmin) return 'admin';
  return user.roles.find((r) => r.site === siteId)?.role ?? null;
}

/** True when the user may act with `needed` on the site (an admin may do what a moderator may). */
export function mayAct(user: StaffUser, siteId: string, needed: StaffRole): boolean {
  const role = roleOn(user, siteId);
  return role === 'admin' || (role === 'moderator' && needed === 'moderator');
}

export function createStaffService({ store, secret, sessionHours, now = Date.now }: StaffDeps) {
  async function withRoles(rows: StaffUserRow[]): Promise<StaffUser[]> {
    const roles = await store.rolesOf(rows.map((r) => r.id));
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      globalAdmin: row.global_admin === 1,
      roles: roles.filter((r) => r.user_id === row.id).map((r) => ({ site: r.site_id, role: r.role })),
    }));
  }

  async function userById(id: string): Promise<StaffUser> {
    const row = await store.findById(id);
    if (!row) throw notFound('staff_not_found', 'No such staff user');
    return (await withRoles([row]))[0]!;
  }

  return {
    async create(input: NewStaff): Promise<StaffUser> {
      const email = normaliseEmail(input.email);
      if (!EMAIL.test(email) || email.length > 254) throw badRequest('invalid_email', 'email is not an e-mail address', 'email');
      const problem = passwordProblem(input.password);
      if (problem) throw badRequest('weak_password', `password ${problem}`, 'password');
      const at = now();
      const id = newId(at);
      const inserted = await store.insert({
        id, email, password_hash: await hashPassword(input.password),
        global_admin: input.globalAdmin ? 1 : 0, disabled: 0, created_at: at, updated_at: at,
      });
      if (!inserted) throw conflict('email_taken', 'A staff user with this e-mail exists', 'email');
      if (input.roles?.length) await store.setRoles(id, input.roles);
      return userById(id);
    },

    /** The first admin from the environment: created once, never overwritten. */
    async ensureAdmin(email: string, password: string): Promise<'created' | 'exists'> {
      if (await store.findByEmail(normaliseEmail(email))) return 'exists';
      try {
        await this.create({ email, password, globalAdmin: true });
        return 'created';
      } catch (error) {
        // Another node created it at the same moment.
        if (error instanceof AppError && error.code === 'email_taken') return 'exists';
        throw error;
      }
    },

    /**
     * A new session for the right e-mail and password, else null: the caller answers the same
     * whatever was wrong. An unknown e-mail still costs a password check.
     */
    async signIn(email: string, password: string, ipHash: string | null): Promise<{ token: string; session: StaffSession } | null> {
      const row = await store.findByEmail(normaliseEmail(email));
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
      if (!row || !ok || row.disabled) return null;
      const at = now();
      const token = newToken();
      const session = { id: newId(at), user_id: row.id, token_hash: sha256(token), ip_hash: ipHash, created_at: at, expires_at: at + sessionHours * 3_600_000, revoked_at: null };
      await store.insertSession(session);
      if (Math.random() < 0.01) await store.sweepSessions(at - 30 * 86_400_000);
      return { token, session: { id: session.id, user: (await withRoles([row]))[0]!, expiresAt: session.expires_at } };
    },

    /** The session a cookie token belongs to, or null when unknown, expired, revoked or disabled. */
    async authenticate(token: string): Promise<StaffSession | null> {
      const found = await store.findSession(sha256(token), now());
      if (!found) return null;
      const [user] = await withRoles([{ id: found.id, email: found.email, global_admin: found.global_admin } as StaffUserRow]);
      return { id: found.session_id, user: user!, expiresAt: found.expires_at };
    },

    signOut(sessionId: string): Promise<void> {
      return store.revokeSession(sessionId, now());
    },

    /** The CSRF token of a session: derived from its token with the server key, so bound to it. */
    csrfToken(sessionToken: string): string {
      return keyedHash(secret, 'staff-csrf', sessionToken);
    },

    async list(): Promise<StaffUser[]> {
      return withRoles(await store.list());
    },

    get: userById,

    /** E-mail addresses of staff users by id, for showing who did what. */
    async emails(ids: string[]): Promise<Map<string, string>> {
      const wanted = new Set(ids);
      if (wanted.size === 0) return new Map();
      return new Map((await store.list()).filter((u) => wanted.has(u.id)).map((u) => [u.id, u.email]));
    },

    async setRoles(id: string, globalAdmin: boolean, roles: SiteRole[]): Promise<StaffUser> {
      await userById(id);
      await store.update(id, { global_admin: globalAdmin ? 1 : 0 }, now());
      await store.setRoles(id, roles);
      return userById(id);
    },

    /** A user's own change: the current password must match. Other sessions are signed out. */
    async changePassword(id: string, current: string, next: string, keepSession: string): Promise<boolean> {
      const row = await store.findById(id);
      if (!row || !(await verifyPassword(current, row.password_hash))) return false;
      const problem = passwordProblem(next);
      if (problem) throw badRequest('weak_password', `password ${problem}`, 'password');
      await store.update(id, { password_hash: await hashPassword(next) }, now());
      await store.revokeSessionsOf(id, now(), keepSession);
      return true;
    },

    async setPassword(id: string, password: string): Promise<void> {
      const problem = passwordProblem(password);
      if (problem) throw badRequest('weak_password', `password ${problem}`, 'password');
      await store.update(id, { password_hash: await hashPassword(password) }, now());
      await store.revokeSessionsOf(id, now());
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
