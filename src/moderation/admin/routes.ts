// The admin API: sign-in outside, everything else inside one scope whose onRequest hook
// demands a session (401) and, for writes, the same origin and the CSRF token (403).
import type { FastifyInstance } from 'fastify';
import { signInRoutes, staffRoutes, type StaffRoutesDeps } from '../../staff/routes.ts';
import { authorRoutes } from './author-routes.ts';
import { banRoutes } from './ban-routes.ts';
import { commentRoutes } from './comment-routes.ts';
import { adminContext, type AdminDeps } from './context.ts';
import { queueRoutes } from './queue-routes.ts';
import { siteRoutes } from './site-routes.ts';

export type AdminRoutesDeps = AdminDeps & Omit<StaffRoutesDeps, 'audit'>;

export async function adminRoutes(app: FastifyInstance, deps: AdminRoutesDeps): Promise<void> {
  const ctx = adminContext(deps);
  const staffDeps: StaffRoutesDeps = { ...deps, audit: (entry) => ctx.audit.log({ ...entry, actor: entry.actor }) };
  await app.register(signInRoutes, staffDeps);
  await app.register(async (scope) => {
    scope.addHook('onRequest', (request) => deps.guard.authenticate(request));
    await scope.register(staffRoutes, staffDeps);
    for (const routes of [queueRoutes, commentRoutes, authorRoutes, banRoutes, siteRoutes]) await scope.register(routes, ctx);
  });
}
