// Staff actions on one comment: approve, reject, mark spam, delete, shadow, hold. Each changes
// the comment (listing, counters and events follow), records a staff decision, settles the
// comment's open reports (except hold) and writes an audit entry. Repeating an action changes nothing.
import type { CommentModeration } from '../comments/moderation.ts';
import type { CommentRow } from '../comments/store.ts';
import { conflict, notFound } from '../platform/errors.ts';
import type { StaffUser } from '../staff/service.ts';
import { authorRefKey, type AuditService } from './audit.ts';
import type { DecisionStore } from './decision-store.ts';
import type { ReportService } from './reports.ts';
import type { Decision, Reason } from './phase.ts';
import type { ModerationService } from './service.ts';

export const ACTIONS = ['approve', 'reject', 'spam', 'delete', 'shadow', 'hold'] as const;
export type Action = (typeof ACTIONS)[number];

const TARGET: Record<Exclude<Action, 'delete'>, { status: Decision; shadow: boolean }> = {
  approve: { status: 'approved', shadow: false },
  reject: { status: 'rejected', shadow: false },
  spam: { status: 'spam', shadow: false },
  shadow: { status: 'approved', shadow: true },
  // Back to the Pending queue, out of public view: how an approval or rejection is undone.
  hold: { status: 'pending', shadow: false },
};

export interface ActionDeps {
  comments: CommentModeration;
  decisions: DecisionStore;
  reports: ReportService;
  audit: AuditService;
  record: ModerationService['record'];
}

/** A staff decision's one reason: which action, with the moderator's note. */
function staffReason(action: Action, note: string | null): Reason {
  return note ? { phase: 'staff', rule: `staff.${action}`, detail: note } : { phase: 'staff', rule: `staff.${action}` };
}

const state = (row: CommentRow) => ({ status: row.status, shadow: !!row.shadow, deleted: !!row.deleted, listed: !!row.listed });

export function createActionService({ comments, decisions, reports, audit, record }: ActionDeps) {
  async function apply(user: StaffUser, comment: CommentRow, action: Action, note: string | null, settleReports = true): Promise<CommentRow> {
    if (comment.deleted) throw conflict('comment_deleted', 'This comment was deleted');
    const applied = action === 'delete' ? await comments.remove(comment.id) : await comments.setStatus(comment.id, TARGET[action].status, TARGET[action].shadow);
    if (!applied) throw notFound('comment_not_found', 'No such comment');
    const { before, after } = applied;
    const changed = JSON.stringify(state(before)) !== JSON.stringify(state(after));
    // Approving dismisses the reports; holding leaves them open for the review it asks for;
    // every other action agrees with them.
    const resolution = action === 'approve' ? 'dismissed' : 'upheld';
    const settled = settleReports && action !== 'hold' ? await reports.resolve(comment.site_id, comment.id, resolution, user.id) : [];
    if (!changed && settled.length === 0) return after;
    await record(comment.id, comment.site_id, 'staff', { status: action === 'delete' ? (after.status as Decision) : TARGET[action].status, shadow: !!after.shadow, reasons: [staffReason(action, note)], timings: [], ms: null }, user.id);
    await audit.log({ actor: user, site: comment.site_id, action: `comment.${action}`, targetType: 'comment', targetId: comment.id, author: authorRefKey(comment), before: state(before), after: state(after), note });
    return after;
  }

  return {
    apply,

    /**
     * Settles the comment's open reports. Dismissed: a comment that reports alone were holding
     * is approved again. Upheld: the comment is rejected unless already out of sight.
     */
    async resolveReports(user: StaffUser, comment: CommentRow, resolution: 'upheld' | 'dismissed', note: string | null): Promise<{ resolved: number; comment: CommentRow }> {
      const history = await decisions.forComments([comment]);
      const heldByReports = comment.status === 'pending' && history.at(-1)?.source === 'reports';
      const closed = await reports.resolve(comment.site_id, comment.id, resolution, user.id);
      let current = comment;
      if (resolution === 'dismissed' && heldByReports) current = await apply(user, comment, 'approve', note, false);
      if (resolution === 'upheld' && !comment.deleted && comment.status !== 'rejected' && comment.status !== 'spam') current = await apply(user, comment, 'reject', note, false);
      if (closed.length) {
        await audit.log({ actor: user, site: comment.site_id, action: resolution === 'upheld' ? 'report.uphold' : 'report.dismiss', targetType: 'comment', targetId: comment.id, author: authorRefKey(comment), after: { reports: closed.map((r) => r.id) }, note });
      }
      return { resolved: closed.length, comment: current };
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
