// The only SQL for moderation_decisions: every decision on a comment, with its reasons. The
// pipeline's plain approval of a new comment (no reasons, not shadow) has no row: the comment
// row keeps its timings (`comments.pipeline_timings`) and it is read back as the first decision.
import { CompiledQuery, type Transaction } from 'kysely';
import type { CommentRow } from '../comments/store.ts';
import { compileWithParameters } from '../platform/compiled-sql.ts';
import type { Db } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { PhaseTiming } from './phase.ts';
import type { ModerationDecisionsTable } from './tables.ts';

export type DecisionRow = ModerationDecisionsTable;

/** What decisions are read for: a comment, and the plain approval its row may keep. */
export type DecidedComment = Pick<CommentRow, 'id' | 'site_id' | 'created_at' | 'pipeline_timings'>;

const COLUMNS = ['id', 'comment_id', 'site_id', 'source', 'status', 'shadow', 'reasons', 'timings', 'ms', 'actor_id', 'at'] as const satisfies readonly (keyof DecisionRow)[];

/**
 * A plain approval as the comment row keeps it, in whole microseconds: "total|phase=µs,phase=µs".
 * A row of its own cost each comment a page of another B-tree in the WAL (docs/BENCHMARKS.md,
 * fifth pass); whole numbers print faster than fractions of a millisecond.
 */
export function encodePlainApproval(ms: number, timings: readonly PhaseTiming[]): string {
  let out = `${Math.round(ms * 1000)}|`;
  for (let i = 0; i < timings.length; i++) out += `${i ? ',' : ''}${timings[i]!.phase}=${Math.round(timings[i]!.ms * 1000)}`;
  return out;
}

const fromMicros = (text: string) => Number(text) / 1000;

/** The decision row a comment's kept plain approval stands for; null when it keeps none. */
export function plainApprovalRow(comment: DecidedComment): DecisionRow | null {
  const kept = comment.pipeline_timings;
  if (!kept) return null;
  const bar = kept.indexOf('|');
  const timings = kept.slice(bar + 1).split(',').filter(Boolean).map((pair): PhaseTiming => {
    const eq = pair.lastIndexOf('=');
    return { phase: pair.slice(0, eq), ms: fromMicros(pair.slice(eq + 1)) };
  });
  return {
    id: comment.id, comment_id: comment.id, site_id: comment.site_id, source: 'pipeline', status: 'approved', shadow: 0,
    reasons: '[]', timings: JSON.stringify(timings), ms: fromMicros(kept.slice(0, bar)), actor_id: null, at: comment.created_at,
  };
}

export function createDecisionStore(db: Db) {
  // A decision is written with many comments: its INSERT is compiled once (compiled-sql.ts).
  let insertSql: string | undefined;

  return {
    /** In `trx` when given: the pipeline's decision commits with the comment it is about. */
    async insert(row: DecisionRow, trx: Db | Transaction<Database> = db): Promise<void> {
      const values = COLUMNS.map((column) => row[column]);
      insertSql ??= compileWithParameters(db.insertInto('moderation_decisions').values(Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])) as unknown as DecisionRow), values);
      await trx.executeQuery(CompiledQuery.raw(insertSql, values));
    },

    /** Every decision on these comments by comment, each one's oldest first (a kept plain approval is its first). */
    async forComments(comments: readonly DecidedComment[]): Promise<DecisionRow[]> {
      if (comments.length === 0) return [];
      const stored = await db.selectFrom('moderation_decisions').selectAll().where('comment_id', 'in', comments.map((c) => c.id)).orderBy('comment_id').orderBy('id').execute();
      const kept = comments.map(plainApprovalRow).filter((row): row is DecisionRow => row !== null);
      if (kept.length === 0) return stored;
      // Stable: within a comment, the kept approval (first in the array) stays before its rows.
      return [...kept, ...stored].sort((a, b) => (a.comment_id < b.comment_id ? -1 : a.comment_id > b.comment_id ? 1 : 0));
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
