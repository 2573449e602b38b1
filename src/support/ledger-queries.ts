// Read-only ledger queries for the console: filtered listing (and CSV), totals by day.
import type { Db } from '../platform/db.ts';
import type { LedgerRow } from './ledger-store.ts';
import type { LedgerKind } from './tables.ts';

export interface LedgerFilter {
  siteId: string;
  campaignId?: string;
  kind?: LedgerKind;
  provider?: string;
  status?: 'counted' | 'unconverted';
  /** The gift's currency, upper case. */
  currency?: string;
  from?: number;
  to?: number;
  /** Part of a donor name, e-mail, provider id or note. */
  q?: string;
  /** Entries older than this id (pages go newest first). */
  before?: string;
  limit: number;
}

export function createLedgerQueries(db: Db) {
  return {
    list(f: LedgerFilter): Promise<LedgerRow[]> {
      let query = db.selectFrom('support_ledger').selectAll().where('site_id', '=', f.siteId);
      if (f.campaignId) query = query.where('campaign_id', '=', f.campaignId);
      if (f.kind) query = query.where('kind', '=', f.kind);
      if (f.provider) query = query.where('provider', '=', f.provider);
      if (f.status) query = query.where('status', '=', f.status);
      if (f.currency) query = query.where('currency', '=', f.currency);
      if (f.from !== undefined) query = query.where('occurred_at', '>=', f.from);
      if (f.to !== undefined) query = query.where('occurred_at', '<', f.to);
      if (f.before) query = query.where('id', '<', f.before);
      if (f.q) {
        const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or(
            (['donor_name', 'donor_email', 'provider_id', 'note'] as const).map((column) => eb(eb.fn('lower', [eb.fn.coalesce(column, eb.val(''))]), 'like', like)),
          ),
        );
      }
      return query.orderBy('id', 'desc').limit(f.limit).execute();
    },

    /** Counted amounts (campaign currency) summed per UTC day of when the money moved. */
    async daily(campaignId: string, from?: number, to?: number): Promise<Array<{ day: string; raised: number; refunded: number; entries: number }>> {
      let query = db.selectFrom('support_ledger').select(['amount_campaign', 'occurred_at']).where('campaign_id', '=', campaignId).where('status', '=', 'counted');
      if (from !== undefined) query = query.where('occurred_at', '>=', from);
      if (to !== undefined) query = query.where('occurred_at', '<', to);
      const days = new Map<string, { day: string; raised: number; refunded: number; entries: number }>();
      for (const row of await query.orderBy('occurred_at').execute()) {
        const day = new Date(Number(row.occurred_at)).toISOString().slice(0, 10);
        let d = days.get(day);
        if (!d) days.set(day, (d = { day, raised: 0, refunded: 0, entries: 0 }));
        const amount = Number(row.amount_campaign);
        d.raised += amount;
        if (amount < 0) d.refunded -= amount;
        d.entries += 1;
      }
      return [...days.values()];
    },
  };
}

export type LedgerQueries = ReturnType<typeof createLedgerQueries>;
