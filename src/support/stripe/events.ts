// Stripe events → what they mean for the ledger. Pure: no I/O, so every event shape is easy
// to test. Both the older invoice shape (invoice.payment_intent, invoice.subscription_details)
// and the current one (invoice.parent.subscription_details, invoice.payments) are read.
import type { Donor, Reversal } from '../ledger.ts';

/** What Checkout put on the session, subscription and PaymentIntent (see checkout.ts). */
export interface Meta {
  site: string;
  campaign: string;
  name: string | null;
  anonymous: boolean;
}

export type Action =
  | {
      type: 'payment';
      meta: Meta;
      providerId: string;
      refs: string[];
      amount: number;
      currency: string;
      converted?: { amountCampaign: number; rate?: string; currency: string };
      interval: 'once' | 'month';
      donor: Donor;
      occurredAt: number;
      /** An invoice whose PaymentIntent the event does not say (newest API versions): ask Stripe. */
      lookupInvoice?: string;
    }
  /** lookupPaymentIntent: the charge does not say which invoice it paid; Stripe can, if one did. */
  | { type: 'reversal'; reversal: Reversal; lookupPaymentIntent?: string }
  | { type: 'subscription'; id: string; status: string; meta: Meta | null; amount: number | null; currency: string | null; occurredAt: number }
  | { type: 'ignore'; reason: string };

/** The part of a Stripe event we read; the SDK verified where it came from. */
export interface StripeEventLike {
  id: string;
  type: string;
  created: number;
  data: { object: any };
}

export const HANDLED = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'invoice.paid',
  'charge.refunded',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'customer.subscription.deleted',
] as const;

const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null);
const refs = (...values: unknown[]) => [...new Set(values.map(idOf).filter((v): v is string => !!v))];

export function metaOf(metadata: unknown): Meta | null {
  const m = (metadata ?? {}) as Record<string, unknown>;
  if (typeof m.colloquy_site !== 'string' || typeof m.colloquy_campaign !== 'string') return null;
  const name = typeof m.colloquy_name === 'string' && m.colloquy_name ? m.colloquy_name : null;
  return { site: m.colloquy_site, campaign: m.colloquy_campaign, name, anonymous: m.colloquy_anonymous !== 'false' || !name };
}

/** The metadata Checkout sessions carry (checkout.ts writes it, metaOf reads it back). */
export function metadataFor(meta: Meta): Record<string, string> {
  return { colloquy_site: meta.site, colloquy_campaign: meta.campaign, colloquy_name: meta.name ?? '', colloquy_anonymous: String(meta.anonymous) };
}

function donorOf(meta: Meta, email: unknown, customer: unknown): Donor {
  return { name: meta.name, anonymous: meta.anonymous, email: typeof email === 'string' && email ? email : null, key: idOf(customer) };
}

function session(event: StripeEventLike): Action {
  const s = event.data.object;
  const meta = metaOf(s.metadata);
  if (!meta) return { type: 'ignore', reason: 'not a Colloquy checkout session' };
  if (s.mode === 'subscription') {
    // The money arrives with invoice.paid (the first invoice too): counting here would count it twice.
    return { type: 'subscription', id: idOf(s.subscription) ?? s.id, status: 'active', meta, amount: s.amount_total ?? null, currency: s.currency ? String(s.currency).toUpperCase() : null, occurredAt: event.created * 1000 };
  }
  if (s.payment_status !== 'paid') return { type: 'ignore', reason: `payment ${s.payment_status}: waiting for checkout.session.async_payment_succeeded` };
  const pi = idOf(s.payment_intent);
  const cc = s.currency_conversion;
  return {
    type: 'payment',
    meta,
    providerId: pi ?? s.id,
    refs: refs(pi, s.id),
    amount: Number(s.amount_total),
    currency: String(s.currency).toUpperCase(),
    converted: cc?.source_currency ? { amountCampaign: Number(cc.amount_total), rate: cc.fx_rate ? String(cc.fx_rate) : undefined, currency: String(cc.source_currency).toUpperCase() } : undefined,
    interval: 'once',
    donor: donorOf(meta, s.customer_details?.email ?? s.customer_email, s.customer),
    occurredAt: event.created * 1000,
  };
}

function invoice(event: StripeEventLike): Action {
  const inv = event.data.object;
  const meta = metaOf(inv.parent?.subscription_details?.metadata ?? inv.subscription_details?.metadata ?? inv.lines?.data?.[0]?.metadata);
  if (!meta) return { type: 'ignore', reason: 'not a Colloquy subscription' };
  if (!(inv.amount_paid > 0)) return { type: 'ignore', reason: 'nothing paid' };
  // payments is listed only when the invoice was fetched with it included, never in webhooks.
  const pi = idOf(inv.payment_intent ?? inv.payments?.data?.find((p: any) => p?.payment?.payment_intent)?.payment?.payment_intent);
  return {
    type: 'payment',
    meta,
    providerId: inv.id,
    refs: refs(pi, inv.id, inv.charge),
    amount: Number(inv.amount_paid),
    currency: String(inv.currency).toUpperCase(),
    interval: 'month',
    donor: donorOf(meta, inv.customer_email, inv.customer),
    occurredAt: event.created * 1000,
    lookupInvoice: pi ? undefined : inv.id,
  };
}

/** Older API versions name the charge's invoice; newer ones leave it to the InvoicePayment list. */
const lookupOf = (paymentIntent: unknown, invoice: unknown) => (idOf(invoice) ? undefined : (idOf(paymentIntent) ?? undefined));

function refund(event: StripeEventLike): Action {
  const ch = event.data.object;
  return {
    type: 'reversal',
    lookupPaymentIntent: lookupOf(ch.payment_intent, ch.invoice),
    reversal: {
      kind: 'refund',
      provider: 'stripe',
      // Stripe reports the running total: one id per total makes each step count once.
      providerId: `${ch.id}:refunded:${ch.amount_refunded}`,
      refs: refs(ch.payment_intent, ch.invoice, ch.id),
      cumulative: Number(ch.amount_refunded),
      currency: String(ch.currency).toUpperCase(),
      occurredAt: event.created * 1000,
    },
  };
}

function dispute(event: StripeEventLike, reinstated: boolean): Action {
  const d = event.data.object;
  return {
    type: 'reversal',
    lookupPaymentIntent: lookupOf(d.payment_intent, null),
    reversal: {
      kind: reinstated ? 'chargeback_reversal' : 'chargeback',
      provider: 'stripe',
      providerId: `${d.id}:${reinstated ? 'reinstated' : 'withdrawn'}`,
      refs: refs(d.payment_intent, d.charge),
      amount: Number(d.amount),
      currency: String(d.currency).toUpperCase(),
      occurredAt: event.created * 1000,
    },
  };
}

export function actionFor(event: StripeEventLike): Action {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return session(event);
    case 'invoice.paid':
      return invoice(event);
    case 'charge.refunded':
      return refund(event);
    case 'charge.dispute.funds_withdrawn':
      return dispute(event, false);
    case 'charge.dispute.funds_reinstated':
      return dispute(event, true);
    case 'customer.subscription.deleted': {
      const sub = event.data.object;
      return { type: 'subscription', id: sub.id, status: 'canceled', meta: metaOf(sub.metadata), amount: null, currency: null, occurredAt: event.created * 1000 };
    }
    default:
      return { type: 'ignore', reason: `event type ${event.type} is not used` };
  }
}
