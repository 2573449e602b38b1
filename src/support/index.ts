// The support module assembled: stores, services and routes, registered on the app.
import type { FastifyInstance } from 'fastify';
import type { Bus } from '../platform/bus.ts';
import type { Db } from '../platform/db.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { supportLedgerRoutes } from './admin-ledger-routes.ts';
import { supportAdminRoutes } from './admin-routes.ts';
import { createCampaignStore } from './campaign-store.ts';
import { createCampaigns } from './campaigns.ts';
import { seedDemoCampaign } from './demo.ts';
import { consoleGuard, type AdminGuard, type StaffGuardLike } from './guard.ts';
import { supportFragment, supportHtmlRoutes } from './html-routes.ts';
import { createLedger } from './ledger.ts';
import { createLedgerQueries } from './ledger-queries.ts';
import { createLedgerStore } from './ledger-store.ts';
import { supportRoutes } from './routes.ts';
import { createCheckout } from './stripe/checkout.ts';
import { createStripeClient } from './stripe/client.ts';
import { stripeRoutes } from './stripe/routes.ts';
import { stripeInvoicePayments } from './stripe/invoice-payments.ts';
import { createStripeWebhook } from './stripe/webhook.ts';
import { outboxThankYou, type EnqueueEmail } from './thanks.ts';
import { createWebhookStore } from './webhook-store.ts';

export interface SupportConfig {
  secret: string;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  stripeApiBase: string | null;
  stripeWebhookTolerance: number;
  supportAdminToken: string | null;
}

export interface SupportDeps {
  db: Db;
  sites: SiteService;
  config: SupportConfig;
  /** Staff sessions (the moderation module's guard): console users with the admin role on the site. */
  staff?: StaffGuardLike;
  /** Replaces the whole check (tests); default: staff sessions, or the SUPPORT_ADMIN_TOKEN bearer token. */
  guard?: AdminGuard;
  /** The notification outbox; without it no thank-you e-mails are queued. */
  enqueueEmail?: EnqueueEmail;
  /** Where "the campaign changed" goes, so widgets' goal bars refresh at once. */
  bus?: Bus;
}

export async function registerSupport(app: FastifyInstance, deps: SupportDeps) {
  const { db, sites, config } = deps;
  const store = createCampaignStore(db);
  const changed = (siteId: string) => deps.bus?.signal({ siteId, name: 'campaign.updated' });
  const campaigns = createCampaigns(store, Date.now, changed);
  const ledger = createLedger({ store: createLedgerStore(db), secret: config.secret, thank: deps.enqueueEmail ? outboxThankYou(deps.enqueueEmail) : undefined, changed });
  const webhooks = createWebhookStore(db);
  const stripe = createStripeClient({ secretKey: config.stripeSecretKey, apiBase: config.stripeApiBase });
  const checkout = createCheckout(stripe);
  const guard = deps.guard ?? consoleGuard(deps.staff ?? null, config.supportAdminToken);
  const html = { sites, campaigns, checkout, secret: config.secret, store, cardEnabled: !!stripe };

  await app.register(supportRoutes, { sites, campaigns, checkout, secret: config.secret });
  await app.register(supportHtmlRoutes, html);
  await app.register(stripeRoutes, { webhook: createStripeWebhook({ ledger, campaigns: store, invoicePayments: stripe && stripeInvoicePayments(stripe) }), store: webhooks, secret: config.stripeWebhookSecret, toleranceSeconds: config.stripeWebhookTolerance });
  await app.register(supportAdminRoutes, { guard, sites, campaigns, store, secret: config.secret });
  await app.register(supportLedgerRoutes, {
    guard,
    sites,
    campaigns,
    store,
    secret: config.secret,
    ledger,
    queries: createLedgerQueries(db),
    webhooks,
    stripe: { secretKey: !!config.stripeSecretKey, webhookSecret: !!config.stripeWebhookSecret },
  });

  return {
    campaigns,
    ledger,
    seedDemo: (siteId: string) => seedDemoCampaign(campaigns, ledger, siteId),
    /** The bar (and optionally the block) as server-rendered HTML, for pages Colloquy serves. */
    fragment: (site: Site, base: string, locale = 'en', block = false) => supportFragment(html, site, base, locale, { bar: true, block }),
  };
}

export type Support = Awaited<ReturnType<typeof registerSupport>>;
