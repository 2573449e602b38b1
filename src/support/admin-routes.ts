// Console API for campaigns and the "Support us" block: JSON under /api/v1/admin/support,
// behind the admin guard. Every change is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { optionalText, requireText } from '../comments/text.ts';
import { badRequest } from '../platform/errors.ts';
import { visitorKey } from '../platform/http.ts';
import { newId } from '../platform/ids.ts';
import { siteForRequest } from '../sites/access.ts';
import type { Site, SiteService } from '../sites/service.ts';
import type { CampaignStore } from './campaign-store.ts';
import { toView, type Campaigns } from './campaigns.ts';
import type { AdminGuard } from './guard.ts';
import { CampaignBody, CampaignParams, CampaignPatchBody, errorResponses, SiteQuery } from './schema.ts';
import { parseSupportSettings, safeLink, SupportSettingsBody, type SupportSettings } from './settings.ts';

export interface AdminDeps {
  guard: AdminGuard;
  sites: SiteService;
  campaigns: Campaigns;
  store: CampaignStore;
  secret: string;
  now?: () => number;
}

const tags = ['support admin'];

/** Guard first (401), then the site and its origins (404, 403), then the identity header (400). */
export async function adminContext(deps: Pick<AdminDeps, 'guard' | 'sites' | 'secret'>, request: FastifyRequest, siteId: string): Promise<{ actor: string; site: Site }> {
  const actor = await deps.guard(request, siteId);
  const site = await siteForRequest(deps.sites, request, siteId);
  visitorKey(request, deps.secret);
  return { actor, site };
}

const CAMPAIGN_FIELDS = ['site', 'title', 'currency', 'goal', 'donorGoal', 'ticks', 'thankYou', 'startsAt', 'endsAt', 'status', 'exclusive'] as const;

/** Only the schema's fields (unknown ones are not trusted, nor stored in the audit), text cleaned. */
function cleanCampaign<T extends { title?: string; thankYou?: string }>(body: T): T {
  const picked = Object.fromEntries(CAMPAIGN_FIELDS.filter((k) => k in body).map((k) => [k, (body as Record<string, unknown>)[k]])) as T;
  if (picked.title !== undefined) picked.title = requireText(picked.title, { field: 'title', max: 120 });
  if (picked.thankYou !== undefined) picked.thankYou = optionalText(picked.thankYou, { field: 'thankYou', max: 2000, multiline: true }) ?? '';
  return picked;
}

function cleanSettings(body: SupportSettings): SupportSettings {
  body.links.forEach((l, i) => {
    if (!safeLink(l.url)) throw badRequest('invalid_url', 'links must be https:// or mailto: URLs', `links.${i}.url`);
  });
  return {
    text: optionalText(body.text, { field: 'text', max: 1000, multiline: true }) ?? '',
    amounts: { once: body.amounts.once, month: body.amounts.month },
    card: body.card,
    links: body.links.map((l, i) => ({ label: requireText(l.label, { field: `links.${i}.label`, max: 40 }), url: l.url })),
    crypto: body.crypto.map((c, i) => ({
      label: requireText(c.label, { field: `crypto.${i}.label`, max: 40 }),
      address: requireText(c.address, { field: `crypto.${i}.address`, max: 200 }).replace(/\s/g, ''),
      ...(c.uri ? { uri: requireText(c.uri, { field: `crypto.${i}.uri`, max: 300 }) } : {}),
    })),
  };
}

export async function supportAdminRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const audit = (site: string, actor: string, action: string, target: string, detail: unknown) =>
    deps.store.audit({ id: newId(), site_id: site, actor, action, target, detail: JSON.stringify(detail), at: now() });

  app.get('/api/v1/admin/support/campaigns', { schema: { tags, summary: "A site's campaigns, current and past, with totals", querystring: SiteQuery, response: errorResponses } }, async (request) => {
    const { site } = await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    return { campaigns: await deps.campaigns.list(site.id) };
  });

  app.post('/api/v1/admin/support/campaigns', { schema: { tags, summary: 'Create a campaign (archives the other active ones unless exclusive is false)', body: CampaignBody } }, async (request, reply) => {
    const body = cleanCampaign(request.body as Static<typeof CampaignBody>);
    const { actor, site } = await adminContext(deps, request, body.site);
    const row = await deps.campaigns.create({ ...body, site: site.id });
    await audit(site.id, actor, 'campaign.create', row.id, body);
    return reply.code(201).send({ campaign: { ...toView(row, undefined), status: row.status, thankYou: row.thank_you } });
  });

  app.get('/api/v1/admin/support/campaigns/:id', { schema: { tags, summary: 'One campaign with its totals', params: CampaignParams, response: errorResponses } }, async (request) => {
    const row = await deps.campaigns.require((request.params as Static<typeof CampaignParams>).id);
    await adminContext(deps, request, row.site_id);
    return { campaign: { ...(await deps.campaigns.view(row)), status: row.status, thankYou: row.thank_you } };
  });

  app.patch('/api/v1/admin/support/campaigns/:id', { schema: { tags, summary: 'Change a campaign (title, goal, ticks, dates, status, thank-you text)', params: CampaignParams, body: CampaignPatchBody, response: errorResponses } }, async (request) => {
    const row = await deps.campaigns.require((request.params as Static<typeof CampaignParams>).id);
    const { actor, site } = await adminContext(deps, request, row.site_id);
    const change = cleanCampaign(request.body as Static<typeof CampaignPatchBody>);
    // Nothing to change (an empty body, or only unknown fields) is a mistake, not a no-op to audit.
    if (!Object.keys(change).some((k) => k !== 'exclusive')) throw badRequest('invalid_request', 'Send at least one campaign field to change');
    const updated = await deps.campaigns.update(row, change);
    await audit(site.id, actor, 'campaign.update', row.id, change);
    return { campaign: { ...(await deps.campaigns.view(updated)), status: updated.status, thankYou: updated.thank_you } };
  });

  // The editor's live preview: the campaign as readers would get it, for unsaved fields. Data,
  // not markup (docs/ADMIN-API.md): the console draws it with barHtml() from bar-view.ts, the
  // same function support.js uses, so the preview is exactly the bar readers see.
  app.post('/api/v1/admin/support/preview', { schema: { tags, summary: 'The campaign view for unsaved fields, with current totals (nothing is stored)', body: CampaignBody, response: errorResponses } }, async (request) => {
    const body = cleanCampaign(request.body as Static<typeof CampaignBody>);
    await adminContext(deps, request, body.site);
    return { campaign: deps.campaigns.draft(body, await deps.campaigns.current(body.site)) };
  });

  app.get('/api/v1/admin/support/settings', { schema: { tags, summary: 'The "Support us" block of a site', querystring: SiteQuery, response: errorResponses } }, async (request) => {
    const { site } = await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    return { settings: parseSupportSettings(await deps.store.settings(site.id)) };
  });

  app.put('/api/v1/admin/support/settings', { schema: { tags, summary: 'Replace the "Support us" block of a site', querystring: SiteQuery, body: SupportSettingsBody, response: errorResponses } }, async (request) => {
    const { actor, site } = await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    const settings = cleanSettings(request.body as SupportSettings);
    await deps.store.saveSettings(site.id, JSON.stringify(settings), now());
    await audit(site.id, actor, 'settings.update', site.id, settings);
    return { settings };
  });

  app.get('/api/v1/admin/support/audit', { schema: { tags, summary: 'Who changed what in support, newest first', querystring: SiteQuery, response: errorResponses } }, async (request) => {
    const { site } = await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    const rows = await deps.store.auditLog(site.id, 200);
    return { audit: rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail) as unknown, at: new Date(Number(r.at)).toISOString() })) };
  });
}
