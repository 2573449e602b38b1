// The only SQL for moderation_decisions: every decision on a comment, with its reasons.
import { CompiledQuery, type Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { ModerationDecisionsTable } from './tables.ts';

export type DecisionRow = ModerationDecisionsTable;

const COLUMNS = ['id', 'comment_id', 'site_id', 'source', 'status', 'shadow', 'reasons', 'timings', 'ms', 'actor_id', 'at'] as const satisfies readonly (keyof DecisionRow)[];

export function createDecisionStore(db: Db) {
  // One decision is written with every comment: its INSERT is compiled once (Kysely would
  // build and compile the same statement again each time, which cost about what SQLite's
  // own insert does).
  let insertSql: string | undefined;

  return {
    /** In `trx` when given: the pipeline's decision commits with the comment it is about. */
    async insert(row: DecisionRow, trx: Db | Transaction<Database> = db): Promise<void> {
      const values = COLUMNS.map((column) => row[column]);
      // Compiled from a row whose keys are in COLUMNS order, so its placeholders take `values` as they are.
      insertSql ??= db.insertInto('moderation_decisions').values(Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])) as unknown as DecisionRow).compile().sql;
      await trx.executeQuery(CompiledQuery.raw(insertSql, values));
    },

    /** Every decision on these comments, oldest first. */
    forComments(commentIds: string[]): Promise<DecisionRow[]> {
      if (commentIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('moderation_decisions').selectAll().where('comment_id', 'in', commentIds).orderBy('comment_id').orderBy('id').execute();
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
