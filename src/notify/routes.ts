// GET /api/v1/events: one Server-Sent Events stream per open thread.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { SitePageQuery, errorResponses } from '../comments/schema.ts';
import type { CommentEvent } from '../platform/bus.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import { threadKey, type LiveHub } from './live.ts';

// A reader whose connection cannot keep up is dropped; EventSource reconnects and replays.
const MAX_BUFFERED = 256 * 1024;

const RESET = 'event: reset\ndata: {}\n\n';

// One event goes to every stream of its thread: serialise it once, not once per reader.
const frames = new WeakMap<CommentEvent, string>();

function frame(event: CommentEvent): string {
  let text = frames.get(event);
  if (text === undefined) frames.set(event, (text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`));
  return text;
}

function open(reply: FastifyReply) {
  reply.hijack();
  const res = reply.raw;
  // Hijacked replies bypass Fastify's header handling: carry over what hooks set (CORS).
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\n');
  return {
    write(chunk: string) {
      if (res.writableLength > MAX_BUFFERED) res.destroy();
      else res.write(chunk);
    },
    end: () => res.end(),
  };
}

export async function liveRoutes(app: FastifyInstance, deps: { sites: SiteService; live: LiveHub }) {
  app.get('/api/v1/events', { schema: { tags: ['live'], summary: 'Live events of a thread (text/event-stream)', querystring: SitePageQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof SitePageQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const lastEventId = request.headers['last-event-id'];
    const stream = open(reply);
    const write = stream.write;
    const { replay, unsubscribe } = deps.live.subscribe(threadKey(site.id, q.page), {
      send: (event) => write(frame(event)),
      ping: () => write(': ping\n\n'),
      reset: () => write(RESET),
      signal: (name) => write(`event: ${name}\ndata: {}\n\n`),
      end: stream.end,
    }, typeof lastEventId === 'string' ? lastEventId : undefined);
    // Too far behind to replay: tell the widget to reload the thread.
    if (replay === null) write(RESET);
    else for (const event of replay) write(frame(event));
    request.raw.on('close', unsubscribe);
  });
}
