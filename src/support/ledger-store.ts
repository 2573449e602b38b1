// SQL for the append-only ledger and what is derived from it (totals, donors), and for the
// record of webhook events. Entries are inserted, never updated or deleted.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import { bumpVersion } from './campaign-store.ts';
import type { SupportLedgerTable, SupportSubscriptionsTable, SupportWebhookEventsTable } from './tables.ts';

export type LedgerRow = SupportLedgerTable;
export type NewEntry = Omit<LedgerRow, 'seq'>;
export type Trx = Transaction<Database>;

/** Totals as derived from the ledger: what support_totals must hold. */
export interface Derived {
  campaignId: string;
  raised: number;
  refunded: number;
  donors: number;
  entries: number;
}

/** One ledger transaction: the version row is locked, so ledger writers run one at a time. */
export interface LedgerTx {
  trx: Trx;
  seq: number;
  /** Records a webhook event; false when it was recorded before (a duplicate delivery). */
  claimEvent(row: SupportWebhookEventsTable): Promise<boolean>;
  setEventStatus(id: string, status: string, detail?: string | null): Promise<void>;
  /** Appends an entry and updates the totals; null when its provider id is already there. */
  append(entry: NewEntry): Promise<LedgerRow | null>;
  /** The original payment a later entry refers to (by PaymentIntent, invoice or charge id). */
  findPayment(refs: string[]): Promise<LedgerRow | undefined>;
  /** Sum of the entries of a kind that refer to a payment (negative for reversals). */
  sumFor(ref: string, kind: LedgerRow['kind']): Promise<{ amount: number; amountCampaign: number }>;
  deferredFor(refs: string[]): Promise<SupportWebhookEventsTable[]>;
  /** Keeps an event whose payment is not in the ledger yet, to apply when it arrives. */
  deferEvent(id: string, ref: string | null, payload: string): Promise<void>;
  /** Records a subscription; a cancellation is final, even if it arrives before the start. */
  upsertSubscription(row: SupportSubscriptionsTable): Promise<void>;
}

const num = (v: unknown) => Number(v ?? 0);

/** The original payment (a positive donation or manual entry) that any of `refs` names. */
function paymentByRefs(exec: Db | Trx, refs: string[]): Promise<LedgerRow | undefined> {
  return exec
    .selectFrom('support_ledger')
    .selectAll()
    .where((eb) => eb.or([eb('provider_ref', 'in', refs), eb('provider_id', 'in', refs)]))
    .where('kind', 'in', ['donation', 'manual'])
    .where('amount', '>', 0)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export function createLedgerStore(db: Db) {
  function tx(trx: Trx, seq: number): LedgerTx {
    return {
      trx,
      seq,
      async claimEvent(row) {
        const result = await trx.insertInto('support_webhook_events').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
      },
      async setEventStatus(id, status, detail = null) {
        await trx.updateTable('support_webhook_events').set({ status, detail }).where('id', '=', id).execute();
      },
      async append(entry) {
        const inserted = await trx
          .insertInto('support_ledger')
          .values({ ...entry, seq })
          .onConflict((oc) => oc.columns(['provider', 'provider_id']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!inserted) return null;
        if (inserted.status === 'counted') await addToTotals(trx, inserted);
        return inserted;
      },
      findPayment: (refs) => paymentByRefs(trx, refs),
      async sumFor(ref, kind) {
        const row = await trx
          .selectFrom('support_ledger')
          .select((eb) => [eb.fn.sum<number>('amount').as('amount'), eb.fn.sum<number>('amount_campaign').as('campaign')])
          .where('provider_ref', '=', ref)
          .where('kind', '=', kind)
          .executeTakeFirst();
        return { amount: num(row?.amount), amountCampaign: num(row?.campaign) };
      },
      deferredFor(refs) {
        return trx.selectFrom('support_webhook_events').selectAll().where('status', '=', 'deferred').where('ref', 'in', refs).orderBy('received_at').orderBy('id').execute();
      },
      async deferEvent(id, ref, payload) {
        await trx.updateTable('support_webhook_events').set({ status: 'deferred', ref, payload, detail: 'waiting for the payment it reverses' }).where('id', '=', id).execute();
      },
      async upsertSubscription(row) {
        await trx
          .insertInto('support_subscriptions')
          .values(row)
          .onConflict((oc) =>
            oc.column('id').doUpdateSet((eb) => ({
              status: row.status === 'canceled' ? 'canceled' : eb.ref('support_subscriptions.status'),
              site_id: eb.fn.coalesce('support_subscriptions.site_id', eb.ref('excluded.site_id')),
              campaign_id: eb.fn.coalesce('support_subscriptions.campaign_id', eb.ref('excluded.campaign_id')),
              amount: eb.fn.coalesce('support_subscriptions.amount', eb.ref('excluded.amount')),
              currency: eb.fn.coalesce('support_subscriptions.currency', eb.ref('excluded.currency')),
              donor_name: eb.fn.coalesce('support_subscriptions.donor_name', eb.ref('excluded.donor_name')),
              updated_at: row.updated_at,
            })),
          )
          .execute();
      },
    };
  }

  return {
    /** Whether a payment is recorded already: a plain read, outside the ledger lock. */
    hasPayment: async (refs: string[]) => refs.length > 0 && !!(await paymentByRefs(db, refs)),

    /** Runs `fn` in one transaction that holds the ledger lock (the version row). */
    transaction<T>(fn: (tx: LedgerTx) => Promise<T>): Promise<T> {
      return db.transaction().execute(async (trx) => fn(tx(trx, await bumpVersion(trx))));
    },

    /** Totals recomputed from the ledger alone, for every campaign with a totals row. */
    async derive(exec: Db | Trx = db): Promise<Derived[]> {
      const sums = await exec
        .selectFrom('support_totals as t')
        .leftJoin('support_ledger as l', (join) => join.onRef('l.campaign_id', '=', 't.campaign_id').on('l.status', '=', 'counted'))
        .select((eb) => [
          't.campaign_id',
          eb.fn.coalesce(eb.fn.sum<number>('l.amount_campaign'), sql<number>`0`).as('raised'),
          eb.fn.coalesce(eb.fn.sum<number>(sql`case when l.amount_campaign < 0 then -l.amount_campaign else 0 end`), sql<number>`0`).as('refunded'),
          eb.fn.count<number>('l.id').as('entries'),
        ])
        .groupBy('t.campaign_id')
        .orderBy('t.campaign_id')
        .execute();
      const donors = await exec
        .selectFrom(
          exec
            .selectFrom('support_ledger')
            .select((eb) => ['campaign_id', 'donor_key', eb.fn.sum<number>('amount_campaign').as('net')])
            .where('status', '=', 'counted')
            .groupBy(['campaign_id', 'donor_key'])
            .as('d'),
        )
        .select((eb) => ['d.campaign_id', eb.fn.countAll<number>().as('n')])
        .where('d.net', '>', 0)
        .groupBy('d.campaign_id')
        .execute();
      const donorsOf = new Map(donors.map((d) => [d.campaign_id, num(d.n)]));
      return sums.map((s) => ({ campaignId: s.campaign_id, raised: num(s.raised), refunded: num(s.refunded), entries: num(s.entries), donors: donorsOf.get(s.campaign_id) ?? 0 }));
    },

    async storedTotals(): Promise<Derived[]> {
      const rows = await db.selectFrom('support_totals').selectAll().orderBy('campaign_id').execute();
      return rows.map((r) => ({ campaignId: r.campaign_id, raised: num(r.raised), refunded: num(r.refunded), donors: num(r.donors), entries: num(r.entries) }));
    },

    /** Rewrites the totals and donor rows from the ledger, under the ledger lock. */
    async rebuild(at: number): Promise<void> {
      await this.transaction(async ({ trx }) => {
        await trx.deleteFrom('support_donors').execute();
        await trx
          .insertInto('support_donors')
          .columns(['campaign_id', 'donor_key', 'net'])
          .expression((eb) =>
            eb
              .selectFrom('support_ledger')
              .select((e) => ['campaign_id', 'donor_key', e.fn.sum<number>('amount_campaign').as('net')])
              .where('status', '=', 'counted')
              .groupBy(['campaign_id', 'donor_key']),
          )
          .execute();
        for (const d of await this.derive(trx)) {
          await trx
            .updateTable('support_totals')
            .set({ raised: d.raised, refunded: d.refunded, donors: d.donors, entries: d.entries, updated_at: at })
            .where('campaign_id', '=', d.campaignId)
            .execute();
        }
      });
    },
  };
}

/** The same transaction as the entry: totals and the donor's net move with it or not at all. */
async function addToTotals(trx: Trx, entry: LedgerRow): Promise<void> {
  const delta = Number(entry.amount_campaign);
  const donor = await trx
    .insertInto('support_donors')
    .values({ campaign_id: entry.campaign_id, donor_key: entry.donor_key, net: delta })
    .onConflict((oc) => oc.columns(['campaign_id', 'donor_key']).doUpdateSet((eb) => ({ net: eb('support_donors.net', '+', eb.ref('excluded.net')) })))
    .returning('net')
    .executeTakeFirstOrThrow();
  const after = Number(donor.net);
  const before = after - delta;
  const donorsDelta = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
  await trx
    .updateTable('support_totals')
    .set((eb) => ({
      raised: eb('raised', '+', delta),
      refunded: eb('refunded', '+', delta < 0 ? -delta : 0),
      donors: eb('donors', '+', donorsDelta),
      entries: eb('entries', '+', 1),
      updated_at: entry.created_at,
    }))
    .where('campaign_id', '=', entry.campaign_id)
    .execute();
}

export type LedgerStore = ReturnType<typeof createLedgerStore>;
