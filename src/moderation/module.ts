// The moderation module assembled: staff and sessions, the pipeline behind the comment
// service's `moderate` hook, bans, reports, staff actions, the audit log and the admin API.
// app.ts creates it before the comment service (which takes `moderate`) and registers its
// routes with the others.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CommentStore } from '../comments/store.ts';
import { createCommentModeration, type ModerationEffects } from '../comments/moderation.ts';
import { createModerationCommentStore } from '../comments/moderation-store.ts';
import type { ActorAccount } from '../comments/service.ts';
import type { Config } from '../config.ts';
import type { Bus } from '../platform/bus.ts';
import type { Db } from '../platform/db.ts';
import { createMemoryRateLimiter, type RateLimiter } from '../platform/rate-limit.ts';
import type { SiteService } from '../sites/service.ts';
import { createStaffGuard } from '../staff/guard.ts';
import { createStaffService } from '../staff/service.ts';
import { createStaffStore } from '../staff/store.ts';
import { createActionService } from './actions.ts';
import { adminRoutes } from './admin/routes.ts';
import { createAuditService } from './audit.ts';
import { createAuditStore } from './audit-store.ts';
import { createBanStore } from './ban-store.ts';
import { createBanService } from './bans.ts';
import { createDecisionStore } from './decision-store.ts';
import { createReportStore } from './report-store.ts';
import { reportRoutes } from './report-routes.ts';
import { createReportService, type ReportEffects } from './reports.ts';
import { createModerationService, type ModerationDeps } from './service.ts';

export interface ModerationModuleDeps {
  db: Db;
  sites: SiteService;
  store: CommentStore;
  bus: Bus;
  /** The app's flood limiter; null when RATE_LIMITS=false. Staff limits (sign-in) apply regardless. */
  limiter: RateLimiter | null;
  config: Pick<Config, 'secret' | 'adminEmail' | 'adminPassword' | 'adminSessionHours'> & Partial<Pick<Config, 'publicUrl'>>;
  phaseDeps?: ModerationDeps['phaseDeps'];
  /** Written in the transactions of approvals and reports: notifications, webhooks, alerts (notify.effects). */
  effects?: ModerationEffects & ReportEffects;
  now?: () => number;
}

export function createModeration(deps: ModerationModuleDeps) {
  const { db, sites, bus, config, now = Date.now } = deps;
  const staff = createStaffService({ store: createStaffStore(db), secret: config.secret, sessionHours: config.adminSessionHours, now });
  const guard = createStaffGuard(staff, { origins: config.publicUrl ? [config.publicUrl] : [] });
  const comments = createCommentModeration({ store: deps.store, moderationStore: createModerationCommentStore(db), bus, effects: deps.effects, now });
  const decisions = createDecisionStore(db);
  const bans = createBanService(createBanStore(db), { now, bus });
  const moderation = createModerationService({ sites, comments, bans, decisions, limiter: deps.limiter, phaseDeps: deps.phaseDeps, now });
  const reports = createReportService({ store: createReportStore(db), comments, record: moderation.record, effects: deps.effects, now });
  const audit = createAuditService(createAuditStore(db), now);
  const actions = createActionService({ comments, decisions, reports, audit, record: moderation.record });
  // Password guessing, and staff making the server fetch others' pages, are limited even where
  // flood limits are off.
  const staffLimiter = deps.limiter ?? createMemoryRateLimiter();

  return {
    moderate: moderation.moderate,
    moderation,
    staff,
    guard,
    bans,
    /** The staff audit log, for other modules' admin routes. */
    audit,
    /** For other modules' limits on staff actions: the app's limiter, or one in memory when flood limits are off. */
    staffLimiter,

    /** The first admin from ADMIN_EMAIL and ADMIN_PASSWORD, if set and not there yet. */
    async bootstrap(): Promise<'created' | 'exists' | 'unset'> {
      if (!config.adminEmail || !config.adminPassword) return 'unset';
      return staff.ensureAdmin(config.adminEmail, config.adminPassword);
    },

    async register(http: FastifyInstance, options: { authenticate?: (request: FastifyRequest) => Promise<ActorAccount | null> } = {}): Promise<void> {
      await http.register(reportRoutes, { reports, comments, sites, limiter: deps.limiter, secret: config.secret, authenticate: options.authenticate });
      await http.register(adminRoutes, {
        guard, staff, sites, comments, moderation, bans, reports, actions, audit, decisions, limiter: staffLimiter, secret: config.secret,
      });
    },
  };
}

export type ModerationModule = ReturnType<typeof createModeration>;
