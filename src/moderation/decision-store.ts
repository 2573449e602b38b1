// The only SQL for moderation_decisions: every decision on a comment, with its reasons.
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { ModerationDecisionsTable } from './tables.ts';

export type DecisionRow = ModerationDecisionsTable;

export function createDecisionStore(db: Db) {
  return {
    /** In `trx` when given: the pipeline's decision commits with the comment it is about. */
    async insert(row: DecisionRow, trx: Db | Transaction<Database> = db): Promise<void> {
      await trx.insertInto('moderation_decisions').values(row).execute();
    },

    /** Every decision on these comments, oldest first. */
    forComments(commentIds: string[]): Promise<DecisionRow[]> {
      if (commentIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('moderation_decisions').selectAll().where('comment_id', 'in', commentIds).orderBy('comment_id').orderBy('id').execute();
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
