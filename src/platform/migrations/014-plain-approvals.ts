import type { Kysely } from 'kysely';
import { plainApprovalRow } from '../../moderation/decision-store.ts';

// Most new comments are approved by the pipeline with no reasons. Such a decision is kept on
// the comment row (its timings) instead of a row of moderation_decisions, whose B-tree page
// each comment's commit wrote to the WAL besides the comment's own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('pipeline_timings', 'text').execute();
}

/** Back to a decision row for every kept approval, then without the column. */
export async function down(db: Kysely<any>): Promise<void> {
  for (;;) {
    const kept = await db.selectFrom('comments').select(['id', 'site_id', 'created_at', 'pipeline_timings']).where('pipeline_timings', 'is not', null).limit(500).execute();
    if (kept.length === 0) break;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('moderation_decisions').values(kept.map((comment) => plainApprovalRow(comment)!)).execute();
      await trx.updateTable('comments').set({ pipeline_timings: null }).where('id', 'in', kept.map((c) => c.id)).execute();
    });
  }
  await db.schema.alterTable('comments').dropColumn('pipeline_timings').execute();
}
