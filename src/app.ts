// Composes the modules into one Fastify instance. Used by main.ts and by tests.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fileURLToPath } from 'node:url';
import { commentRoutes } from './comments/routes.ts';
import { threadHtmlRoutes } from './comments/html-routes.ts';
import { createCommentService, type Moderate } from './comments/service.ts';
import { createCommentStore } from './comments/store.ts';
import { createAccountCommentStore } from './comments/account-store.ts';
import { createAccountComments } from './comments/accounts.ts';
import { createIdentity } from './identity/index.ts';
import { authRoutes } from './identity/routes.ts';
import { meRoutes } from './identity/me-routes.ts';
import { avatarRoutes } from './identity/avatar-routes.ts';
import { enqueueEmail } from './notify/outbox.ts';
import type { Config } from './config.ts';
import { DEMO_SITE, demoRoutes, demoSettings } from './demo/page.ts';
import { LiveHub } from './notify/live.ts';
import { liveRoutes } from './notify/routes.ts';
import { createNotify, type Notify } from './notify/index.ts';
import { subscriptionRoutes } from './notify/subscription-routes.ts';
import { notifyAdminRoutes } from './notify/admin/routes.ts';
import { createLocalBus, type Bus } from './platform/bus.ts';
import { createRedisBus } from './platform/redis-bus.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './platform/rate-limit.ts';
import { Redis } from 'ioredis';
import { installCors } from './platform/cors.ts';
import { openDatabase, type OpenDatabase } from './platform/db.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling, installValidation } from './platform/http.ts';
import { staticRoutes } from './platform/static.ts';
import { consolePageRoutes } from './moderation/console-page.ts';
import { createModeration } from './moderation/module.ts';
import { createClassifiers } from './moderation/classifiers/index.ts';
import { createAltcha, createRedisReplayStore } from './moderation/altcha.ts';
import { altchaRoutes } from './moderation/altcha-routes.ts';
import { createRedisFingerprintStore } from './moderation/phases/redis-fingerprint-store.ts';
import { siteForRequest } from './sites/access.ts';
import { createSiteService } from './sites/service.ts';
import { createSiteStore } from './sites/store.ts';
import { createAlertStore } from './staff/alert-store.ts';
import { createStaffAlerts } from './staff/alerts.ts';
import { registerSupport } from './support/index.ts';
import { registerInline } from './inline/index.ts';

export interface App {
  http: FastifyInstance;
  database: OpenDatabase;
  bus: Bus;
  /** Outbox, subscriptions, webhooks: for tests and the console. */
  notify: Notify;
  close(): Promise<void>;
}

/** What code (never configuration) may replace when building the app. */
export interface AppOverrides {
  /** Decides every new and edited comment instead of the moderation pipeline: bench/posting.ts
   * measures posting without the pipeline with `approveAll`. */
  moderate?: Moderate;
}

const PUBLIC_DIR = fileURLToPath(new URL('../dist/public', import.meta.url));

export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const http = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Per-request lines only when debugging: a busy thread would drown the log.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
  });
  installValidation(http);
  installErrorHandling(http);
  installCors(http);

  const database = await openDatabase(config.databaseUrl, (error) => http.log.warn({ err: error }, 'idle database connection lost'));
  const onBusError = (error: unknown) => http.log.error({ err: error }, 'event bus error');
  const bus = config.redisUrl ? await createRedisBus(config.redisUrl, onBusError) : createLocalBus(onBusError);
  const limiter = createLimiter(config, (error) => http.log.warn({ err: error }, 'rate limiter unavailable; allowing'));
  const sites = createSiteService(createSiteStore(database.db), { bus });
  const commentStore = createCommentStore(database.db);
  const staffAlerts = createStaffAlerts({ store: createAlertStore(database.db) });
  const notify = createNotify({ db: database.db, engine: database.engine, bus, sites, comments: commentStore, staff: staffAlerts, config, log: http.log.child({ module: 'notify' }) });
  // External classifiers run only where their keys are configured (PERSPECTIVE_API_KEY, AKISMET_*, CLASSIFIER_URL).
  // ALTCHA: used challenges are remembered in Redis when nodes share it, else in memory (the
  // same connection carries duplicate fingerprints, below).
  const altchaRedis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) : null;
  const altcha = createAltcha({
    hmacKey: config.altchaHmacKey,
    store: altchaRedis ? createRedisReplayStore(altchaRedis, { onError: (error) => http.log.warn({ err: error }, 'ALTCHA replay store unavailable; allowing') }) : undefined,
  });
  // Near-duplicate fingerprints: shared through Redis when nodes share it, else in this process.
  const fingerprints = altchaRedis ? createRedisFingerprintStore(altchaRedis, { onError: (error) => http.log.warn({ err: error }, 'duplicate fingerprints unavailable; not checking') }) : undefined;
  const moderation = createModeration({ db: database.db, sites, store: commentStore, bus, limiter, config, phaseDeps: { classifiers: createClassifiers(config), altcha, fingerprints }, effects: notify.effects });
  await moderation.bootstrap();
  const comments = createCommentService({ store: commentStore, sites, bus, effects: notify.effects, moderate: overrides.moderate ?? moderation.moderate });
  const accountComments = createAccountComments({ store: commentStore, accountStore: createAccountCommentStore(database.db), bus });
  const identity = createIdentity({ db: database.db, sites, comments: accountComments, notifications: notify.readers, enqueueEmail, limiter, config });
  if (config.seedDemo) await sites.ensure(DEMO_SITE, 'The Riverside Courier', config.demoOrigins, demoSettings(config));

  await http.register(swagger, {
    openapi: {
      info: { title: 'Colloquy API', version: '1', description: 'Comments, votes and counts for embedded discussions.' },
      components: {
        securitySchemes: {
          visitor: { type: 'apiKey', in: 'header', name: 'X-Colloquy-Visitor' },
          editToken: { type: 'apiKey', in: 'header', name: 'X-Edit-Token' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A reader signed in by magic link or SSO' },
        },
      },
    },
  });
  await http.register(swaggerUi, { routePrefix: '/api/docs' });
  http.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  http.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await database.db.selectFrom('sites').select('id').limit(1).execute();
      return { status: 'ready' };
    } catch (error) {
      request.log.error({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  await http.register(commentRoutes, { comments, sites, bus, limiter, secret: config.secret, cacheEntries: config.cacheEntries, authenticate: identity.actorOf });
  await moderation.register(http, { authenticate: identity.actorOf });
  await http.register(altchaRoutes, { altcha, resolveSite: (request, id) => siteForRequest(sites, request, id) });
  await http.register(authRoutes, { identity, sites });
  await http.register(meRoutes, { identity, sites, myComments: accountComments.page });
  await http.register(avatarRoutes);
  await http.register(threadHtmlRoutes, { comments, sites });
  await registerInline(http, { db: database.db, comments: commentStore, sites, bus, cacheEntries: config.cacheEntries, guard: moderation.guard, audit: moderation.audit, limiter: moderation.staffLimiter, fetchPrivate: config.inlineFetchPrivate });
  const live = new LiveHub(bus);
  await http.register(liveRoutes, { sites, live });
  await http.register(notifyAdminRoutes, { guard: moderation.guard, sites, staffAlerts, notify, audit: moderation.audit });
  await http.register(subscriptionRoutes, { db: database.db, subscriptions: notify.subscriptions, sites, limiter, secret: config.secret, mailbox: notify.mailbox, isProduction: config.isProduction, authenticate: identity.actorOf });
  const support = await registerSupport(http, { db: database.db, sites, config, enqueueEmail, staff: moderation.guard, bus });
  if (config.seedDemo) await support.seedDemo(DEMO_SITE);
  if (config.seedDemo) await http.register(demoRoutes, { comments, sites, support });
  await http.register(staticRoutes, { dir: PUBLIC_DIR });
  await http.register(consolePageRoutes);

  // Responses finished during shutdown close their connection, so keep-alive clients
  // do not hold the server open until their idle timeout.
  let closing = false;
  notify.start();
  http.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close');
    done(null, payload);
  });

  return {
    http,
    database,
    bus,
    notify,
    async close() {
      closing = true;
      // Open event streams would hold the server open; EventSource reconnects elsewhere.
      live.close();
      await http.close();
      // Sends in flight finish; rows not yet claimed wait in the outbox for the next start.
      await notify.close();
      await bus.close();
      await limiter?.close();
      altchaRedis?.disconnect();
      await database.close();
    },
  };
}

function createLimiter(config: Config, onError: (error: unknown) => void): RateLimiter | null {
  if (!config.rateLimits) return null;
  if (!config.redisUrl) return createMemoryRateLimiter();
  return createRedisRateLimiter(new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }), onError);
}
