// HTTP for inline feedback reads. Cached like the thread pages (anonymous reads are the same
// for everyone) and dropped on every event of the thread, whichever node wrote it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { createHash } from 'node:crypto';
import type { Bus } from '../platform/bus.ts';
import { PageCache } from '../platform/cache.ts';
import { pageKey } from '../comments/service.ts';
import { errorResponses } from '../comments/schema.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import { PassageCommentsQuery, PassagesQuery } from './schema.ts';
import type { InlineService } from './service.ts';

export interface InlineRoutesDeps {
  inline: InlineService;
  sites: SiteService;
  bus: Bus;
  cacheEntries: number;
}

const tags = ['inline feedback'];

export async function inlineRoutes(app: FastifyInstance, deps: InlineRoutesDeps): Promise<void> {
  const cache = new PageCache(deps.cacheEntries);
  deps.bus.subscribe((event) => cache.invalidate(`passages:${event.siteId}\0${event.pageKey}`));
  deps.bus.onGap(() => cache.clear());

  async function cached(request: FastifyRequest, reply: FastifyReply, group: string, key: string, load: () => Promise<unknown>) {
    const generation = cache.generation(group);
    let hit = cache.get(key);
    if (!hit) {
      const body = Buffer.from(JSON.stringify(await load()));
      hit = { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
      // Dropped if a write came in meanwhile (the generation moved on).
      cache.set(group, key, hit, generation);
    }
    reply.header('ETag', hit.etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(hit.body);
  }

  app.get('/api/v1/passages', { schema: { tags, summary: 'Passages of a page that have comments, with their counts', querystring: PassagesQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof PassagesQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const page = pageKey(q.page);
    const group = `passages:${site.id}\0${page}`;
    return cached(request, reply, group, `${group}\0list`, () => deps.inline.passages(site, page));
  });

  app.get('/api/v1/passages/comments', { schema: { tags, summary: 'Comments on one passage, or on all passages of a page, newest first, a page at a time (cursor)', querystring: PassageCommentsQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof PassageCommentsQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    const page = pageKey(q.page);
    const limit = q.limit ?? 50;
    const group = `passages:${site.id}\0${page}`;
    const key = `${group}\0comments\0${q.passage ?? ''}\0${limit}\0${q.cursor ?? ''}`;
    return cached(request, reply, group, key, () => deps.inline.comments(site, page, q.passage, limit, q.cursor));
  });
}
