// Console sign-in, sign-out, "who am I", and staff management for global admins.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { AppError, badRequest } from '../platform/errors.ts';
import { ipHash } from '../platform/http.ts';
import { enforce, type RateLimiter } from '../platform/rate-limit.ts';
import { keyedHash } from '../platform/secrets.ts';
import type { SiteService } from '../sites/service.ts';
import { ADMIN_PREFIX, type StaffGuard } from './guard.ts';
import { CreateStaffBody, PasswordBody, RolesBody, SignInBody, StaffIdParams } from './schema.ts';
import { normaliseEmail, type SiteRole, type StaffService, type StaffSession, type StaffUser } from './service.ts';

/** Records a staff action in the audit log (the moderation module's); absent in tests of staff alone. */
export type AuditHook = (entry: { actor: StaffUser; site: string | null; action: string; targetType: string; targetId: string; before?: unknown; after?: unknown }) => Promise<void>;

export interface StaffRoutesDeps {
  staff: StaffService;
  guard: StaffGuard;
  sites: SiteService;
  /** Always on, whatever RATE_LIMITS says: password guessing is not a flood to tune. */
  limiter: RateLimiter;
  secret: string;
  audit?: AuditHook;
}

const tags = ['admin'];
const quarter = 15 * 60_000;
const SIGN_IN_LIMITS = {
  ip: { name: 'signin:ip', max: 20, windowMs: quarter },
  account: { name: 'signin:account', max: 5, windowMs: quarter },
};

export function userView(user: StaffUser) {
  return { id: user.id, email: user.email, globalAdmin: user.globalAdmin, roles: user.roles };
}

function sessionView(session: StaffSession, csrfToken: string) {
  return { user: userView(session.user), csrfToken, expiresAt: new Date(session.expiresAt).toISOString() };
}

/** Sign-in: outside the authenticated scope (there is no session yet), but same-origin only. */
export async function signInRoutes(app: FastifyInstance, deps: StaffRoutesDeps): Promise<void> {
  const { staff, guard, limiter, secret } = deps;
  app.post(`${ADMIN_PREFIX}/session`, { schema: { tags, summary: 'Sign in to the console (sets the session cookie)', body: SignInBody } }, async (request, reply) => {
    guard.checkSameOrigin(request);
    const body = request.body as Static<typeof SignInBody>;
    const ip = ipHash(request, secret);
    // Counted per IP and per e-mail (known or not), so the answer says nothing about which exist.
    await enforce(limiter, [[SIGN_IN_LIMITS.ip, ip], [SIGN_IN_LIMITS.account, keyedHash(secret, 'signin', normaliseEmail(body.email))]]);
    const result = await staff.signIn(body.email, body.password, ip);
    if (!result) throw new AppError(401, 'invalid_credentials', 'E-mail or password is incorrect');
    const maxAge = (result.session.expiresAt - Date.now()) / 1000;
    guard.writeCookies(request, reply, result.token, maxAge);
    reply.header('Cache-Control', 'no-store');
    await deps.audit?.({ actor: result.session.user, site: null, action: 'session.signin', targetType: 'session', targetId: result.session.id });
    return sessionView(result.session, staff.csrfToken(result.token));
  });
}

/** Routes that need a session: registered inside the scope whose onRequest hook authenticates. */
export async function staffRoutes(app: FastifyInstance, deps: StaffRoutesDeps): Promise<void> {
  const { staff, guard, sites } = deps;

  app.get(`${ADMIN_PREFIX}/me`, { schema: { tags, summary: 'The signed-in staff user and their CSRF token' } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return sessionView(guard.session(request), guard.csrfFor(request));
  });

  app.delete(`${ADMIN_PREFIX}/session`, { schema: { tags, summary: 'Sign out (revokes the session)' } }, async (request, reply) => {
    const session = guard.session(request);
    await staff.signOut(session.id);
    guard.writeCookies(request, reply, null, 0);
    await deps.audit?.({ actor: session.user, site: null, action: 'session.signout', targetType: 'session', targetId: session.id });
    return reply.code(204).send();
  });

  app.put(`${ADMIN_PREFIX}/me/password`, { schema: { tags, summary: 'Change your own password (signs out your other sessions)', body: PasswordBody } }, async (request, reply) => {
    const session = guard.session(request);
    const body = request.body as Static<typeof PasswordBody>;
    if (!(await staff.changePassword(session.user.id, body.current, body.password, session.id))) {
      throw new AppError(403, 'invalid_credentials', 'The current password is incorrect');
    }
    await deps.audit?.({ actor: session.user, site: null, action: 'staff.password', targetType: 'staff', targetId: session.user.id });
    return reply.code(204).send();
  });

  async function checkSites(roles: SiteRole[]): Promise<void> {
    for (const [i, r] of roles.entries()) {
      try {
        await sites.require(r.site);
      } catch {
        throw badRequest('site_not_found', `Unknown site "${r.site}"`, `roles.${i}.site`);
      }
    }
  }

  app.get(`${ADMIN_PREFIX}/staff`, { schema: { tags, summary: 'Every staff user (global admin)' } }, async (request) => {
    guard.requireGlobalAdmin(request);
    return { staff: await staff.list() };
  });

  app.post(`${ADMIN_PREFIX}/staff`, { schema: { tags, summary: 'Create a staff user (global admin)', body: CreateStaffBody } }, async (request: FastifyRequest, reply) => {
    const actor = guard.requireGlobalAdmin(request);
    const body = request.body as Static<typeof CreateStaffBody>;
    await checkSites(body.roles ?? []);
    const created = await staff.create(body);
    await deps.audit?.({ actor, site: null, action: 'staff.create', targetType: 'staff', targetId: created.id, after: userView(created) });
    return reply.code(201).send({ staff: created });
  });

  app.put(`${ADMIN_PREFIX}/staff/:id/roles`, { schema: { tags, summary: "Replace a staff user's roles (global admin)", params: StaffIdParams, body: RolesBody } }, async (request) => {
    const actor = guard.requireGlobalAdmin(request);
    const { id } = request.params as Static<typeof StaffIdParams>;
    const body = request.body as Static<typeof RolesBody>;
    await checkSites(body.roles);
    const before = await staff.get(id);
    const updated = await staff.setRoles(id, body.globalAdmin, body.roles);
    await deps.audit?.({ actor, site: null, action: 'staff.roles', targetType: 'staff', targetId: id, before: userView(before), after: userView(updated) });
    return { staff: updated };
  });
}
