// The notification admin API, in its own scope whose onRequest hook demands a console session
// (401) and, for writes, the same origin and the CSRF token (403), as the moderation API's.
import type { FastifyInstance } from 'fastify';
import type { AuditService } from '../../moderation/audit.ts';
import type { SiteService } from '../../sites/service.ts';
import type { StaffAlerts } from '../../staff/alerts.ts';
import type { StaffGuard } from '../../staff/guard.ts';
import type { Notify } from '../index.ts';
import { alertRoutes } from './alert-routes.ts';
import { outboxRoutes } from './outbox-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export interface NotifyAdminDeps {
  guard: StaffGuard;
  sites: SiteService;
  staffAlerts: StaffAlerts;
  notify: Notify;
  /** Webhook changes are staff actions like any other. */
  audit: AuditService;
}

export async function notifyAdminRoutes(app: FastifyInstance, deps: NotifyAdminDeps): Promise<void> {
  app.addHook('onRequest', (request) => deps.guard.authenticate(request));
  for (const routes of [alertRoutes, webhookRoutes, outboxRoutes]) await app.register(routes, deps);
}
