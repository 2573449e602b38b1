// HTTP side of staff sessions: the session cookie, CSRF and Origin checks, and role checks.
// Admin routes run `authenticate` as an onRequest hook, so a request without a session is a
// 401 before its body is even validated.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError, forbidden } from '../platform/errors.ts';
import { readCookie, serializeCookie, setCookies } from './cookies.ts';
import { mayAct, type StaffRole, type StaffService, type StaffSession, type StaffUser } from './service.ts';

export const SESSION_COOKIE = 'colloquy_session';
export const CSRF_COOKIE = 'colloquy_csrf';
export const ADMIN_PREFIX = '/api/v1/admin';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in to the console first');

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface GuardOptions {
  /** Origins the console is served from besides the request's own host (PUBLIC_URL behind a proxy that rewrites Host). */
  origins?: string[];
}

export function createStaffGuard(staff: StaffService, options: GuardOptions = {}) {
  const sessions = new WeakMap<FastifyRequest, StaffSession>();
  const hosts = new Set((options.origins ?? []).flatMap((o) => URL.parse(o)?.host ?? []));

  /**
   * Refuses a state-changing request a browser sent from another site: its Origin must be this
   * server's, or, without an Origin, Sec-Fetch-Site must not say another site sent it.
   * Non-browser clients send neither and carry no ambient cookies for a forger to ride.
   */
  function checkSameOrigin(request: FastifyRequest): void {
    if (SAFE_METHODS.has(request.method)) return;
    const refuse = () => forbidden('origin_not_allowed', 'Admin requests must come from this server’s own pages');
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const host = URL.parse(origin)?.host;
      if (!host || (host !== request.host && !hosts.has(host))) throw refuse();
      return;
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw refuse();
  }

  function session(request: FastifyRequest): StaffSession {
    const found = sessions.get(request);
    if (!found) throw unauthenticated();
    return found;
  }

  return {
    /** onRequest hook: a live session (401), then, for writes, same origin and the CSRF token (403). */
    async authenticate(request: FastifyRequest): Promise<void> {
      const token = readCookie(request, SESSION_COOKIE);
      const found = token && TOKEN.test(token) ? await staff.authenticate(token) : null;
      if (!token || !found) throw unauthenticated();
      if (!SAFE_METHODS.has(request.method)) {
        checkSameOrigin(request);
        const presented = request.headers['x-csrf-token'];
        if (typeof presented !== 'string' || !equal(presented, staff.csrfToken(token))) {
          throw forbidden('csrf_failed', 'Missing or wrong X-CSRF-Token');
        }
      }
      sessions.set(request, found);
    },

    session,
    checkSameOrigin,

    /** The signed-in user, if they may act with `role` on the site; else 403. */
    require(request: FastifyRequest, siteId: string, role: StaffRole): StaffUser {
      const { user } = session(request);
      if (!mayAct(user, siteId, role)) throw forbidden('forbidden', `You may not do this on site "${siteId}"`);
      return user;
    },

    requireGlobalAdmin(request: FastifyRequest): StaffUser {
      const { user } = session(request);
      if (!user.globalAdmin) throw forbidden('forbidden', 'Only a global admin may do this');
      return user;
    },

    /** Sets (token) or clears (null) both cookies. Secure whenever the request came over https. */
    writeCookies(request: FastifyRequest, reply: FastifyReply, token: string | null, maxAgeSeconds: number): void {
      const secure = request.protocol === 'https';
      const age = token ? maxAgeSeconds : 0;
      setCookies(reply, [
        serializeCookie(SESSION_COOKIE, token ?? '', { path: ADMIN_PREFIX, httpOnly: true, secure, maxAge: age }),
        serializeCookie(CSRF_COOKIE, token ? staff.csrfToken(token) : '', { path: '/', httpOnly: false, secure, maxAge: age }),
      ]);
    },

    csrfFor(request: FastifyRequest): string {
      return staff.csrfToken(readCookie(request, SESSION_COOKIE) ?? '');
    },
  };
}

export type StaffGuard = ReturnType<typeof createStaffGuard>;
