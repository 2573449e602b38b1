// Applies a verified Stripe event: one transaction that records the event id (a duplicate
// delivery finds it and changes nothing), then the ledger entry or subscription change.
// Nothing slow happens here: the thank-you e-mail is an outbox row in the same transaction.
import type { CampaignStore } from '../campaign-store.ts';
import type { Ledger } from '../ledger.ts';
import type { LedgerTx } from '../ledger-store.ts';
import { actionFor, type Action, type Meta, type StripeEventLike } from './events.ts';
import type { InvoicePayments } from './invoice-payments.ts';

export type Outcome = 'processed' | 'duplicate' | 'ignored' | 'deferred';

export interface WebhookDeps {
  ledger: Ledger;
  campaigns: CampaignStore;
  /** Stripe's InvoicePayment list (absent without STRIPE_SECRET_KEY: events are taken as they come). */
  invoicePayments?: InvoicePayments | null;
  now?: () => number;
}

const unique = (ids: string[]) => [...new Set(ids)];

export function createStripeWebhook(deps: WebhookDeps) {
  const now = deps.now ?? Date.now;

  /** The campaign the metadata names, if it is that site's. Read before the transaction. */
  async function campaignOf(meta: Meta | null) {
    if (!meta) return undefined;
    const campaign = await deps.campaigns.find(meta.campaign);
    return campaign && campaign.site_id === meta.site ? campaign : undefined;
  }

  /**
   * Completes what newer API versions leave out, before the transaction (no network inside it):
   * an invoice's PaymentIntent, so later refunds find the renewal by it; a refunded or disputed
   * PaymentIntent's invoice, for renewals recorded by invoice id alone. A failed lookup fails
   * the delivery (500), and Stripe retries it.
   */
  async function complete(action: Action): Promise<Action> {
    const lookup = deps.invoicePayments;
    if (!lookup) return action;
    if (action.type === 'payment' && action.lookupInvoice) {
      return { ...action, refs: unique([...(await lookup.paymentIntentsOf(action.lookupInvoice)), ...action.refs]) };
    }
    if (action.type === 'reversal' && action.lookupPaymentIntent && !(await deps.ledger.hasPayment(action.reversal.refs))) {
      const invoices = await lookup.invoicesOf(action.lookupPaymentIntent);
      return { ...action, reversal: { ...action.reversal, refs: unique([...action.reversal.refs, ...invoices]) } };
    }
    return action;
  }

  async function apply(tx: LedgerTx, eventId: string, action: Action, campaign: Awaited<ReturnType<typeof campaignOf>>): Promise<Outcome> {
    const ignore = async (reason: string) => {
      await tx.setEventStatus(eventId, 'ignored', reason);
      return 'ignored' as const;
    };
    switch (action.type) {
      case 'ignore':
        return ignore(action.reason);
      case 'payment': {
        if (!campaign) return ignore(`unknown campaign ${action.meta.campaign} of site ${action.meta.site}`);
        const entry = await deps.ledger.payment(tx, { ...action, campaign, kind: 'donation', provider: 'stripe' });
        return entry ? 'processed' : ignore(`already in the ledger as ${action.providerId}`);
      }
      case 'reversal': {
        const outcome = await deps.ledger.reversal(tx, action.reversal);
        if (outcome === 'deferred') {
          await tx.deferEvent(eventId, action.reversal.refs[0] ?? null, JSON.stringify(action.reversal));
          return 'deferred';
        }
        return outcome === 'recorded' ? 'processed' : ignore('already reflected in the ledger');
      }
      case 'subscription': {
        await tx.upsertSubscription({
          id: action.id,
          provider: 'stripe',
          site_id: campaign?.site_id ?? null,
          campaign_id: campaign?.id ?? null,
          status: action.status,
          amount: action.amount,
          currency: action.currency,
          donor_name: action.meta?.anonymous === false ? action.meta.name : null,
          anonymous: action.meta?.anonymous === false ? 0 : 1,
          created_at: action.occurredAt,
          updated_at: now(),
        });
        return 'processed';
      }
    }
  }

  return {
    async handle(event: StripeEventLike): Promise<Outcome> {
      const action = await complete(actionFor(event));
      const campaign = action.type === 'payment' || action.type === 'subscription' ? await campaignOf(action.meta) : undefined;
      return deps.ledger.transaction(async (tx) => {
        const fresh = await tx.claimEvent({ id: event.id, provider: 'stripe', type: event.type, status: 'processed', ref: null, payload: null, detail: null, received_at: now() });
        if (!fresh) return 'duplicate';
        return apply(tx, event.id, action, campaign);
      });
    },
  };
}

export type StripeWebhook = ReturnType<typeof createStripeWebhook>;
