// HTTP for inline feedback reads. Cached like the thread pages (anonymous reads are the same
// for everyone) and dropped on every event of the thread, whichever node wrote it. A page's
// editor questions are read fresh with its passages (one indexed query, usually of nothing):
// the console changes them on any node, and the bus carries only comment events.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { createHash } from 'node:crypto';
import type { Bus } from '../platform/bus.ts';
import { PageCache, type CachedBody } from '../platform/cache.ts';
import { pageKey } from '../comments/service.ts';
import { errorResponses } from '../comments/schema.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import { PassageCommentsQuery, PassagesQuery } from './schema.ts';
import type { Questions } from './questions.ts';
import type { InlineService } from './service.ts';

export interface InlineRoutesDeps {
  inline: InlineService;
  questions: Pick<Questions, 'ofPage'>;
  sites: SiteService;
  bus: Bus;
  cacheEntries: number;
}

const tags = ['inline feedback'];

export async function inlineRoutes(app: FastifyInstance, deps: InlineRoutesDeps): Promise<void> {
  const cache = new PageCache(deps.cacheEntries);
  deps.bus.subscribe((event) => cache.invalidate(`passages:${event.siteId}\0${event.pageKey}`));
  deps.bus.onGap(() => cache.clear());

  const etagOf = (body: Buffer | string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

  /** The cached body of a read, loading it on a miss (dropped if a write came in meanwhile). */
  async function load(group: string, key: string, read: () => Promise<unknown>): Promise<CachedBody> {
    const generation = cache.generation(group);
    let hit = cache.get(key);
    if (!hit) {
      const body = Buffer.from(JSON.stringify(await read()));
      hit = { body, etag: etagOf(body) };
      cache.set(group, key, hit, generation);
    }
    return hit;
  }

  function send(request: FastifyRequest, reply: FastifyReply, { body, etag }: CachedBody) {
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  }

  app.get('/api/v1/passages', { schema: { tags, summary: "Passages of a page that have comments, with their counts, and the page's editor questions placed through the console", querystring: PassagesQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof PassagesQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const page = pageKey(q.page);
    const group = `passages:${site.id}\0${page}`;
    const [counted, questions] = await Promise.all([load(group, `${group}\0list`, () => deps.inline.passages(site, page)), deps.questions.ofPage(site, page)]);
    // {"passages":[…]} with the questions added before its closing brace.
    const added = `,"questions":${JSON.stringify(questions)}}`;
    return send(request, reply, { body: Buffer.concat([counted.body.subarray(0, -1), Buffer.from(added)]), etag: etagOf(counted.etag + added) });
  });

  app.get('/api/v1/passages/comments', { schema: { tags, summary: 'Comments on one passage, or on all passages of a page, newest first, a page at a time (cursor)', querystring: PassageCommentsQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof PassageCommentsQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const page = pageKey(q.page);
    const limit = q.limit ?? 50;
    const group = `passages:${site.id}\0${page}`;
    const key = `${group}\0comments\0${q.passage ?? ''}\0${limit}\0${q.cursor ?? ''}`;
    return send(request, reply, await load(group, key, () => deps.inline.comments(site, page, q.passage, limit, q.cursor)));
  });
}
