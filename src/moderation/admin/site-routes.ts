// Site settings (admins), the audit log (admins) and the dry run (moderators).
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { optionalText } from '../../comments/text.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorRefKey } from '../audit.ts';
import { settingsChanges, settingsView } from '../site-settings.ts';
import { termsFor } from '../terms.ts';
import { siteModeration } from '../site-settings.ts';
import { PREFIX, tags, type AdminContext } from './context.ts';
import { AuditQuery, PreviewBody, PutSettingsBody, SiteParams } from './schema.ts';

/** A query's date-time as epoch ms; 400 naming the field when it is no real date (month 13). */
function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw badRequest('invalid_request', `${field} is not a valid date`, field);
  return ms;
}

/** How the audit log names the author of a comment of this site (404 for others' comments). */
async function authorOf(ctx: AdminContext, siteId: string, commentId: string): Promise<string | null> {
  const comment = await ctx.comments.find(commentId);
  if (!comment || comment.site_id !== siteId) throw notFound('comment_not_found', 'No such comment');
  return authorRefKey(comment);
}

/** Term lists of 10,000 entries do not fit the default body limit. */
export const SETTINGS_BODY_LIMIT = 8 * 1024 * 1024;

export async function siteRoutes(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  app.get(`${PREFIX}/sites/:site/settings`, { schema: { tags, summary: "A site's settings, defaults filled in", params: SiteParams } }, async (request) => {
    const { site } = await ctx.site(request, (request.params as Static<typeof SiteParams>).site, 'admin');
    return settingsView(site);
  });

  app.put(`${PREFIX}/sites/:site/settings`, { bodyLimit: SETTINGS_BODY_LIMIT, schema: { tags, summary: "Change a site's settings (partial; optimistic version check)", params: SiteParams, body: PutSettingsBody } }, async (request) => {
    const body = request.body as Static<typeof PutSettingsBody>;
    const { site, user } = await ctx.site(request, (request.params as Static<typeof SiteParams>).site, 'admin');
    const changes = settingsChanges(site, body.settings as Record<string, unknown>);
    const before = settingsView(site);
    const saved = await ctx.sites.saveSettings(site.id, body.version, changes);
    // Compile the new lists now, not on the next reader's comment.
    termsFor(siteModeration(saved).terms, saved.id);
    const after = settingsView(saved);
    const pick = (view: typeof before) => Object.fromEntries(Object.keys(changes).map((k) => [k, (view.settings as Record<string, unknown>)[k]]));
    await ctx.audit.log({ actor: user, site: site.id, action: 'settings.update', targetType: 'site', targetId: site.id, before: { version: before.version, ...pick(before) }, after: { version: after.version, ...pick(after) } });
    return after;
  });

  app.get(`${PREFIX}/audit`, { schema: { tags, summary: 'Staff actions on a site, newest first', querystring: AuditQuery } }, async (request) => {
    const q = request.query as Static<typeof AuditQuery>;
    const { site } = await ctx.site(request, q.site, 'admin');
    const from = instant(q.from, 'from');
    const to = instant(q.to, 'to');
    if (from !== undefined && to !== undefined && to <= from) throw badRequest('invalid_request', 'to must be after from', 'to');
    const authorRef = q.author ? await authorOf(ctx, site.id, q.author) : undefined;
    // A comment without any author identity has no audit trail by author: nothing matches.
    if (authorRef === null) return { entries: [], nextCursor: null };
    return ctx.audit.list({ siteId: site.id, actorId: q.actor, targetId: q.target, authorRef, action: q.action, from, to }, q.cursor ?? null, q.limit ?? 50);
  });

  app.post(`${PREFIX}/moderation/preview`, { schema: { tags, summary: "The site's pipeline on a text, storing nothing", body: PreviewBody } }, async (request) => {
    const body = request.body as Static<typeof PreviewBody>;
    const { site } = await ctx.site(request, body.site, 'moderator');
    const text = optionalText(body.text, { field: 'text', max: 20_000, multiline: true }) ?? '';
    const a = body.author;
    const author = a ? { name: a.name ?? null, email: a.email ?? null, visitorKey: a.visitorKey ?? null, ipHash: a.ipHash ?? null, accountId: a.accountId ?? null } : undefined;
    const { status, reasons, timings, ms } = await ctx.moderation.preview(site.id, text, author);
    return { status, reasons, timings, ms };
  });
}
