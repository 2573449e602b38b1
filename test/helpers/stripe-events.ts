// Stripe event objects as Stripe sends them for a Colloquy donation (the fields we read and a
// few around them), and a small client that delivers them, signed, to the real webhook route.
import { randomBytes } from 'node:crypto';
import { signedEvent } from './stripe-fake.ts';

const rid = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

export interface Gift {
  site?: string;
  campaign: string;
  amount: number;
  currency?: string;
  name?: string;
  anonymous?: boolean;
  email?: string;
}

function metadata(g: Gift) {
  return { colloquy_site: g.site ?? 'demo', colloquy_campaign: g.campaign, colloquy_name: g.name ?? '', colloquy_anonymous: String(g.anonymous ?? !g.name) };
}

export function checkoutCompleted(g: Gift, o: { pi?: string; paid?: boolean; type?: string; conversion?: { amount: number; currency: string; rate: string } } = {}) {
  const pi = o.pi ?? rid('pi');
  return {
    id: rid('evt'),
    type: o.type ?? 'checkout.session.completed',
    pi,
    object: {
      id: rid('cs_test'),
      object: 'checkout.session',
      mode: 'payment',
      payment_status: o.paid === false ? 'unpaid' : 'paid',
      status: 'complete',
      amount_total: g.amount,
      currency: (g.currency ?? 'USD').toLowerCase(),
      payment_intent: pi,
      customer: null,
      customer_details: { email: g.email ?? null, name: 'Card Holder' },
      metadata: metadata(g),
      currency_conversion: o.conversion
        ? { amount_subtotal: o.conversion.amount, amount_total: o.conversion.amount, fx_rate: o.conversion.rate, source_currency: o.conversion.currency.toLowerCase() }
        : null,
    },
  };
}

export function subscriptionCheckout(g: Gift, sub = rid('sub')) {
  return {
    id: rid('evt'),
    type: 'checkout.session.completed',
    sub,
    object: { id: rid('cs_test'), object: 'checkout.session', mode: 'subscription', payment_status: 'paid', amount_total: g.amount, currency: 'usd', subscription: sub, payment_intent: null, customer: rid('cus'), customer_details: { email: g.email ?? null }, metadata: metadata(g) },
  };
}

/**
 * invoice.paid in the older shape (legacy: payment_intent on the invoice), the current one with
 * its payments included (as a fetched invoice may have them), or as webhooks of the newest API
 * versions deliver it (webhook: neither payment_intent, charge nor payments).
 */
export function invoicePaid(g: Gift, sub: string, o: { legacy?: boolean; webhook?: boolean; pi?: string; invoice?: string } = {}) {
  const pi = o.pi ?? rid('pi');
  const id = o.invoice ?? rid('in');
  const base = { id, object: 'invoice', status: 'paid', amount_paid: g.amount, currency: 'usd', customer: 'cus_same', customer_email: g.email ?? null, billing_reason: 'subscription_cycle' };
  const object = o.legacy
    ? { ...base, subscription: sub, payment_intent: pi, subscription_details: { metadata: metadata(g) } }
    : { ...base, parent: { type: 'subscription_details', subscription_details: { subscription: sub, metadata: metadata(g) } }, ...(o.webhook ? {} : { payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: pi } }] } }) };
  return { id: rid('evt'), type: 'invoice.paid', pi, object };
}

/** charge.refunded; `invoice` as older API versions name it on the charge (newer ones do not). */
export function chargeRefunded(pi: string, amountRefunded: number, o: { charge?: string; amount?: number; currency?: string; invoice?: string } = {}) {
  return {
    id: rid('evt'),
    type: 'charge.refunded',
    object: { id: o.charge ?? `ch_for_${pi}`, object: 'charge', amount: o.amount ?? amountRefunded, amount_refunded: amountRefunded, refunded: amountRefunded === o.amount, currency: (o.currency ?? 'usd').toLowerCase(), payment_intent: pi, ...(o.invoice ? { invoice: o.invoice } : {}) },
  };
}

export function dispute(pi: string, amount: number, type: 'charge.dispute.funds_withdrawn' | 'charge.dispute.funds_reinstated', id = 'dp_1') {
  return { id: rid('evt'), type, object: { id, object: 'dispute', amount, currency: 'usd', charge: `ch_for_${pi}`, payment_intent: pi, status: 'needs_response' } };
}

export function subscriptionDeleted(sub: string) {
  return { id: rid('evt'), type: 'customer.subscription.deleted', object: { id: sub, object: 'subscription', status: 'canceled', metadata: {} } };
}

export function webhookClient(url: string) {
  return {
    async deliver(event: { id: string; type: string; object: Record<string, unknown> }, options: { secret?: string; timestamp?: number; tamper?: boolean } = {}) {
      const { payload, header } = signedEvent(event, options);
      const body = options.tamper ? payload.replace(/"amount_total":\d+/, '"amount_total":99999999') : payload;
      const res = await fetch(`${url}/api/v1/support/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header }, body });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
  };
}
