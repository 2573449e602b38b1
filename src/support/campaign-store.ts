// SQL for campaigns, their totals rows, per-site "Support us" settings and the audit trail.
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { SupportCampaignsTable, SupportTotalsTable } from './tables.ts';

export type CampaignRow = SupportCampaignsTable;
export type TotalsRow = SupportTotalsTable;
export type CampaignPatch = Partial<Omit<CampaignRow, 'id' | 'site_id' | 'created_at'>>;

/**
 * Bumps the support version: every write to campaigns or the ledger does this first, in its
 * transaction. The single row serialises those writers on PostgreSQL (SQLite serialises
 * writers anyway), and cached public responses are keyed by the version, on every node.
 */
export async function bumpVersion(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('support_version')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

export function createCampaignStore(db: Db) {
  return {
    async version(): Promise<number> {
      const row = await db.selectFrom('support_version').select('seq').where('id', '=', 1).executeTakeFirst();
      return Number(row?.seq ?? 0);
    },

    find(id: string): Promise<CampaignRow | undefined> {
      return db.selectFrom('support_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The site's campaign to show: the latest started active one (it may have ended). */
    current(siteId: string, now: number): Promise<CampaignRow | undefined> {
      return db
        .selectFrom('support_campaigns')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('status', '=', 'active')
        .where('starts_at', '<=', now)
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    list(siteId: string): Promise<CampaignRow[]> {
      return db.selectFrom('support_campaigns').selectAll().where('site_id', '=', siteId).orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
    },

    totals(campaignId: string): Promise<TotalsRow | undefined> {
      return db.selectFrom('support_totals').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
    },

    /** Creates a campaign with its zero totals; `exclusive` archives the site's other active ones. */
    async insert(row: CampaignRow, exclusive: boolean): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await bumpVersion(trx);
        if (exclusive && row.status === 'active') await archiveOthers(trx, row.site_id, row.id, row.created_at);
        await trx.insertInto('support_campaigns').values(row).execute();
        await trx
          .insertInto('support_totals')
          .values({ campaign_id: row.id, raised: 0, refunded: 0, donors: 0, entries: 0, updated_at: row.created_at })
          .execute();
      });
    },

    async update(id: string, siteId: string, patch: CampaignPatch, exclusive: boolean): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await bumpVersion(trx);
        if (exclusive && patch.status === 'active') await archiveOthers(trx, siteId, id, patch.updated_at ?? Date.now());
        await trx.updateTable('support_campaigns').set(patch).where('id', '=', id).execute();
      });
    },

    async settings(siteId: string): Promise<string | null> {
      const row = await db.selectFrom('support_settings').select('settings').where('site_id', '=', siteId).executeTakeFirst();
      return row?.settings ?? null;
    },

    async saveSettings(siteId: string, settings: string, at: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await bumpVersion(trx);
        await trx
          .insertInto('support_settings')
          .values({ site_id: siteId, settings, updated_at: at })
          .onConflict((oc) => oc.column('site_id').doUpdateSet({ settings, updated_at: at }))
          .execute();
      });
    },

    async audit(entry: { id: string; site_id: string; actor: string; action: string; target: string; detail: string; at: number }, trx?: Transaction<Database>): Promise<void> {
      await (trx ?? db).insertInto('support_audit').values(entry).execute();
    },

    auditLog(siteId: string, limit: number) {
      return db.selectFrom('support_audit').selectAll().where('site_id', '=', siteId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

async function archiveOthers(trx: Transaction<Database>, siteId: string, keepId: string, at: number): Promise<void> {
  await trx
    .updateTable('support_campaigns')
    .set({ status: 'archived', updated_at: at })
    .where('site_id', '=', siteId)
    .where('status', '=', 'active')
    .where('id', '!=', keepId)
    .execute();
}

export type CampaignStore = ReturnType<typeof createCampaignStore>;
