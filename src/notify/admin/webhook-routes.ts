// A site's webhook endpoints (site admins): list, create, change, switch off, rotate the
// secret, remove; each endpoint's delivery log, and a signed test event. Every change is in the
// audit log (never the secret).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { ADMIN_PREFIX } from '../../staff/guard.ts';
import { WEBHOOK_EVENTS } from '../webhooks.ts';
import type { NotifyAdminDeps } from './routes.ts';
import { CreateWebhookBody, IdParams, SiteQuery, UpdateWebhookBody } from './schema.ts';

const tags = ['admin'];
const BASE = `${ADMIN_PREFIX}/webhooks`;

export async function webhookRoutes(app: FastifyInstance, { guard, sites, notify, audit }: NotifyAdminDeps): Promise<void> {
  const { webhooks } = notify;
  const log = (request: FastifyRequest, site: string, action: string, id: string, change: { before?: unknown; after?: unknown }) =>
    audit.log({ actor: guard.session(request).user, site, action: `webhook.${action}`, targetType: 'webhook', targetId: id, ...change });

  /** The endpoint, if the user is an admin of its site (a session first: 401 before 404). */
  async function endpointOf(request: FastifyRequest) {
    guard.session(request);
    const endpoint = await webhooks.find((request.params as Static<typeof IdParams>).id);
    guard.require(request, endpoint.siteId, 'admin');
    return endpoint;
  }

  app.get(BASE, { schema: { tags, summary: "A site's webhook endpoints (secrets are never shown again)", querystring: SiteQuery } }, async (request) => {
    const { site } = request.query as Static<typeof SiteQuery>;
    guard.require(request, site, 'admin');
    await sites.require(site);
    return { endpoints: await webhooks.list(site), events: WEBHOOK_EVENTS };
  });

  app.post(BASE, { schema: { tags, summary: 'Add a webhook endpoint; the answer holds its secret, once', body: CreateWebhookBody } }, async (request, reply) => {
    const body = request.body as Static<typeof CreateWebhookBody>;
    guard.require(request, body.site, 'admin');
    await sites.require(body.site);
    const { secret, ...endpoint } = await webhooks.add(body.site, body.url, body.events);
    await log(request, body.site, 'create', endpoint.id, { after: endpoint });
    return reply.code(201).send({ endpoint, secret });
  });

  app.patch(`${BASE}/:id`, { schema: { tags, summary: 'Change URL, events, or switch an endpoint off or on', params: IdParams, body: UpdateWebhookBody } }, async (request) => {
    const before = await endpointOf(request);
    const endpoint = await webhooks.update(before.id, request.body as Static<typeof UpdateWebhookBody>);
    await log(request, before.siteId, 'update', before.id, { before, after: endpoint });
    return { endpoint };
  });

  app.post(`${BASE}/:id/secret`, { schema: { tags, summary: 'Rotate the signing secret; the answer holds the new one, once', params: IdParams } }, async (request) => {
    const { secret, ...endpoint } = await webhooks.rotateSecret((await endpointOf(request)).id);
    await log(request, endpoint.siteId, 'rotate-secret', endpoint.id, {});
    return { endpoint, secret };
  });

  app.delete(`${BASE}/:id`, { schema: { tags, summary: 'Remove an endpoint (queued deliveries to it are dropped)', params: IdParams } }, async (request, reply) => {
    const before = await endpointOf(request);
    await webhooks.remove(before.id);
    await log(request, before.siteId, 'delete', before.id, { before });
    return reply.code(204).send();
  });

  app.get(`${BASE}/:id/deliveries`, { schema: { tags, summary: "An endpoint's deliveries, newest first", params: IdParams } }, async (request) => {
    return { deliveries: await webhooks.log((await endpointOf(request)).id) };
  });

  app.post(`${BASE}/:id/test`, { schema: { tags, summary: 'Queue a signed webhook.test event to the endpoint', params: IdParams } }, async (request, reply) => {
    const deliveryId = await webhooks.sendTest((await endpointOf(request)).id);
    return reply.code(202).send({ deliveryId });
  });
}
