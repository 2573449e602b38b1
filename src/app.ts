// Composes the modules into one Fastify instance. Used by main.ts and by tests.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { fileURLToPath } from 'node:url';
import { commentRoutes } from './comments/routes.ts';
import { threadHtmlRoutes } from './comments/html-routes.ts';
import { createCommentService } from './comments/service.ts';
import { createCommentStore } from './comments/store.ts';
import type { Config } from './config.ts';
import { DEMO_SITE, demoRoutes } from './demo/page.ts';
import { LiveHub } from './notify/live.ts';
import { liveRoutes } from './notify/routes.ts';
import { createLocalBus, type Bus } from './platform/bus.ts';
import { createRedisBus } from './platform/redis-bus.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './platform/rate-limit.ts';
import { Redis } from 'ioredis';
import { installCors } from './platform/cors.ts';
import { openDatabase, type OpenDatabase } from './platform/db.ts';
import { clientErrorHandler, frameworkErrors, installErrorHandling, installValidation } from './platform/http.ts';
import { staticRoutes } from './platform/static.ts';
import { createSiteService } from './sites/service.ts';
import { createSiteStore } from './sites/store.ts';

export interface App {
  http: FastifyInstance;
  database: OpenDatabase;
  bus: Bus;
  close(): Promise<void>;
}

const PUBLIC_DIR = fileURLToPath(new URL('../dist/public', import.meta.url));

export async function buildApp(config: Config): Promise<App> {
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
  const sites = createSiteService(createSiteStore(database.db));
  const comments = createCommentService({ store: createCommentStore(database.db), sites, bus });
  if (config.seedDemo) await sites.ensure(DEMO_SITE, 'The Riverside Courier', config.demoOrigins);

  await http.register(swagger, {
    openapi: {
      info: { title: 'Colloquy API', version: '1', description: 'Comments, votes and counts for embedded discussions.' },
      components: {
        securitySchemes: {
          visitor: { type: 'apiKey', in: 'header', name: 'X-Colloquy-Visitor' },
          editToken: { type: 'apiKey', in: 'header', name: 'X-Edit-Token' },
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
  await http.register(commentRoutes, { comments, sites, bus, limiter, secret: config.secret, cacheEntries: config.cacheEntries });
  await http.register(threadHtmlRoutes, { comments, sites });
  const live = new LiveHub(bus);
  await http.register(liveRoutes, { sites, live });
  if (config.seedDemo) await http.register(demoRoutes, { comments, sites });
  await http.register(staticRoutes, { dir: PUBLIC_DIR });

  // Responses finished during shutdown close their connection, so keep-alive clients
  // do not hold the server open until their idle timeout.
  let closing = false;
  http.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close');
    done(null, payload);
  });

  return {
    http,
    database,
    bus,
    async close() {
      closing = true;
      // Open event streams would hold the server open; EventSource reconnects elsewhere.
      live.close();
      await http.close();
      await bus.close();
      await limiter?.close();
      await database.close();
    },
  };
}

function createLimiter(config: Config, onError: (error: unknown) => void): RateLimiter | null {
  if (!config.rateLimits) return null;
  if (!config.redisUrl) return createMemoryRateLimiter();
  return createRedisRateLimiter(new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }), onError);
}
