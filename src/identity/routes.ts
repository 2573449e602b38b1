// HTTP for signing in and out: magic links, their exchange, publisher SSO, revocation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { crossOrigin } from '../platform/cors.ts';
import { ipHash, visitorKey } from '../platform/http.ts';
import { siteForRequest } from '../sites/access.ts';
import type { SiteService } from '../sites/service.ts';
import type { Identity } from './index.ts';
import { MagicLinkBody, SsoBody, VerifyBody, VerifyQuery, errorResponses } from './schema.ts';
import { requireSignedIn } from './signed-in.ts';

export interface AuthRoutesDeps {
  identity: Identity;
  sites: SiteService;
}

const tags = ['accounts'];
const security = [{ bearer: [] }];

export async function authRoutes(app: FastifyInstance, { identity, sites }: AuthRoutesDeps): Promise<void> {
  const { secret } = identity;

  /** Tokens must never sit in a cache. */
  const noStore = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store');

  app.post('/api/v1/auth/magic-link', { schema: { tags, summary: 'E-mail a single-use sign-in link (answers 202 whether or not the address has an account)', body: MagicLinkBody } }, async (request, reply) => {
    const body = request.body as Static<typeof MagicLinkBody>;
    const visitor = visitorKey(request, secret);
    const site = await siteForRequest(sites, request, body.site);
    await identity.magicLinks.request(site, body, { ipHash: ipHash(request, secret), visitorKey: visitor });
    return reply.code(202).send({ status: 'sent' });
  });

  async function verify(request: FastifyRequest, reply: FastifyReply, token: string) {
    visitorKey(request, secret);
    noStore(reply);
    return identity.magicLinks.verify(token, crossOrigin(request));
  }

  app.post('/api/v1/auth/verify', { schema: { tags, summary: "Exchange a sign-in link's token for a bearer token (once)", body: VerifyBody, response: errorResponses } }, async (request, reply) =>
    verify(request, reply, (request.body as Static<typeof VerifyBody>).token),
  );

  app.get('/api/v1/auth/verify', { schema: { tags, summary: 'The same exchange, token in the query', querystring: VerifyQuery, response: errorResponses } }, async (request, reply) =>
    verify(request, reply, (request.query as Static<typeof VerifyQuery>).token),
  );

  app.post('/api/v1/auth/sso', { schema: { tags, summary: "Exchange the publisher's signed JWT for a bearer token", body: SsoBody, response: errorResponses } }, async (request, reply) => {
    const body = request.body as Static<typeof SsoBody>;
    visitorKey(request, secret);
    const site = await siteForRequest(sites, request, body.site);
    const { profile, jti, exp } = await identity.sso.verify(site, body.token);
    // Claimed before any account or session is made: a replay changes nothing.
    await identity.ssoReplays.claim(site.id, jti, exp);
    const account = await identity.accounts.forSso(site.id, profile);
    noStore(reply);
    return { ...(await identity.sessions.issue(account, 'sso')), account: identity.accounts.profile(account) };
  });

  app.delete('/api/v1/auth/session', { schema: { tags, summary: 'Sign out: revoke this bearer token', security, response: errorResponses } }, async (request) => {
    const { session } = await requireSignedIn(request, identity, sites);
    await identity.sessions.revoke(session);
    return { revoked: 1 };
  });

  app.delete('/api/v1/auth/sessions', { schema: { tags, summary: "Sign out everywhere: revoke every one of the account's tokens", security, response: errorResponses } }, async (request) => {
    const { account } = await requireSignedIn(request, identity, sites);
    return { revoked: await identity.sessions.revokeAll(account.id) };
  });
}
