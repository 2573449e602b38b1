// Who may use the support console API: staff signed in to the console with the admin role on
// the site (session cookie, CSRF token and same-origin checks: src/staff/guard.ts), or, for
// scripts and until every operator has staff accounts, `Authorization: Bearer` with
// SUPPORT_ADMIN_TOKEN. Routes take the guard as a parameter and know neither.
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../platform/errors.ts';
import { sha256 } from '../platform/secrets.ts';

/** Resolves to the acting staff member's id for `siteId`, or throws 401/403. */
export type AdminGuard = (request: FastifyRequest, siteId: string) => Promise<string>;

/** The part of the staff guard (src/staff/guard.ts) the support routes need. */
export interface StaffGuardLike {
  authenticate(request: FastifyRequest): Promise<void>;
  require(request: FastifyRequest, siteId: string, role: 'admin'): { id: string };
}

const unauthorized = (message: string) => new AppError(401, 'unauthenticated', message, 'Authorization', { 'WWW-Authenticate': 'Bearer' });

export function tokenGuard(token: string | null): AdminGuard {
  const expected = token ? Buffer.from(sha256(token)) : null;
  return async (request) => {
    if (!expected) throw unauthorized('Sign in to the console, or set SUPPORT_ADMIN_TOKEN and send it as a Bearer token');
    const header = request.headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? Buffer.from(sha256(header.slice(7).trim())) : null;
    if (!presented || presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw unauthorized('A valid admin bearer token is required');
    return 'admin-token';
  };
}

/** A Bearer token goes to the token check; anything else must be a staff session with the admin role. */
export function consoleGuard(staff: StaffGuardLike | null, token: string | null): AdminGuard {
  const bearer = tokenGuard(token);
  return async (request, siteId) => {
    if (!staff || request.headers.authorization?.startsWith('Bearer ')) return bearer(request, siteId);
    await staff.authenticate(request);
    return `staff:${staff.require(request, siteId, 'admin').id}`;
  };
}
