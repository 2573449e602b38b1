// "My alerts": every staff member's own choice of moderator alerts, per site they work on.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { forbidden } from '../../platform/errors.ts';
import { roleOn } from '../../staff/service.ts';
import { ADMIN_PREFIX } from '../../staff/guard.ts';
import type { NotifyAdminDeps } from './routes.ts';
import { AlertBody, SiteParams } from './schema.ts';

const tags = ['admin'];

export async function alertRoutes(app: FastifyInstance, { guard, sites, staffAlerts, notify }: NotifyAdminDeps): Promise<void> {
  app.get(`${ADMIN_PREFIX}/me/alerts`, { schema: { tags, summary: 'Your moderator alerts on each site you work on' } }, async (request) => {
    const { user } = guard.session(request);
    const all = await sites.list();
    const names = new Map(all.map((s) => [s.id, s.name]));
    const alerts = await staffAlerts.of(user, all.map((s) => s.id));
    return { alerts: alerts.map((a) => ({ ...a, siteName: names.get(a.site) ?? a.site })) };
  });

  app.put(`${ADMIN_PREFIX}/me/alerts/:site`, { schema: { tags, summary: 'Choose your moderator alerts on a site', params: SiteParams, body: AlertBody } }, async (request) => {
    const { user } = guard.session(request);
    const { site: siteId } = request.params as Static<typeof SiteParams>;
    const { pending, reports, mode } = request.body as Static<typeof AlertBody>;
    const choice = { pending, reports, mode };
    const role = roleOn(user, siteId);
    if (!role) throw forbidden('forbidden', `You may not do this on site "${siteId}"`);
    const site = await sites.require(siteId);
    await staffAlerts.set(user, site.id, choice);
    if (pending || reports) await notify.confirmStaffAddress(site.id, user.email);
    return { alert: { site: site.id, siteName: site.name, role, ...choice } };
  });
}
