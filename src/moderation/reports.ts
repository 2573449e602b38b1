// Reader reports: one per reader per comment; when the weighted reports of distinct readers
// reach the site's threshold the comment is hidden pending review. Readers whose reports
// moderators dismiss count less next time; upheld reports win weight back.
import type { Transaction } from 'kysely';
import type { CommentModeration } from '../comments/moderation.ts';
import type { Database } from '../platform/schema.ts';
import type { CommentRow } from '../comments/store.ts';
import { isVisible } from '../comments/visibility.ts';
import { conflict, forbidden, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Site } from '../sites/service.ts';
import type { Reason } from './phase.ts';
import type { ReportRow, ReportStore } from './report-store.ts';
import type { ModerationService } from './service.ts';
import { siteModeration } from './site-settings.ts';
import type { ReportReason } from './tables.ts';

export const WEIGHT = { initial: 1, dismissedFactor: 0.5, floor: 0.1, upheldStep: 0.25, ceiling: 1 } as const;

/** Durable side effects of a new report, written in its transaction (the moderators' alert). */
export interface ReportEffects {
  reported(trx: Transaction<Database>, report: { commentId: string; reason: string; note: string | null; round: string }): Promise<void>;
}

export interface ReportDeps {
  store: ReportStore;
  comments: CommentModeration;
  record: ModerationService['record'];
  effects?: ReportEffects;
  now?: () => number;
}

export function reportView(row: ReportRow, weight: number) {
  return {
    id: row.id, commentId: row.comment_id, site: row.site_id, reason: row.reason, note: row.note,
    reporter: { key: row.reporter_key, weight }, status: row.status, createdAt: new Date(row.created_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(), resolvedBy: row.resolved_by,
  };
}

export function createReportService({ store, comments, record, effects, now = Date.now }: ReportDeps) {
  /** Hides the comment when its open reports weigh enough; true when it did. */
  async function checkThreshold(site: Site, comment: CommentRow): Promise<boolean> {
    const tally = (await store.openTallies([comment.id])).get(comment.id);
    const { threshold } = siteModeration(site).reports;
    if (!tally || tally.weight < threshold - 1e-9) return false;
    const applied = await comments.setStatus(comment.id, 'pending', false);
    if (!applied || isVisible(applied.after)) return false;
    const top = Object.entries(tally.byReason).sort((a, b) => b[1] - a[1])[0]?.[0];
    const reason: Reason = {
      phase: 'reports', rule: 'reports.threshold', category: top, score: Math.round(tally.weight * 100) / 100,
      detail: `${tally.open} reader report${tally.open === 1 ? '' : 's'} (weight ${tally.weight.toFixed(2)} ≥ ${threshold})`,
    };
    await record(comment.id, site.id, 'reports', { status: 'pending', shadow: false, reasons: [reason], timings: [], ms: null });
    return true;
  }

  return {
    async report(site: Site, comment: CommentRow, reporterKey: string, reason: ReportReason, note: string | null): Promise<void> {
      if (!comment.listed || !isVisible(comment)) throw notFound('comment_not_found', 'No such comment');
      if (comment.author_key === reporterKey) throw forbidden('own_comment', 'You cannot report your own comment');
      const weight = (await store.weights(site.id, [reporterKey])).get(reporterKey) ?? WEIGHT.initial;
      const at = now();
      const inserted = await store.insert({
        id: newId(at), comment_id: comment.id, site_id: site.id, reporter_key: reporterKey, reason, note, weight,
        status: 'open', created_at: at, resolved_at: null, resolved_by: null,
      }, effects && ((trx, round) => effects.reported(trx, { commentId: comment.id, reason, note, round })));
      if (!inserted) throw conflict('already_reported', 'You already reported this comment');
      await checkThreshold(site, comment);
    },

    /** Closes the comment's open reports; reporters lose or win weight. Returns those closed. */
    async resolve(siteId: string, commentId: string, resolution: 'upheld' | 'dismissed', by: string): Promise<ReportRow[]> {
      const closed = await store.resolveOpen(commentId, resolution, by, now());
      const keys = [...new Set(closed.map((r) => r.reporter_key))];
      const weights = await store.weights(siteId, keys);
      for (const key of keys) {
        const current = weights.get(key) ?? WEIGHT.initial;
        const next = resolution === 'dismissed' ? Math.max(WEIGHT.floor, current * WEIGHT.dismissedFactor) : Math.min(WEIGHT.ceiling, current + WEIGHT.upheldStep);
        await store.setWeight(siteId, key, next, resolution);
      }
      return closed;
    },

    async list(siteId: string, status: ReportRow['status'] | 'all', beforeId: string | null, limit: number) {
      const rows = await store.list(siteId, status, beforeId, limit + 1);
      const page = rows.slice(0, limit);
      const weights = await store.weights(siteId, [...new Set(page.map((r) => r.reporter_key))]);
      return { reports: page.map((r) => reportView(r, weights.get(r.reporter_key) ?? WEIGHT.initial)), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
    },

    async forComment(siteId: string, commentId: string) {
      const rows = await store.forComment(commentId);
      const weights = await store.weights(siteId, [...new Set(rows.map((r) => r.reporter_key))]);
      return rows.map((r) => reportView(r, weights.get(r.reporter_key) ?? WEIGHT.initial));
    },

    openTallies: store.openTallies,
    reportedComments: store.reportedComments,
    countReported: store.countReported,
  };
}

export type ReportService = ReturnType<typeof createReportService>;
