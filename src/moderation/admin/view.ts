// Stored rows → the console's AdminComment (docs/ADMIN-API.md). Data only: the Markdown source,
// never rendered HTML, so nothing a reader wrote reaches the console as markup.
import type { PlacedRow } from '../../comments/moderation-store.ts';
import type { DecisionRow, DecisionStore } from '../decision-store.ts';
import type { Reason } from '../phase.ts';
import type { OpenTally } from '../report-store.ts';
import type { ReportService } from '../reports.ts';

export interface ViewDeps {
  decisions: DecisionStore;
  reports: ReportService;
  /** Staff e-mails by id. */
  emails(ids: string[]): Promise<Map<string, string>>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function decisionView(row: DecisionRow, emails: Map<string, string>) {
  return {
    source: row.source, status: row.status, shadow: row.shadow === 1,
    reasons: JSON.parse(row.reasons) as Reason[], timings: JSON.parse(row.timings) as Array<{ phase: string; ms: number }>,
    ms: row.ms, actor: row.actor_id ? { id: row.actor_id, email: emails.get(row.actor_id) ?? null } : null, at: iso(row.at)!,
  };
}

/** What the automatic decisions since the last post or edit said, and the latest staff action. */
function moderationOf(history: DecisionRow[], emails: Map<string, string>) {
  const lastRun = history.findLastIndex((d) => d.source === 'pipeline');
  const pipeline = lastRun >= 0 ? history[lastRun] : undefined;
  const automatic = history.slice(Math.max(lastRun, 0)).filter((d) => d.source !== 'staff');
  const staff = history.findLast((d) => d.source === 'staff');
  const staffReason = staff ? (JSON.parse(staff.reasons) as Reason[])[0] : undefined;
  return {
    decidedBy: history.at(-1)?.source ?? 'pipeline',
    reasons: automatic.flatMap((d) => JSON.parse(d.reasons) as Reason[]),
    timings: pipeline ? (JSON.parse(pipeline.timings) as Array<{ phase: string; ms: number }>) : [],
    ms: pipeline?.ms ?? null,
    checkedAt: iso(pipeline?.at ?? null),
    lastAction: staff
      ? { action: staffReason?.rule.replace(/^staff\./, '') ?? staff.status, by: { id: staff.actor_id, email: emails.get(staff.actor_id ?? '') ?? null }, at: iso(staff.at), note: staffReason?.detail ?? null }
      : null,
  };
}

export function adminComment(row: PlacedRow, history: DecisionRow[], tally: OpenTally | undefined, emails: Map<string, string>) {
  const accountId = row.account_id ?? null;
  return {
    id: row.id,
    site: row.site_id,
    thread: { id: row.thread_id, page: row.page_key, url: row.url, title: row.title },
    parentId: row.parent_id,
    depth: row.depth,
    author: {
      name: row.author_name, email: row.author_email,
      visitorKey: row.author_key && !row.author_key.startsWith('account:') ? row.author_key : null,
      ipHash: row.ip_hash, accountId,
    },
    body: row.body,
    status: row.status,
    shadow: !!row.shadow,
    listed: row.listed === 1,
    deleted: row.deleted === 1,
    score: row.score, up: row.up, down: row.down,
    createdAt: iso(row.created_at)!,
    editedAt: iso(row.edited_at),
    moderation: moderationOf(history, emails),
    reports: { open: tally?.open ?? 0, weight: Math.round((tally?.weight ?? 0) * 100) / 100, byReason: tally?.byReason ?? {} },
  };
}

export type AdminComment = ReturnType<typeof adminComment>;

/** AdminComments for rows, with two queries for all of them (decisions, report tallies), not one per row. */
export async function adminComments(rows: PlacedRow[], deps: ViewDeps): Promise<AdminComment[]> {
  const ids = rows.map((r) => r.id);
  const [decisions, tallies] = await Promise.all([deps.decisions.forComments(rows), deps.reports.openTallies(ids)]);
  const byComment = new Map<string, DecisionRow[]>();
  for (const d of decisions) byComment.set(d.comment_id, [...(byComment.get(d.comment_id) ?? []), d]);
  const emails = await deps.emails([...new Set(decisions.map((d) => d.actor_id).filter((id): id is string => !!id))]);
  return rows.map((row) => adminComment(row, byComment.get(row.id) ?? [], tallies.get(row.id), emails));
}
