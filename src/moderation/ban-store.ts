// The only SQL for moderation_bans.
import type { Db } from '../platform/db.ts';
import type { BanKind, ModerationBansTable } from './tables.ts';

export type BanRow = ModerationBansTable;

export function createBanStore(db: Db) {
  const active = (siteId: string, at: number) =>
    db
      .selectFrom('moderation_bans')
      .selectAll()
      .where('site_id', '=', siteId)
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]));

  return {
    async insert(row: BanRow): Promise<void> {
      await db.insertInto('moderation_bans').values(row).execute();
    },

    find(id: string): Promise<BanRow | undefined> {
      return db.selectFrom('moderation_bans').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Bans in force at `at` on any of these identities. */
    matching(siteId: string, keys: Array<{ kind: BanKind; value: string }>, at: number): Promise<BanRow[]> {
      if (keys.length === 0) return Promise.resolve([]);
      return active(siteId, at)
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('kind', '=', k.kind), eb('value', '=', k.value)]))))
        .orderBy('id', 'desc')
        .execute();
    },

    /** Newest first, before the cursor id; only those in force when `activeAt` is given. */
    list(siteId: string, activeAt: number | null, beforeId: string | null, limit: number): Promise<BanRow[]> {
      let query = activeAt === null ? db.selectFrom('moderation_bans').selectAll().where('site_id', '=', siteId) : active(siteId, activeAt);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },

    /** Lifts a ban not lifted yet; false when it already was. */
    async lift(id: string, by: string, at: number): Promise<boolean> {
      const result = await db.updateTable('moderation_bans').set({ lifted_at: at, lifted_by: by }).where('id', '=', id).where('lifted_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type BanStore = ReturnType<typeof createBanStore>;
