// One comment: its detail and history, actions on it, banning its author, and bulk actions.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { CommentRow } from '../../comments/store.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import type { StaffUser } from '../../staff/service.ts';
import type { Action } from '../actions.ts';
import { authorRefKey } from '../audit.ts';
import type { BanKind } from '../tables.ts';
import { decisionView } from './view.ts';
import { PREFIX, note, tags, type AdminContext } from './context.ts';
import { BanFromCommentBody, BulkBody, IdParams, ModerateBody, ResolveBody } from './schema.ts';

/** The value a ban of `kind` takes from a comment, or null when the comment has none. */
function banValue(comment: CommentRow, kind: BanKind): string | null {
  const key = comment.author_key;
  switch (kind) {
    case 'account': return comment.account_id ?? null;
    case 'email': return comment.author_email?.toLowerCase() ?? null;
    case 'visitor': return key && !key.startsWith('account:') ? key : null;
    case 'ip': return comment.ip_hash;
    case 'ip-prefix': return comment.ip_prefix_hash ?? null;
  }
}

const LABEL: Record<BanKind, string> = { account: 'account', email: 'e-mail', visitor: 'browser', ip: 'IP', 'ip-prefix': 'network' };

export async function commentRoutes(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  app.get(`${PREFIX}/comments/:id`, { schema: { tags, summary: 'A comment with its parent, every decision and its reports', params: IdParams } }, async (request) => {
    const { comment } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    const [view, parent, history, reports] = await Promise.all([
      ctx.view(comment.id),
      comment.parent_id ? ctx.views([comment.parent_id]) : Promise.resolve([]),
      ctx.decisions.forComments([comment]),
      ctx.reports.forComment(comment.site_id, comment.id),
    ]);
    const emails = await ctx.staff.emails(history.flatMap((d) => (d.actor_id ? [d.actor_id] : [])));
    return { comment: view, parent: parent[0] ?? null, decisions: history.map((d) => decisionView(d, emails)), reports };
  });

  app.post(`${PREFIX}/comments/:id/moderate`, { schema: { tags, summary: 'Approve, reject, mark spam, delete, shadow or hold (back to pending) a comment', params: IdParams, body: ModerateBody } }, async (request) => {
    const body = request.body as Static<typeof ModerateBody>;
    const { comment, user } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    await ctx.actions.apply(user, comment, body.action, note(body.note));
    return { comment: await ctx.view(comment.id) };
  });

  app.post(`${PREFIX}/comments/:id/ban`, { schema: { tags, summary: "Ban, suspend or shadow-ban a comment's author", params: IdParams, body: BanFromCommentBody } }, async (request, reply) => {
    const body = request.body as Static<typeof BanFromCommentBody>;
    const { comment, user } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    const reason = note(body.reason, 'reason');
    if (!reason) throw badRequest('empty', 'reason must not be empty', 'reason');
    const targets = (body.kinds as BanKind[]).flatMap((kind) => {
      const value = banValue(comment, kind);
      return value ? [{ kind, value }] : [];
    });
    if (targets.length === 0) throw badRequest('nothing_to_ban', 'The comment has none of these identities', 'kinds');
    const bans = [];
    for (const { kind, value } of targets) {
      const label = `${comment.author_name} (${LABEL[kind]} of comment ${comment.id})`;
      const row = await ctx.bans.create({ siteId: comment.site_id, kind, value, label, mode: body.mode, reason, durationSeconds: body.durationSeconds, createdBy: user.id });
      await ctx.audit.log({ actor: user, site: comment.site_id, action: 'ban.create', targetType: 'ban', targetId: row.id, author: authorRefKey(comment), after: { kind, label, mode: row.mode, expiresAt: row.expires_at, comment: comment.id }, note: reason });
      bans.push(ctx.bans.view(row, new Map([[user.id, user.email]])));
    }
    const action = body.action === undefined ? (body.mode === 'shadow' ? 'shadow' : 'reject') : body.action;
    if (action && !comment.deleted) await ctx.actions.apply(user, comment, action as Action, reason);
    return reply.code(201).send({ bans, comment: await ctx.view(comment.id) });
  });

  app.post(`${PREFIX}/comments/bulk`, { schema: { tags, summary: 'One action on up to 100 comments of one site', body: BulkBody } }, async (request) => {
    const body = request.body as Static<typeof BulkBody>;
    const { site, user } = await ctx.site(request, body.site, 'moderator');
    const results = [];
    for (const id of body.ids) {
      try {
        const comment = await ctx.comments.find(id);
        if (!comment || comment.site_id !== site.id) throw new AppError(404, 'comment_not_found', 'No such comment');
        await ctx.actions.apply(user as StaffUser, comment, body.action, note(body.note));
        results.push({ id, ok: true, comment: await ctx.view(id) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ id, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    return { results };
  });

  app.post(`${PREFIX}/comments/:id/reports/resolve`, { schema: { tags, summary: "Uphold or dismiss a comment's open reports", params: IdParams, body: ResolveBody } }, async (request) => {
    const body = request.body as Static<typeof ResolveBody>;
    const { comment, user } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    const { resolved } = await ctx.actions.resolveReports(user, comment, body.resolution, note(body.note));
    return { resolved, comment: await ctx.view(comment.id) };
  });
}
