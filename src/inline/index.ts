// The inline feedback module: passages of an article with their comments (see docs and
// web/inline/ for the widget side), and the editor questions the console places. Anchors
// of readers' comments arrive with POST /api/v1/comments.
import type { FastifyInstance } from 'fastify';
import { createPassageStore } from '../comments/passage-store.ts';
import type { CommentStore } from '../comments/store.ts';
import { createThreadDirectory } from '../comments/thread-directory.ts';
import type { AuditService } from '../moderation/audit.ts';
import type { Bus } from '../platform/bus.ts';
import type { Db } from '../platform/db.ts';
import type { RateLimiter } from '../platform/rate-limit.ts';
import type { SiteService } from '../sites/service.ts';
import type { StaffGuard } from '../staff/guard.ts';
import { inlineAdminRoutes } from './admin-routes.ts';
import { createQuestionStore } from './question-store.ts';
import { createQuestions } from './questions.ts';
import { inlineRoutes } from './routes.ts';
import { createInlineService } from './service.ts';

export interface InlineModuleDeps {
  db: Db;
  comments: CommentStore;
  sites: SiteService;
  bus: Bus;
  cacheEntries: number;
  guard: StaffGuard;
  audit: AuditService;
  /** Limits the server's reads of articles per staff member (on even when flood limits are off). */
  limiter: RateLimiter;
  fetchPrivate: boolean;
}

export async function registerInline(http: FastifyInstance, deps: InlineModuleDeps): Promise<void> {
  const passages = createPassageStore(deps.db);
  const store = createQuestionStore(deps.db);
  const questions = createQuestions({ store, passages });
  const inline = createInlineService({ comments: deps.comments, passages });
  await http.register(inlineRoutes, { inline, questions, sites: deps.sites, bus: deps.bus, cacheEntries: deps.cacheEntries });
  await http.register(inlineAdminRoutes, { guard: deps.guard, sites: deps.sites, questions, store, threads: createThreadDirectory(deps.db), audit: deps.audit, limiter: deps.limiter, fetchPrivate: deps.fetchPrivate });
}
