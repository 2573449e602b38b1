// Public support API: the current campaign (cached, keyed by the support version) and
// Stripe Checkout for donations.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { cleanText, optionalText } from '../comments/text.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { headerValue, ipHash, visitorKey } from '../platform/http.ts';
import { siteForRequest } from '../sites/access.ts';
import type { Site, SiteService } from '../sites/service.ts';
import type { Campaigns } from './campaigns.ts';
import { Campaign, CheckoutBody, errorResponses, SiteQuery } from './schema.ts';
import type { Checkout } from './stripe/checkout.ts';

export interface SupportRoutesDeps {
  sites: SiteService;
  campaigns: Campaigns;
  checkout: Checkout;
  secret: string;
  now?: () => number;
}

const tags = ['support'];
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const IDEMPOTENCY = /^[A-Za-z0-9_-]{8,128}$/;

export type CheckoutInput = Static<typeof CheckoutBody>;

/** The absolute URL of this server as the reader reached it (proxies: TRUST_PROXY). */
export function publicBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Validates a reader's donation request and opens a Checkout session: shared by the JSON and form routes. */
export async function startCheckout(deps: SupportRoutesDeps, request: FastifyRequest, site: Site, body: CheckoutInput): Promise<{ url: string }> {
  const now = (deps.now ?? Date.now)();
  const requester = visitorKey(request, deps.secret) ?? ipHash(request, deps.secret);
  const campaign = await deps.campaigns.require(body.campaign, site.id);
  const name = optionalText(body.name, { field: 'name', max: 80 });
  const email = body.email ? cleanText(body.email).trim() : null;
  if (email && !EMAIL.test(email)) throw badRequest('invalid_email', 'email is not an e-mail address', 'email');
  const clientKey = headerValue(request, 'idempotency-key') ?? null;
  if (clientKey !== null && !IDEMPOTENCY.test(clientKey)) throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 8 to 128 base64url characters', 'Idempotency-Key');
  const back = returnUrl(site, body.returnUrl);
  const base = publicBase(request);
  const thanks = `${base}/support/thanks?${new URLSearchParams({ site: site.id, campaign: campaign.id })}`;
  const { url } = await deps.checkout({
    siteName: site.name,
    campaign,
    amount: body.amount,
    currency: body.currency.toUpperCase(),
    interval: body.interval,
    name,
    anonymous: body.anonymous ?? !name,
    email,
    successUrl: `${thanks}&session={CHECKOUT_SESSION_ID}${back ? `&back=${encodeURIComponent(back)}` : ''}`,
    cancelUrl: back ?? `${thanks}&cancelled=1`,
    requester,
    clientKey,
    now,
  });
  return { url };
}

/** Only pages the site may be embedded on are return targets: no open redirect through us. */
function returnUrl(site: Site, raw: string | undefined): string | null {
  if (!raw) return null;
  const url = URL.parse(cleanText(raw).trim());
  if (!url || !['http:', 'https:'].includes(url.protocol) || !(site.origins.includes('*') || site.origins.includes(url.origin))) {
    throw badRequest('invalid_return_url', 'returnUrl must be a page on an origin this site allows', 'returnUrl');
  }
  return url.href;
}

export async function supportRoutes(app: FastifyInstance, deps: SupportRoutesDeps): Promise<void> {
  app.get(
    '/api/v1/campaigns/current',
    { schema: { tags, summary: "The site's current fundraising campaign with its totals (amounts in minor units)", querystring: SiteQuery, response: { 200: Campaign, ...errorResponses } } },
    async (request, reply) => {
      const { site: id } = request.query as Static<typeof SiteQuery>;
      const site = await siteForRequest(deps.sites, request, id);
      const hit = await deps.campaigns.currentJson(site.id);
      if (!hit) throw notFound('campaign_not_found', `Site "${site.id}" has no current campaign`);
      // Browsers and CDNs revalidate: a 304 costs one version lookup.
      reply.header('ETag', hit.etag).header('Cache-Control', 'no-cache');
      if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(hit.body);
    },
  );

  app.post('/api/v1/support/checkout', { schema: { tags, summary: 'Start a card donation: a Stripe Checkout page for a one-off or monthly gift', body: CheckoutBody, response: errorResponses } }, async (request) => {
    const body = request.body as CheckoutInput;
    const site = await siteForRequest(deps.sites, request, body.site);
    return startCheckout(deps, request, site, body);
  });
}
