// HTTP for a signed-in reader's own things: profile, comments, subscriptions, export, deleting the account.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { badRequest, notFound } from '../platform/errors.ts';
import type { SiteService } from '../sites/service.ts';
import type { Identity } from './index.ts';
import { MyCommentsQuery, ProfilePatch, SubscriptionParams, errorResponses } from './schema.ts';
import { requireSignedIn } from './signed-in.ts';

export interface MeRoutesDeps {
  identity: Identity;
  sites: SiteService;
  /** A page of the account's comments (the comments module). */
  myComments(accountId: string, cursor: string | undefined, limit: number): Promise<unknown>;
}

const tags = ['accounts'];
const security = [{ bearer: [] }];

export async function meRoutes(app: FastifyInstance, { identity, sites, myComments }: MeRoutesDeps): Promise<void> {
  const { accounts, privacy, notifications } = identity;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'private, no-store');
  });

  app.get('/api/v1/me/profile', { schema: { tags, summary: 'Your profile: name, e-mail, avatar, role', security, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    return accounts.profile(account);
  });

  app.patch('/api/v1/me/profile', { schema: { tags, summary: 'Change your display name or avatar', security, body: ProfilePatch, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    const body = request.body as Static<typeof ProfilePatch>;
    if (body.name === undefined && body.avatar === undefined) throw badRequest('invalid_request', 'Send name or avatar to change', 'name');
    return accounts.profile(await accounts.update(account, body));
  });

  app.get('/api/v1/me/comments', { schema: { tags, summary: 'Your comments, newest first, with their pages', security, querystring: MyCommentsQuery, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    const q = request.query as Static<typeof MyCommentsQuery>;
    return myComments(account.id, q.cursor, q.limit ?? 20);
  });

  app.get('/api/v1/me/subscriptions', { schema: { tags, summary: 'Your "Notify of" subscriptions on this site: per thread, and replies to your comments', security, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    // Subscriptions belong to an address: an account without one (SSO without e-mail) has none.
    return { subscriptions: account.email ? await notifications.list(account.site_id, account.email) : [] };
  });

  app.delete('/api/v1/me/subscriptions/:id', { schema: { tags, summary: 'Stop one of your subscriptions', security, params: SubscriptionParams, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    const { id } = request.params as Static<typeof SubscriptionParams>;
    // Someone else's subscription answers as a missing one: ids reveal nothing.
    if (!account.email || !(await notifications.cancel(account.site_id, account.email, id))) throw notFound('subscription_not_found', 'You have no subscription with that id');
    return { unsubscribed: id };
  });

  app.get('/api/v1/me/export', { schema: { tags, summary: 'All your data as a JSON download', security, response: errorResponses } }, async (request, reply) => {
    const { account } = await requireSignedIn(request, identity, sites);
    const data = await privacy.export(account);
    reply.header('Content-Disposition', `attachment; filename="colloquy-${account.site_id.replace(/[^A-Za-z0-9_-]/g, '_')}-${account.id}.json"`);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.delete('/api/v1/me', { schema: { tags, summary: "Delete your account; your comments are anonymised or removed, as the site's setting says", security, response: errorResponses } }, async (request) => {
    const { account, site } = await requireSignedIn(request, identity, sites);
    return privacy.delete(account, site);
  });
}
