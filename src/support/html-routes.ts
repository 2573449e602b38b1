// Support as HTML, for readers without JavaScript and for publishers' servers: the bar and the
// "Support us" block (/embed/support), the block fragment support.js inserts, the no-JS
// donation form's target (/support/checkout → 303 to Stripe) and the page Stripe returns to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { AppError, badRequest } from '../platform/errors.ts';
import { escapeHtml } from '../platform/html.ts';
import { siteForRequest } from '../sites/access.ts';
import type { Site } from '../sites/service.ts';
import { BAR_CSS, barHtml, type CampaignView } from './bar-view.ts';
import { BLOCK_CSS, blockHtml } from './block-view.ts';
import type { CampaignStore } from './campaign-store.ts';
import { minorDigits, safeLocale } from './format.ts';
import { publicBase, startCheckout, type CheckoutInput, type SupportRoutesDeps } from './routes.ts';
import { EmbedQuery } from './schema.ts';
import { parseSupportSettings } from './settings.ts';
import { blockStrings as s } from './strings.ts';

export interface SupportHtmlDeps extends SupportRoutesDeps {
  store: CampaignStore;
  cardEnabled: boolean;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors *";

/** The bar and block for a site as an HTML fragment with its styles: for the demo page and server includes. */
export async function supportFragment(deps: SupportHtmlDeps, site: Site, base: string, locale: string, parts: { bar: boolean; block: boolean }): Promise<string> {
  const campaign = await deps.campaigns.current(site.id);
  const settings = parseSupportSettings(await deps.store.settings(site.id));
  const bar = parts.bar && campaign ? barHtml(campaign, locale, Date.now()) : '';
  const block = parts.block ? await blockHtml({ siteId: site.id, siteName: site.name, settings, campaign, card: cardOpen(deps, settings.card, campaign), base, locale }) : '';
  return `<style>${BAR_CSS}${BLOCK_CSS}</style>${bar}${block}`;
}

function cardOpen(deps: SupportHtmlDeps, allowed: boolean, campaign: CampaignView | null): boolean {
  return deps.cardEnabled && allowed && !!campaign && (campaign.endsAt === null || Date.parse(campaign.endsAt) > Date.now());
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}</style></head><body>${body}</body></html>`;
}

const localeOf = (request: FastifyRequest, asked?: string) => safeLocale(asked ?? request.headers['accept-language']?.split(',')[0]?.split(';')[0]);

/** A form's fields → the JSON API's checkout body; the amount comes as "interval:minor" or typed in major units. */
function formToCheckout(form: Record<string, string>): CheckoutInput {
  const text = (name: string, max: number) => {
    const value = form[name] ?? '';
    if (value.length > max) throw badRequest('too_long', `${name} is too long`, name);
    return value;
  };
  const currency = text('currency', 3).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw badRequest('invalid_currency', 'currency must be an ISO 4217 code', 'currency');
  let interval: 'once' | 'month';
  let amount: number;
  const other = text('other', 20).trim().replace(',', '.');
  if (other) {
    if (!/^\d{1,9}(\.\d{1,3})?$/.test(other)) throw badRequest('invalid_amount', 'Other amount must be a number', 'other');
    amount = Math.round(Number(other) * 10 ** minorDigits(currency));
    interval = form.otherInterval === 'month' ? 'month' : 'once';
  } else {
    const match = /^(once|month):(\d{1,13})$/.exec(text('choice', 24));
    if (!match) throw badRequest('invalid_amount', 'Choose an amount', 'choice');
    interval = match[1] as 'once' | 'month';
    amount = Number(match[2]);
  }
  const name = text('name', 160).trim();
  return {
    site: text('site', 64),
    campaign: text('campaign', 64),
    amount,
    currency,
    interval,
    name: name || undefined,
    anonymous: form.anonymous === 'true' || !name,
    email: text('email', 254).trim() || undefined,
  };
}

export async function supportHtmlRoutes(app: FastifyInstance, deps: SupportHtmlDeps): Promise<void> {
  app.get('/embed/support', { schema: { tags: ['embed'], summary: 'The goal bar and "Support us" block as an HTML page (no JavaScript needed)', querystring: EmbedQuery } }, async (request, reply) => {
    const q = request.query as Static<typeof EmbedQuery>;
    const site = await deps.sites.require(q.site);
    const fragment = await supportFragment(deps, site, publicBase(request), localeOf(request, q.locale), { bar: true, block: true });
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', CSP).header('Cache-Control', 'no-cache').send(page(s.supportHeading(site.name), fragment));
  });

  app.get('/api/v1/support/block', { schema: { tags: ['support'], summary: 'The "Support us" block as an HTML fragment, for support.js', querystring: EmbedQuery } }, async (request) => {
    const q = request.query as Static<typeof EmbedQuery>;
    const site = await siteForRequest(deps.sites, request, q.site);
    return { html: await supportFragment(deps, site, publicBase(request), localeOf(request, q.locale), { bar: false, block: true }) };
  });

  app.get('/support/thanks', { schema: { hide: true, querystring: { type: 'object', properties: { site: { type: 'string', maxLength: 64 }, campaign: { type: 'string', maxLength: 64 }, cancelled: { type: 'string', maxLength: 8 }, back: { type: 'string', maxLength: 2048 } } } } }, async (request, reply) => {
    const q = request.query as { site?: string; campaign?: string; cancelled?: string; back?: string };
    const campaign = q.campaign ? await deps.store.find(q.campaign) : undefined;
    const site = campaign && campaign.site_id === q.site ? await deps.sites.require(campaign.site_id) : null;
    const backUrl = q.back ? URL.parse(q.back) : null;
    const back = backUrl && site && /^https?:$/.test(backUrl.protocol) && (site.origins.includes('*') || site.origins.includes(backUrl.origin)) ? backUrl.href : null;
    const message = q.cancelled ? s.cancelled : campaign?.thank_you || s.thanksDefault;
    const body = `<h1>${escapeHtml(q.cancelled ? s.supportHeading(site?.name ?? '') : s.thanksTitle)}</h1><p>${escapeHtml(message)}</p>${back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(s.back)}</a></p>` : ''}`;
    return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', CSP).send(page(s.thanksTitle, body));
  });

  // The no-JS donation form. Its errors are pages a person reads, not JSON.
  await app.register(async (form) => {
    form.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    form.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error instanceof AppError ? error.status : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'support form failed');
      const message = status >= 500 ? 'Something went wrong on our side' : error.message;
      return reply.code(status).type('text/html; charset=utf-8').send(page('Donation not started', `<h1>Donation not started</h1><p>${escapeHtml(message)}</p>`));
    });
    form.post('/support/checkout', { schema: { hide: true } }, async (request, reply) => {
      const fields = request.body;
      if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw badRequest('invalid_form', 'Send the donation form');
      const input = formToCheckout(fields as Record<string, string>);
      const site = await siteForRequest(deps.sites, request, input.site);
      // Back to the article the form was on, when that page may embed this site.
      const referer = request.headers.referer;
      const from = referer ? URL.parse(referer) : null;
      if (from && /^https?:$/.test(from.protocol) && (site.origins.includes('*') || site.origins.includes(from.origin))) input.returnUrl = from.href;
      const { url } = await startCheckout(deps, request, site, input);
      return reply.code(303).header('Location', url).send();
    });
  });
}
