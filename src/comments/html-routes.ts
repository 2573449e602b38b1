// GET /embed/thread: the no-JavaScript thread page.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import type { SiteService } from '../sites/service.ts';
import { ListQuery } from './schema.ts';
import type { CommentService } from './service.ts';
import { threadDocument } from './thread-html.ts';

const EmbedQuery = Type.Omit(ListQuery, ['limit']);

export async function threadHtmlRoutes(app: FastifyInstance, deps: { comments: CommentService; sites: SiteService }) {
  app.get('/embed/thread', { schema: { tags: ['embed'], summary: 'The thread as HTML, for no-JS readers and crawlers', querystring: EmbedQuery } }, async (request, reply) => {
    const q = request.query as Static<typeof EmbedQuery>;
    const site = await deps.sites.require(q.site);
    const sort = q.sort ?? 'newest';
    const page = await deps.comments.page(site, q.page, sort, q.cursor, 50);
    return reply
      .type('text/html; charset=utf-8')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors *")
      .send(threadDocument(page, { site: site.id, sort, basePath: '/embed/thread' }));
  });
}
