// Stripe Checkout sessions for donations, created server-side: one-off (mode payment) or
// monthly (mode subscription). The idempotency key makes a retried request (a double click,
// a network retry) return the same session instead of opening a second one.
import type Stripe from 'stripe';
import { AppError, badRequest } from '../../platform/errors.ts';
import { sha256 } from '../../platform/secrets.ts';
import type { CampaignRow } from '../campaign-store.ts';
import { minorDigits } from '../format.ts';
import { metadataFor } from './events.ts';

export interface CheckoutRequest {
  siteName: string;
  campaign: CampaignRow;
  amount: number;
  currency: string;
  interval: 'once' | 'month';
  name: string | null;
  anonymous: boolean;
  email: string | null;
  successUrl: string;
  cancelUrl: string;
  /** Who asks (visitor or IP hash) and, if the client sent one, its own Idempotency-Key. */
  requester: string;
  clientKey: string | null;
  now: number;
}

const MAX_UNITS = 1_000_000;

export function createCheckout(stripe: Stripe | null) {
  return async function checkout(req: CheckoutRequest): Promise<{ url: string; id: string }> {
    if (!stripe) throw new AppError(503, 'stripe_not_configured', 'Card payments are not set up on this server (STRIPE_SECRET_KEY)');
    const { campaign } = req;
    if (req.currency !== campaign.currency) throw badRequest('currency_mismatch', `currency must be ${campaign.currency}, the campaign's currency`, 'currency');
    const unit = 10 ** minorDigits(campaign.currency);
    if (req.amount < unit || req.amount > MAX_UNITS * unit) throw badRequest('invalid_amount', `amount must be between ${unit} and ${MAX_UNITS * unit} minor units`, 'amount');
    if (campaign.status !== 'active' || (campaign.ends_at !== null && Number(campaign.ends_at) <= req.now)) {
      throw badRequest('campaign_closed', 'This campaign no longer takes donations', 'campaign');
    }
    const metadata = metadataFor({ site: campaign.site_id, campaign: campaign.id, name: req.name, anonymous: req.anonymous });
    const monthly = req.interval === 'month';
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: monthly ? 'subscription' : 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: campaign.currency.toLowerCase(),
            unit_amount: req.amount,
            product_data: { name: `${campaign.title} · ${req.siteName}` },
            ...(monthly ? { recurring: { interval: 'month' as const } } : {}),
          },
        },
      ],
      success_url: req.successUrl,
      cancel_url: req.cancelUrl,
      metadata,
      ...(req.email ? { customer_email: req.email } : {}),
      ...(monthly ? { subscription_data: { metadata } } : { submit_type: 'donate' as const, payment_intent_data: { metadata } }),
    };
    // Same request from the same reader in the same minute → the same session. A client's own
    // key is still tied to the request, so it cannot fetch someone else's session.
    const window = req.clientKey ?? String(Math.floor(req.now / 60_000));
    const key = `colloquy-checkout-${sha256(JSON.stringify([req.requester, window, params]))}`;
    let session: Stripe.Checkout.Session;
    try {
      session = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    } catch (error) {
      const e = error as { type?: string; message?: string; statusCode?: number };
      if (e.type === 'StripeInvalidRequestError' && e.statusCode && e.statusCode < 500) {
        throw badRequest('payment_rejected', `Stripe refused the payment request: ${e.message ?? 'invalid request'}`);
      }
      throw new AppError(502, 'payment_provider_unavailable', 'Stripe could not be reached; please try again');
    }
    if (!session.url) throw new AppError(502, 'payment_provider_unavailable', 'Stripe returned no checkout page');
    return { url: session.url, id: session.id };
  };
}

export type Checkout = ReturnType<typeof createCheckout>;
