// The ledger's rules: payments in, reversals (refunds, chargebacks) as new negative entries,
// conversion into the campaign's currency, reversals that arrive before their payment, and
// the proof that the cached totals are what the ledger says.
import { newId } from '../platform/ids.ts';
import { keyedHash } from '../platform/secrets.ts';
import type { CampaignRow } from './campaign-store.ts';
import { minorDigits } from './format.ts';
import type { Derived, LedgerRow, LedgerStore, LedgerTx } from './ledger-store.ts';
import type { LedgerKind } from './tables.ts';

export interface Donor {
  name: string | null;
  anonymous: boolean;
  /** Private: never public; used to thank and to recognise a returning donor. */
  email: string | null;
  /** A stable provider identity (a Stripe customer) when there is no e-mail. */
  key?: string | null;
}

export interface Payment {
  campaign: CampaignRow;
  kind: 'donation' | 'manual';
  provider: string;
  providerId: string;
  /** Ids later reversals may name: the PaymentIntent, the invoice. The first is stored. */
  refs: string[];
  amount: number;
  currency: string;
  /** A conversion the provider or admin supplied: the amount in `currency` (the campaign's, if given) and/or the rate. */
  converted?: { amountCampaign?: number; rate?: string; currency?: string };
  interval: 'once' | 'month';
  donor: Donor;
  occurredAt: number;
  note?: string | null;
  createdBy?: string | null;
}

export interface Reversal {
  kind: Exclude<LedgerKind, 'donation' | 'manual'>;
  provider: string;
  providerId: string;
  /** Ids that may name the original payment. */
  refs: string[];
  /** For refunds: the total refunded so far on that payment (Stripe sends it cumulative). */
  cumulative?: number;
  /** For chargebacks and reinstatements: this movement's amount, positive. */
  amount?: number;
  currency: string;
  occurredAt: number;
}

export interface ThankYouMail {
  /** The ledger entry thanked for: one e-mail per entry, however often the event is delivered. */
  entryId: string;
  to: string;
  siteId: string;
  campaignId: string;
  campaignTitle: string;
  donorName: string | null;
  amount: number;
  currency: string;
  interval: 'once' | 'month';
  text: string;
}

/** Queues the thank-you e-mail in the same transaction as the entry (the notification outbox). */
export type ThankYou = (tx: LedgerTx, mail: ThankYouMail) => Promise<void>;

export interface LedgerDeps {
  store: LedgerStore;
  secret: string;
  thank?: ThankYou;
  /** Told after a transaction that appended entries commits, once per site (live goal bars). */
  changed?: (siteId: string) => void;
  now?: () => number;
}

/** Minor units of `currency` into the campaign's, at `rate` (campaign units per unit). */
export function convertAmount(amount: number, currency: string, rate: string, target: string): number {
  const shift = minorDigits(target) - minorDigits(currency);
  return Math.round(amount * Number(rate) * 10 ** shift);
}

export function createLedger(deps: LedgerDeps) {
  const now = deps.now ?? Date.now;

  function donorKey(p: Payment): string {
    if (p.donor.email) return keyedHash(deps.secret, 'donor', p.donor.email.toLowerCase());
    return p.donor.key ? `${p.provider}:${p.donor.key}` : `${p.provider}:${p.providerId}`;
  }

  function conversion(p: Payment): Pick<LedgerRow, 'amount_campaign' | 'rate' | 'status'> {
    const target = p.campaign.currency;
    if (p.currency === target) return { amount_campaign: p.amount, rate: null, status: 'counted' };
    const { amountCampaign, rate, currency } = p.converted ?? {};
    if (amountCampaign !== undefined && (currency ?? target) === target) return { amount_campaign: Math.sign(p.amount) * Math.abs(amountCampaign), rate: rate ?? null, status: 'counted' };
    if (rate) return { amount_campaign: convertAmount(p.amount, p.currency, rate, target), rate, status: 'counted' };
    return { amount_campaign: 0, rate: null, status: 'unconverted' };
  }

  /** Appends a payment (once per provider id) and then any reversal that was waiting for it. */
  async function payment(tx: LedgerTx, p: Payment): Promise<LedgerRow | null> {
    const at = now();
    const entry = await tx.append({
      id: newId(at),
      site_id: p.campaign.site_id,
      campaign_id: p.campaign.id,
      kind: p.kind,
      provider: p.provider,
      provider_id: p.providerId,
      provider_ref: p.refs[0] ?? null,
      amount: p.amount,
      currency: p.currency,
      ...conversion(p),
      interval: p.interval,
      donor_key: donorKey(p),
      donor_name: p.donor.anonymous ? null : p.donor.name,
      anonymous: p.donor.anonymous ? 1 : 0,
      donor_email: p.donor.email,
      note: p.note ?? null,
      created_by: p.createdBy ?? null,
      occurred_at: p.occurredAt,
      created_at: at,
    });
    if (!entry) return null;
    for (const waiting of await tx.deferredFor([p.providerId, ...p.refs])) {
      const outcome = await reversal(tx, JSON.parse(waiting.payload!) as Reversal);
      await tx.setEventStatus(waiting.id, outcome === 'deferred' ? 'deferred' : 'applied');
    }
    if (p.donor.email && p.campaign.thank_you && p.amount > 0 && deps.thank) {
      await deps.thank(tx, {
        entryId: entry.id,
        to: p.donor.email,
        siteId: p.campaign.site_id,
        campaignId: p.campaign.id,
        campaignTitle: p.campaign.title,
        donorName: p.donor.name,
        amount: p.amount,
        currency: p.currency,
        interval: p.interval,
        text: p.campaign.thank_you,
      });
    }
    return entry;
  }

  /**
   * Appends the negative (or, for a reinstated chargeback, positive) entry for a reversal.
   * 'deferred' when its payment is not in the ledger yet: the caller keeps the event, and
   * payment() applies it when the payment arrives. Refunds are cumulative on Stripe, so an
   * older refund event arriving after a newer one adds nothing.
   */
  async function reversal(tx: LedgerTx, r: Reversal): Promise<'recorded' | 'nothing' | 'deferred'> {
    const original = await tx.findPayment(r.refs);
    if (!original) return 'deferred';
    const ref = original.provider_ref ?? original.provider_id;
    const ratio = (minor: number) => Math.round((minor * Number(original.amount_campaign)) / Number(original.amount));
    let amount: number;
    let amountCampaign: number;
    if (r.kind === 'refund') {
      const before = await tx.sumFor(ref, 'refund');
      const total = Math.min(r.cumulative ?? 0, Number(original.amount));
      amount = -(total + before.amount);
      if (amount >= 0) return 'nothing';
      // Converted from the running total, so a full refund takes back exactly what was counted.
      amountCampaign = -(ratio(total) + before.amountCampaign);
    } else {
      const sign = r.kind === 'chargeback' ? -1 : 1;
      amount = sign * (r.amount ?? 0);
      amountCampaign = sign * ratio(r.amount ?? 0);
    }
    const at = now();
    const entry = await tx.append({
      ...original,
      id: newId(at),
      kind: r.kind,
      provider: r.provider,
      provider_id: r.providerId,
      provider_ref: ref,
      amount,
      amount_campaign: original.status === 'counted' ? amountCampaign : 0,
      note: null,
      created_by: null,
      occurred_at: r.occurredAt,
      created_at: at,
    });
    return entry ? 'recorded' : 'nothing';
  }

  return {
    payment,
    reversal,
    async transaction<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
      const sites = new Set<string>();
      const result = await deps.store.transaction((tx) =>
        fn({
          ...tx,
          append: async (entry) => {
            const row = await tx.append(entry);
            if (row) sites.add(row.site_id);
            return row;
          },
        }),
      );
      for (const site of sites) deps.changed?.(site);
      return result;
    },
    hasPayment: (refs: string[]) => deps.store.hasPayment(refs),

    /** Totals rebuilt from the ledger beside the cached ones, campaign by campaign. */
    async verify(): Promise<{ ok: boolean; campaigns: Array<{ campaignId: string; stored: Derived | null; derived: Derived; match: boolean }> }> {
      const [derived, stored] = await Promise.all([deps.store.derive(), deps.store.storedTotals()]);
      const storedOf = new Map(stored.map((s) => [s.campaignId, s]));
      const campaigns = derived.map((d) => {
        const s = storedOf.get(d.campaignId) ?? null;
        const match = !!s && s.raised === d.raised && s.refunded === d.refunded && s.donors === d.donors && s.entries === d.entries;
        return { campaignId: d.campaignId, stored: s, derived: d, match };
      });
      return { ok: campaigns.every((c) => c.match), campaigns };
    },

    /** Rewrites the cached totals from the ledger. */
    repair: () => deps.store.rebuild(now()),
  };
}

export type Ledger = ReturnType<typeof createLedger>;
