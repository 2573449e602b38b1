// The official Stripe SDK, configured from the environment. STRIPE_API_BASE points it at
// another host (the local fake in tests, or an egress proxy); secrets come only from env.
import Stripe from 'stripe';

export interface StripeSettings {
  secretKey: string | null;
  apiBase: string | null;
}

/** The SDK for API calls, or null when no secret key is set (card donations off). */
export function createStripeClient(settings: StripeSettings): Stripe | null {
  if (!settings.secretKey) return null;
  return new Stripe(settings.secretKey, { maxNetworkRetries: 2, timeout: 15_000, appInfo: { name: 'Colloquy' }, ...hostOptions(settings.apiBase) });
}

/** Signature checks need no API key; this instance only verifies webhooks. */
export const webhookVerifier = new Stripe('sk_verify_only').webhooks;

function hostOptions(base: string | null): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}
