// Sites the user works on, queue counts and queue pages.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { roleOn } from '../../staff/service.ts';
import { adminComments } from './view.ts';
import { PREFIX, paged, tags, type AdminContext } from './context.ts';
import { PageQuery, QueueParams, SiteQuery } from './schema.ts';

export async function queueRoutes(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  app.get(`${PREFIX}/sites`, { schema: { tags, summary: 'Sites the signed-in user may work on, with their role' } }, async (request) => {
    const { user } = ctx.guard.session(request);
    const sites = await ctx.sites.list();
    return { sites: sites.flatMap((s) => (roleOn(user, s.id) ? [{ id: s.id, name: s.name, role: roleOn(user, s.id)! }] : [])) };
  });

  app.get(`${PREFIX}/queues`, { schema: { tags, summary: 'How many comments wait in each queue', querystring: SiteQuery } }, async (request) => {
    const { site } = await ctx.site(request, (request.query as Static<typeof SiteQuery>).site, 'moderator');
    const [pending, reported, rejected] = await Promise.all([ctx.comments.count(site.id, 'pending'), ctx.reports.countReported(site.id), ctx.comments.count(site.id, 'rejected')]);
    return { counts: { pending, reported, rejected } };
  });

  app.get(`${PREFIX}/queues/:queue`, { schema: { tags, summary: 'A page of a queue, newest first', params: QueueParams, querystring: PageQuery } }, async (request) => {
    const { queue } = request.params as Static<typeof QueueParams>;
    const q = request.query as Static<typeof PageQuery>;
    const { site } = await ctx.site(request, q.site, 'moderator');
    const limit = q.limit ?? 50;
    const cursor = q.cursor ?? null;
    const rows =
      queue === 'reported'
        ? await ctx.comments.byIds(await ctx.reports.reportedComments(site.id, cursor, limit + 1))
        : await ctx.comments.queue(site.id, queue as 'pending' | 'recent' | 'rejected', cursor, limit + 1);
    const { page, nextCursor } = paged(rows, limit, (r) => r.id);
    return { comments: await adminComments(page, ctx.viewDeps), nextCursor };
  });
}
