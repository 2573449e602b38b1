// POST /api/v1/comments/:id/report: a reader flags a comment for moderators.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { CommentModeration } from '../comments/moderation.ts';
import { limitWrites } from '../comments/rate-limits.ts';
import { IdParams, errorResponses } from '../comments/schema.ts';
import { actorKey, type Actor, type ActorAccount } from '../comments/service.ts';
import { optionalText } from '../comments/text.ts';
import { crossOrigin } from '../platform/cors.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { ipHash, visitorKey } from '../platform/http.ts';
import type { RateLimiter } from '../platform/rate-limit.ts';
import type { SiteService } from '../sites/service.ts';
import type { ReportService } from './reports.ts';

export const ReportBody = Type.Object({
  reason: Type.Union([Type.Literal('spam'), Type.Literal('abuse'), Type.Literal('off-topic'), Type.Literal('other')]),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export interface ReportRoutesDeps {
  reports: ReportService;
  comments: CommentModeration;
  sites: SiteService;
  limiter: RateLimiter | null;
  secret: string;
  authenticate?: (request: FastifyRequest) => Promise<ActorAccount | null>;
}

export async function reportRoutes(app: FastifyInstance, deps: ReportRoutesDeps): Promise<void> {
  const limit = limitWrites(deps.limiter);
  app.post('/api/v1/comments/:id/report', {
    schema: { tags: ['comments'], summary: 'Report a comment to the moderators (X-Colloquy-Visitor)', params: IdParams, body: ReportBody, response: { ...errorResponses, 201: Type.Object({ ok: Type.Boolean() }) } },
  }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof ReportBody>;
    const actor: Actor = { visitorKey: visitorKey(request, deps.secret), ipHash: ipHash(request, deps.secret), origin: crossOrigin(request) };
    if (deps.authenticate) actor.account = await deps.authenticate(request);
    const key = actorKey(actor);
    if (!key) throw badRequest('visitor_required', 'Reporting needs the X-Colloquy-Visitor header', 'X-Colloquy-Visitor');
    const comment = await deps.comments.find(id);
    if (!comment) throw notFound('comment_not_found', 'No such comment');
    const site = await deps.sites.require(comment.site_id);
    deps.sites.checkOrigin(site, actor.origin);
    if (actor.account && actor.account.siteId !== site.id) throw badRequest('invalid_token', 'This sign-in belongs to another site', 'Authorization');
    await limit('report', actor);
    const note = body.note === undefined ? null : optionalText(body.note, { field: 'note', max: 500, multiline: true });
    await deps.reports.report(site, comment, key, body.reason, note);
    return reply.code(201).send({ ok: true });
  });
}
