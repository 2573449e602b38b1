// HTTP for the discussion API. Thin: parse, resolve the site, call the service, reply.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { createHash } from 'node:crypto';
import type { Bus } from '../platform/bus.ts';
import { PageCache, type CachedBody } from '../platform/cache.ts';
import { crossOrigin } from '../platform/cors.ts';
import { headerValue, ipHash, ipPrefixHash, visitorKey } from '../platform/http.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import type { RateLimiter } from '../platform/rate-limit.ts';
import { limitWrites } from './rate-limits.ts';
import { CountsQuery, CreateBody, EditBody, IdParams, ListQuery, RepliesQuery, SitePageQuery, VoteBody, errorResponses } from './schema.ts';
import { pageKey, type Actor, type ActorAccount, type CommentService } from './service.ts';

export interface CommentRoutesDeps {
  comments: CommentService;
  /** Null turns flood limits off (benchmarks, tests of other things). */
  limiter: RateLimiter | null;
  sites: SiteService;
  bus: Bus;
  secret: string;
  cacheEntries: number;
  /** Resolves Authorization: Bearer to the signed-in reader (the identity module); absent: guests only. */
  authenticate?: (request: FastifyRequest) => Promise<ActorAccount | null>;
}

const tags = ['comments'];

export async function commentRoutes(app: FastifyInstance, deps: CommentRoutesDeps): Promise<void> {
  const { comments, sites, secret } = deps;
  const limit = limitWrites(deps.limiter);
  const cache = new PageCache(deps.cacheEntries);
  // Every change to a thread drops its cached pages and its site's cached counts,
  // whichever node made it (the bus carries events between nodes).
  deps.bus.subscribe((event) => {
    cache.invalidate(`thread:${event.siteId}\0${event.pageKey}`);
    cache.invalidate(`counts:${event.siteId}`);
  });
  deps.bus.onGap(() => cache.clear());

  const siteFor = (request: FastifyRequest, id: string) => siteForRequest(sites, request, id);

  async function actorOf(request: FastifyRequest): Promise<Actor> {
    const actor: Actor = {
      visitorKey: visitorKey(request, secret), ipHash: ipHash(request, secret), ipPrefixHash: ipPrefixHash(request, secret), origin: crossOrigin(request),
      request: { ip: request.ip, userAgent: headerValue(request, 'user-agent'), referrer: headerValue(request, 'referer') },
    };
    if (deps.authenticate) actor.account = await deps.authenticate(request);
    return actor;
  }

  /** Serves anonymous reads from the cache; identical for everyone, so ETag revalidation works. */
  // Readers who miss together (just after a write to a busy thread) share one rebuild.
  const rebuilding = new Map<string, Promise<CachedBody>>();
  function rebuild(group: string, key: string, load: () => Promise<unknown>): Promise<CachedBody> {
    // Keyed by generation too: a reader arriving after a write never joins a load begun before it.
    const generation = cache.generation(group);
    const flight = `${key}\0${generation}`;
    let pending = rebuilding.get(flight);
    if (!pending) {
      pending = load()
        .then((value) => {
          const body = Buffer.from(JSON.stringify(value));
          const entry = { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
          cache.set(group, key, entry, generation);
          return entry;
        })
        .finally(() => rebuilding.delete(flight));
      rebuilding.set(flight, pending);
    }
    return pending;
  }

  async function cached(request: FastifyRequest, reply: FastifyReply, group: string, key: string, load: () => Promise<unknown>) {
    const hit = cache.get(key) ?? (await rebuild(group, key, load));
    reply.header('ETag', hit.etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(hit.body);
  }

  app.get('/api/v1/comments', { schema: { tags, summary: 'A page of top-level comments with their replies', querystring: ListQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof ListQuery>;
    const site = await siteFor(request, q.site);
    const sort = q.sort ?? 'newest';
    const limit = q.limit ?? 20;
    // Keyed by the stored form of the page, as writes invalidate it, whatever the spelling asked.
    const page = pageKey(q.page);
    const group = `thread:${site.id}\0${page}`;
    return cached(request, reply, group, `${group}\0${sort}\0${q.cursor ?? ''}\0${limit}`, () => comments.page(site, page, sort, q.cursor, limit));
  });

  app.get('/api/v1/comments/:id/replies', { schema: { tags, summary: 'More replies under a top-level comment, in conversation order', params: IdParams, querystring: RepliesQuery, response: errorResponses } }, async (request) => {
    const { id } = request.params as Static<typeof IdParams>;
    const q = request.query as Static<typeof RepliesQuery>;
    return comments.replies(id, q.cursor, q.limit ?? 50, { origin: crossOrigin(request) });
  });

  app.post('/api/v1/comments', { schema: { tags, summary: 'Post a comment or a reply', body: CreateBody } }, async (request, reply) => {
    const body = request.body as Static<typeof CreateBody>;
    const site = await siteFor(request, body.site);
    const actor = await actorOf(request);
    await limit('post', actor);
    const result = await comments.create(site, body, actor);
    return reply.code(201).send(result);
  });

  app.patch('/api/v1/comments/:id', { schema: { tags, summary: "Edit one's own comment (X-Edit-Token)", params: IdParams, body: EditBody, response: errorResponses } }, async (request) => {
    const { id } = request.params as Static<typeof IdParams>;
    const actor = await actorOf(request);
    await limit('change', actor);
    return comments.edit(id, request.body as Static<typeof EditBody>, headerValue(request, 'x-edit-token'), actor);
  });

  app.delete('/api/v1/comments/:id', { schema: { tags, summary: "Delete one's own comment (X-Edit-Token)", params: IdParams, response: errorResponses } }, async (request) => {
    const { id } = request.params as Static<typeof IdParams>;
    const actor = await actorOf(request);
    await limit('change', actor);
    return comments.remove(id, headerValue(request, 'x-edit-token'), actor);
  });

  app.put('/api/v1/comments/:id/vote', { schema: { tags, summary: 'Vote up (1), down (-1) or withdraw (0)', params: IdParams, body: VoteBody, response: errorResponses } }, async (request) => {
    const { id } = request.params as Static<typeof IdParams>;
    const { value } = request.body as Static<typeof VoteBody>;
    const actor = await actorOf(request);
    await limit('vote', actor);
    return comments.vote(id, value, actor);
  });

  app.get('/api/v1/me', { schema: { tags, summary: "The visitor's own votes and pending comments on a page", querystring: SitePageQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof SitePageQuery>;
    const site = await siteFor(request, q.site);
    reply.header('Cache-Control', 'private, no-store');
    return comments.mine(site, q.page, await actorOf(request));
  });

  app.get('/api/v1/counts', { schema: { tags, summary: 'Comment counts for up to 50 pages', querystring: CountsQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof CountsQuery>;
    const site = await siteFor(request, q.site);
    const pages = [...new Set(q.page)].sort();
    const group = `counts:${site.id}`;
    return cached(request, reply, group, `${group}\0${JSON.stringify(pages)}`, () => comments.counts(site, pages));
  });
}
