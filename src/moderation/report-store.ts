// The only SQL for moderation_reports and moderation_reporters.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { ModerationReportsTable, ReportStatus } from './tables.ts';

export type ReportRow = ModerationReportsTable;

export interface OpenTally {
  comment_id: string;
  open: number;
  weight: number;
  byReason: Record<string, number>;
}

export function createReportStore(db: Db) {
  return {
    /**
     * False when this reader already reported this comment. `effects` runs in the same
     * transaction (the moderators' alert) with the round: the oldest open report's id.
     */
    insert(row: ReportRow, effects?: (trx: Transaction<Database>, round: string) => Promise<void>): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('moderation_reports')
          .values(row)
          .onConflict((oc) => oc.columns(['comment_id', 'reporter_key']).doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        if (effects) {
          const { first } = await trx
            .selectFrom('moderation_reports')
            .select((eb) => eb.fn.min('id').as('first'))
            .where('comment_id', '=', row.comment_id)
            .where('status', '=', 'open')
            .executeTakeFirstOrThrow();
          await effects(trx, String(first ?? row.id));
        }
        return true;
      });
    },

    /** Open reports per comment: how many, their summed weight, and how many per reason. */
    async openTallies(commentIds: string[]): Promise<Map<string, OpenTally>> {
      const tallies = new Map<string, OpenTally>();
      if (commentIds.length === 0) return tallies;
      const rows = await db
        .selectFrom('moderation_reports')
        .select(['comment_id', 'reason', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum<number>('weight').as('w')])
        .where('comment_id', 'in', commentIds)
        .where('status', '=', 'open')
        .groupBy(['comment_id', 'reason'])
        .execute();
      for (const row of rows) {
        const tally = tallies.get(row.comment_id) ?? { comment_id: row.comment_id, open: 0, weight: 0, byReason: {} };
        tally.open += Number(row.n);
        tally.weight += Number(row.w);
        tally.byReason[row.reason] = Number(row.n);
        tallies.set(row.comment_id, tally);
      }
      return tallies;
    },

    forComment(commentId: string): Promise<ReportRow[]> {
      return db.selectFrom('moderation_reports').selectAll().where('comment_id', '=', commentId).orderBy('id').execute();
    },

    list(siteId: string, status: ReportStatus | 'all', beforeId: string | null, limit: number): Promise<ReportRow[]> {
      let query = db.selectFrom('moderation_reports').selectAll().where('site_id', '=', siteId);
      if (status !== 'all') query = query.where('status', '=', status);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },

    /** Comments with open reports, newest comment first, before the cursor id. */
    async reportedComments(siteId: string, beforeId: string | null, limit: number): Promise<string[]> {
      let query = db.selectFrom('moderation_reports').select('comment_id').distinct().where('site_id', '=', siteId).where('status', '=', 'open');
      if (beforeId) query = query.where('comment_id', '<', beforeId);
      const rows = await query.orderBy('comment_id', 'desc').limit(limit).execute();
      return rows.map((r) => r.comment_id);
    },

    async countReported(siteId: string): Promise<number> {
      const row = await db
        .selectFrom('moderation_reports')
        .select(sql<number>`count(distinct comment_id)`.as('n'))
        .where('site_id', '=', siteId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Closes every open report on the comment; returns those it closed. */
    async resolveOpen(commentId: string, status: 'upheld' | 'dismissed', by: string, at: number): Promise<ReportRow[]> {
      return db
        .updateTable('moderation_reports')
        .set({ status, resolved_at: at, resolved_by: by })
        .where('comment_id', '=', commentId)
        .where('status', '=', 'open')
        .returningAll()
        .execute();
    },

    async weights(siteId: string, keys: string[]): Promise<Map<string, number>> {
      if (keys.length === 0) return new Map();
      const rows = await db.selectFrom('moderation_reporters').select(['reporter_key', 'weight']).where('site_id', '=', siteId).where('reporter_key', 'in', keys).execute();
      return new Map(rows.map((r) => [r.reporter_key, Number(r.weight)]));
    },

    async setWeight(siteId: string, key: string, weight: number, outcome: 'upheld' | 'dismissed'): Promise<void> {
      await db
        .insertInto('moderation_reporters')
        .values({ site_id: siteId, reporter_key: key, weight, upheld: outcome === 'upheld' ? 1 : 0, dismissed: outcome === 'dismissed' ? 1 : 0 })
        .onConflict((oc) =>
          oc.columns(['site_id', 'reporter_key']).doUpdateSet((eb) => ({
            weight,
            [outcome]: eb(`moderation_reporters.${outcome}`, '+', 1),
          })),
        )
        .execute();
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
