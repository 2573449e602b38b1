// Bans (list, create, lift) and the reports list.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { badRequest } from '../../platform/errors.ts';
import type { BanKind } from '../tables.ts';
import { note, PREFIX, paged, tags, type AdminContext } from './context.ts';
import { BansQuery, CreateBanBody, IdParams, ReportsQuery } from './schema.ts';

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const HASH = /^[A-Za-z0-9_:-]{1,200}$/;

export async function banRoutes(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  app.get(`${PREFIX}/bans`, { schema: { tags, summary: 'Bans of a site, newest first', querystring: BansQuery } }, async (request) => {
    const q = request.query as Static<typeof BansQuery>;
    const { site } = await ctx.site(request, q.site, 'moderator');
    const limit = q.limit ?? 50;
    const rows = await ctx.bans.list(site.id, q.active ?? true, q.cursor ?? null, limit + 1);
    const { page, nextCursor } = paged(rows, limit, (r) => r.id);
    const emails = await ctx.staff.emails(page.flatMap((b) => [b.created_by, ...(b.lifted_by ? [b.lifted_by] : [])]));
    return { bans: page.map((b) => ctx.bans.view(b, emails)), nextCursor };
  });

  app.post(`${PREFIX}/bans`, { schema: { tags, summary: 'Ban an e-mail, browser, IP, network or account', body: CreateBanBody } }, async (request, reply) => {
    const body = request.body as Static<typeof CreateBanBody>;
    const { site, user } = await ctx.site(request, body.site, 'moderator');
    const value = body.value.trim();
    if (body.kind === 'email' ? !EMAIL.test(value) : !HASH.test(value)) throw badRequest('invalid_value', `value is not a valid ${body.kind}`, 'value');
    const reason = note(body.reason, 'reason');
    if (!reason) throw badRequest('empty', 'reason must not be empty', 'reason');
    const label = note(body.label, 'label') ?? value;
    const row = await ctx.bans.create({ siteId: site.id, kind: body.kind as BanKind, value, label, mode: body.mode, reason, durationSeconds: body.durationSeconds, createdBy: user.id });
    await ctx.audit.log({ actor: user, site: site.id, action: 'ban.create', targetType: 'ban', targetId: row.id, after: { kind: row.kind, label, mode: row.mode, expiresAt: row.expires_at }, note: reason });
    return reply.code(201).send({ ban: ctx.bans.view(row, new Map([[user.id, user.email]])) });
  });

  app.delete(`${PREFIX}/bans/:id`, { schema: { tags, summary: 'Lift a ban', params: IdParams } }, async (request) => {
    ctx.guard.session(request);
    const ban = await ctx.bans.require((request.params as Static<typeof IdParams>).id);
    const user = ctx.guard.require(request, ban.site_id, 'moderator');
    const { row, lifted } = await ctx.bans.lift(ban.id, user.id);
    if (lifted) await ctx.audit.log({ actor: user, site: ban.site_id, action: 'ban.lift', targetType: 'ban', targetId: ban.id, before: { active: true }, after: { active: false } });
    const emails = await ctx.staff.emails([row.created_by, ...(row.lifted_by ? [row.lifted_by] : [])]);
    return { ban: ctx.bans.view(row, emails) };
  });

  app.get(`${PREFIX}/reports`, { schema: { tags, summary: 'Reader reports of a site, newest first', querystring: ReportsQuery } }, async (request) => {
    const q = request.query as Static<typeof ReportsQuery>;
    const { site } = await ctx.site(request, q.site, 'moderator');
    return ctx.reports.list(site.id, (q.status ?? 'open') as 'open', q.cursor ?? null, q.limit ?? 50);
  });
}
