// Moderator alerts: a comment held for review, or reported by a reader, e-mailed to the
// site's staff who asked for it, at once or in their hourly or daily digest.
//
// The hold (the comment's insert) or the report writes one "alert" outbox row in its own
// transaction (enqueueAlert); the worker fans it out here to the watchers of that moment, in
// one transaction, with dedupe keys per (watcher, alert). A comment's hold alerts once; its
// reports alert once per round (until moderators settle them), however many readers report.
// In a digest, a comment that was held and later reported is one item naming both.
import type { CommentsTable, ThreadsTable } from '../platform/schema.ts';
import { newId } from '../platform/ids.ts';
import type { Site, SiteService } from '../sites/service.ts';
import type { AlertMode, AlertTopic, AlertWatcher } from '../staff/alerts.ts';
import { dayOf, hourOf, type DigestRenderer } from './digest.ts';
import type { DigestStore } from './digest-store.ts';
import type { CommentReader } from './fanout.ts';
import { enqueue, enqueueEmail, type Executor } from './outbox.ts';
import type { OutboxRow } from './outbox-store.ts';
import type { RecipientRow, SubscriptionStore } from './subscription-store.ts';
import { alertDigestEmail, alertEmail, type AlertEvent, type AlertItem } from './templates/render.ts';

/** What the alert row holds: which comment, what happened, and which round of it. */
export interface AlertPayload extends AlertEvent {
  commentId: string;
  /** Reports: the id of the oldest open report, the same for every report until they are settled. */
  round: string;
}

/** A reason as the pipeline gives it. */
export interface HoldReason {
  rule: string;
  detail?: string;
}

export const reasonLine = (r: HoldReason) => (r.detail ? `${r.rule}: ${r.detail}` : r.rule);

/** Queues an alert in the caller's transaction; the same alert (type, comment, round) is queued once. */
export function enqueueAlert(ex: Executor, alert: AlertPayload): Promise<boolean> {
  return enqueue(ex, { kind: 'alert', dedupeKey: `alert:${alert.type}:${alert.commentId}:${alert.round}`, payload: alert });
}

/** Whom to alert: the staff module's watchers of a site. */
export interface AlertWatchers {
  watchers(siteId: string, topic: AlertTopic): Promise<AlertWatcher[]>;
}

export interface AlertDeps {
  transaction<T>(fn: (trx: Executor) => Promise<T>): Promise<T>;
  comments: CommentReader;
  sites: SiteService;
  staff: AlertWatchers;
  subscriptions: SubscriptionStore;
  digests: DigestStore;
  unsubscribeUrl(recipientId: string, scope: 'all'): string;
  publicUrl: string;
  now: () => number;
}

const TOPIC: Record<AlertEvent['type'], AlertTopic> = { held: 'pending', reported: 'reports' };
const QUEUE: Record<AlertEvent['type'], string> = { held: 'pending', reported: 'reported' };

function periodOf(mode: Exclude<AlertMode, 'immediate'>, at: number): string {
  return mode === 'hourly' ? hourOf(at) : dayOf(at);
}

export function createAlerts(deps: AlertDeps) {
  const consoleUrl = (path: string, site: Site) => `${deps.publicUrl}/admin/${path}?site=${encodeURIComponent(site.id)}`;
  const settingsUrl = (site: Site) => consoleUrl('alerts', site);

  function itemOf(alert: AlertPayload, site: Site, thread: ThreadsTable, comment: CommentsTable): AlertItem {
    // A held comment is not on the article yet: no link to it there.
    const link = alert.type === 'reported' && thread.url ? `${thread.url}#c-${comment.id}` : null;
    return {
      quote: { name: comment.author_name, body: comment.body, title: thread.title ?? thread.page_key, link },
      events: [{ type: alert.type, reasons: alert.reasons }],
      queueUrl: `${consoleUrl(`queue/${QUEUE[alert.type]}`, site)}&comment=${comment.id}`,
    };
  }

  /** Adds the event to the recipient's held item for the comment, or holds a new one. */
  async function hold(trx: Executor, site: Site, recipient: RecipientRow, mode: Exclude<AlertMode, 'immediate'>, comment: CommentsTable, item: AlertItem): Promise<void> {
    const at = deps.now();
    const held = await deps.digests.find(trx, recipient.id, 'alert', comment.id);
    const earlier = held ? (JSON.parse(held.payload) as AlertItem) : null;
    // Handled again (a retry) or happened again in the same period: named once.
    const fresh = item.events.filter((e) => !earlier?.events.some((seen) => seen.type === e.type));
    if (earlier && !fresh.length) return;
    const merged: AlertItem = earlier ? { ...earlier, events: [...earlier.events, ...fresh] } : item;
    await deps.digests.put(trx, {
      id: held?.id ?? newId(at), site_id: site.id, recipient_id: recipient.id, kind: 'alert', comment_id: comment.id,
      day: held?.day ?? periodOf(mode, at), payload: JSON.stringify(merged), created_at: held?.created_at ?? at,
    });
  }

  const renderDigest: DigestRenderer = ({ site, period, items, total, allUrl }) =>
    alertDigestEmail({ site: site.name, period, items: items.map((i) => JSON.parse(i.payload) as AlertItem), total, settingsUrl: settingsUrl(site), allUrl });

  return {
    renderDigest,

    /** The outbox handler for alert rows. */
    async handle(row: OutboxRow): Promise<void> {
      const alert = JSON.parse(row.payload) as AlertPayload;
      const comment = await deps.comments.findComment(alert.commentId);
      const thread = comment && (await deps.comments.findThreadById(comment.thread_id));
      if (!comment || !thread || comment.deleted) return;
      // Decided before the alert went out (a moderator was quicker): nothing to review.
      if (alert.type === 'held' && comment.status !== 'pending') return;
      const site = await deps.sites.require(comment.site_id);
      // Read before the transaction: on SQLite another handle's query would wait for its connection.
      const watchers = await deps.staff.watchers(site.id, TOPIC[alert.type]);
      if (!watchers.length) return;
      const item = itemOf(alert, site, thread, comment);
      await deps.transaction(async (trx) => {
        for (const watcher of watchers) {
          const recipient = await deps.subscriptions.ensureRecipient(trx, site.id, watcher.email, deps.now());
          // "Stop all e-mail from this site" stops alerts too; saving alert choices again lifts it.
          if (recipient.suppressed_at !== null) continue;
          if (watcher.mode !== 'immediate') {
            await hold(trx, site, recipient, watcher.mode, comment, item);
            continue;
          }
          const mail = alertEmail({ site: site.name, item, settingsUrl: settingsUrl(site), allUrl: deps.unsubscribeUrl(recipient.id, 'all') });
          await enqueueEmail(trx, { to: recipient.email, ...mail, dedupeKey: `alert:${alert.type}:${comment.id}:${alert.round}:${watcher.userId}` });
        }
      });
    },
  };
}

export type Alerts = ReturnType<typeof createAlerts>;
