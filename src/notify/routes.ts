// GET /api/v1/events: one Server-Sent Events stream per open thread.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { SitePageQuery, errorResponses } from '../comments/schema.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import { threadKey, type LiveHub } from './live.ts';
import { SseStream } from './sse-stream.ts';

// A reader whose connection cannot keep up is dropped; EventSource reconnects and replays.
const MAX_BUFFERED = 256 * 1024;

function open(reply: FastifyReply): SseStream {
  reply.hijack();
  // Hijacked replies bypass Fastify's header handling: carry over what hooks set (CORS).
  return new SseStream(reply.raw, {
    ...(reply.getHeaders() as Record<string, string>),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  }, MAX_BUFFERED);
}

export async function liveRoutes(app: FastifyInstance, deps: { sites: SiteService; live: LiveHub }) {
  app.get('/api/v1/events', { schema: { tags: ['live'], summary: 'Live events of a thread (text/event-stream)', querystring: SitePageQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof SitePageQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const lastEventId = request.headers['last-event-id'];
    const stream = open(reply);
    const { replay, unsubscribe } = deps.live.subscribe(threadKey(site.id, q.page), stream, typeof lastEventId === 'string' ? lastEventId : undefined);
    // Too far behind to replay: tell the widget to reload the thread.
    if (replay === null) stream.reset();
    else stream.replay(replay);
    request.raw.on('close', unsubscribe);
  });
}
