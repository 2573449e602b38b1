// HTTP for "Notify of": subscribe, confirm (double opt-in), unsubscribe (a page that asks,
// and RFC 8058 one-click POST), and the development mailbox.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ActorAccount } from '../comments/service.ts';
import { pageKey } from '../comments/service.ts';
import { crossOrigin } from '../platform/cors.ts';
import { ipHash, visitorKey } from '../platform/http.ts';
import { badRequest } from '../platform/errors.ts';
import { html } from '../platform/html.ts';
import { enforce, type Limit, type RateLimiter } from '../platform/rate-limit.ts';
import { sha256 } from '../platform/secrets.ts';
import type { Db } from '../platform/db.ts';
import type { SiteService } from '../sites/service.ts';
import type { DevMailbox } from './mail.ts';
import { pageOrError, sendPage, wantsJson } from './pages.ts';
import { SubscribeBody, TokenQuery, subscribeResponses } from './schema.ts';
import { kindsOf, requireAddress, type Subscriptions } from './subscriptions.ts';
import { fill } from './templates/fill.ts';

export interface SubscriptionRoutesDeps {
  db: Db;
  subscriptions: Subscriptions;
  sites: SiteService;
  limiter: RateLimiter | null;
  secret: string;
  /** The development mailbox, served only outside production; null when SMTP is configured. */
  mailbox: DevMailbox | null;
  isProduction: boolean;
  authenticate?: (request: FastifyRequest) => Promise<ActorAccount | null>;
}

const minute = 60_000;
// Each guest subscription sends a confirmation e-mail: these keep anyone from using it to
// flood an address (keyed by a hash: the limiter's store never holds the address).
const LIMITS = {
  email: [{ name: 'subscribe:email:h', max: 3, windowMs: 60 * minute }, { name: 'subscribe:email:d', max: 6, windowMs: 1440 * minute }],
  ip: [{ name: 'subscribe:ip:h', max: 30, windowMs: 60 * minute }],
  visitor: [{ name: 'subscribe:visitor:h', max: 10, windowMs: 60 * minute }],
} satisfies Record<string, Limit[]>;

const tags = ['notifications'];

export async function subscriptionRoutes(app: FastifyInstance, deps: SubscriptionRoutesDeps): Promise<void> {
  const { subscriptions, secret } = deps;

  app.post('/api/v1/subscriptions', { schema: { tags, summary: 'Subscribe to a thread, to replies to my comments, or both (guests confirm by e-mail)', body: SubscribeBody, response: subscribeResponses } }, async (request, reply) => {
    const body = request.body as Static<typeof SubscribeBody>;
    // Checked whether or not limits are on: a malformed identity header is always a 400.
    const visitor = visitorKey(request, secret);
    const site = await deps.sites.require(body.site);
    deps.sites.checkOrigin(site, crossOrigin(request));
    const account = deps.authenticate ? await deps.authenticate(request) : null;
    const own = account && account.siteId === site.id && account.email ? account.email : null;
    const email = body.email !== undefined ? requireAddress(body.email, 'email') : own;
    if (!email) throw badRequest('email_required', 'email is required unless you are signed in with an address', 'email');
    const verified = own !== null && own.toLowerCase() === email.toLowerCase();
    if (!verified && deps.limiter) {
      const emailId = sha256(`${site.id}\0${email.toLowerCase()}`);
      const who: Array<[Limit, string | null]> = [
        ...LIMITS.email.map((l): [Limit, string] => [l, emailId]),
        ...LIMITS.ip.map((l): [Limit, string] => [l, ipHash(request, secret)]),
        ...LIMITS.visitor.map((l): [Limit, string | null] => [l, visitor]),
      ];
      await enforce(deps.limiter, who);
    }
    const page = pageKey(body.page);
    const status = await subscriptions.request({
      site, page, email, kinds: kindsOf(body.kind), mode: body.mode ?? 'immediate', chain: body.chain ?? false, verified,
    });
    return reply.code(status === 'subscribed' ? 201 : 202).send({ status });
  });

  app.get('/api/v1/subscriptions/confirm', { schema: { tags, summary: 'Open a confirmation link (double opt-in)', querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query as Static<typeof TokenQuery>;
    return pageOrError(request, reply, async () => {
      const { site, what, already } = await subscriptions.confirm(token);
      if (wantsJson(request)) return { status: already ? 'already_confirmed' : 'confirmed' };
      return sendPage(reply, 200, fill('pageConfirmedTitle'), html`<p>${fill('pageConfirmed', { site: site.name, what })}</p>`);
    });
  });

  app.get('/api/v1/subscriptions/unsubscribe', { schema: { tags, summary: 'The page an unsubscribe link opens: asks before it unsubscribes', querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query as Static<typeof TokenQuery>;
    return pageOrError(request, reply, async () => {
      const { site, what, all, subscribed } = await subscriptions.preview(token);
      if (wantsJson(request)) return { site: site.id, what, all, subscribed };
      const question = all ? fill('pageUnsubscribeAllAsk', { site: site.name }) : fill('pageUnsubscribeAsk', { site: site.name, what });
      // The form posts back to this very URL (token included), like a one-click client would.
      return sendPage(reply, 200, fill('pageUnsubscribeTitle'), html`<p>${question}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${fill('pageUnsubscribeButton')}</button></form>`);
    });
  });

  await app.register(oneClickRoute, { subscriptions, secret });

  if (!deps.isProduction && deps.mailbox) {
    const mailbox = deps.mailbox;
    app.get('/api/v1/dev/mailbox', { schema: { tags, summary: 'Development only: the e-mails that would have been sent (no SMTP_URL)' } }, async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return { messages: mailbox.messages() };
    });
  }
}

/**
 * RFC 8058 one-click POSTs come form-encoded (or multipart) with "List-Unsubscribe=One-Click";
 * the token in the URL is what counts, so the body is read and ignored. The parsers are
 * registered in this plugin alone: every other route still takes JSON only.
 */
async function oneClickRoute(app: FastifyInstance, { subscriptions, secret }: { subscriptions: Subscriptions; secret: string }): Promise<void> {
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
  }
  app.post('/api/v1/subscriptions/unsubscribe', { schema: { tags, summary: 'Unsubscribe (RFC 8058 one-click: body List-Unsubscribe=One-Click)', querystring: TokenQuery } }, async (request, reply) => {
    const { token } = request.query as Static<typeof TokenQuery>;
    return pageOrError(request, reply, async () => {
      // Mail clients send none; a malformed one is refused as on every write route.
      visitorKey(request, secret);
      const { site, what, all } = await subscriptions.unsubscribe(token, crossOrigin(request));
      if (wantsJson(request)) return { status: 'unsubscribed', all };
      const done = all ? fill('pageUnsubscribedAll', { site: site.name }) : fill('pageUnsubscribed', { site: site.name, what });
      return sendPage(reply, 200, fill('pageUnsubscribedTitle'), html`<p>${done}</p>`);
    });
  });
}
