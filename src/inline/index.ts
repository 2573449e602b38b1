// The inline feedback module: passages of an article with their comments (see docs and
// web/inline/ for the widget side). Anchors arrive with POST /api/v1/comments.
import type { FastifyInstance } from 'fastify';
import { createPassageStore } from '../comments/passage-store.ts';
import type { CommentStore } from '../comments/store.ts';
import type { Bus } from '../platform/bus.ts';
import type { Db } from '../platform/db.ts';
import type { SiteService } from '../sites/service.ts';
import { inlineRoutes } from './routes.ts';
import { createInlineService } from './service.ts';

export async function registerInline(http: FastifyInstance, deps: { db: Db; comments: CommentStore; sites: SiteService; bus: Bus; cacheEntries: number }): Promise<void> {
  const inline = createInlineService({ comments: deps.comments, passages: createPassageStore(deps.db) });
  await http.register(inlineRoutes, { inline, sites: deps.sites, bus: deps.bus, cacheEntries: deps.cacheEntries });
}
