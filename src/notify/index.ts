// The notifications module put together: outbox worker, mailer, subscriptions, fan-out,
// digests, webhooks and moderator alerts. app.ts builds it once, hands `effects` to the
// comments service and the moderation module (written inside their transactions), the
// services to the routes, and starts and stops the worker with the server.
import type { Bus } from '../platform/bus.ts';
import type { Db, Engine } from '../platform/db.ts';
import type { CommentsTable, ThreadsTable } from '../platform/schema.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { createAlerts, enqueueAlert, reasonLine, type AlertWatchers, type HoldReason } from './alerts.ts';
import { createDigest } from './digest.ts';
import { createDigestStore } from './digest-store.ts';
import { createFanout, enqueueEvent, type CommentReader } from './fanout.ts';
import { createDevMailbox, createSmtpMailer, parseFrom, type DevMailbox, type Mailer } from './mail.ts';
import type { EmailPayload } from './outbox.ts';
import { createOutboxStore, type Executor } from './outbox-store.ts';
import { createReaderNotifications } from './reader-notifications.ts';
import { createSubscriptionStore } from './subscription-store.ts';
import { createSubscriptions, kindsOf, type NotifyChoice } from './subscriptions.ts';
import { createWebhookStore } from './webhook-store.ts';
import { createWebhooks } from './webhooks.ts';
import { createOutboxWorker, type WorkerOptions } from './worker.ts';

export interface NotifyConfig {
  secret: string;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  outboxLeaseSeconds: number;
  outboxRetrySeconds: number;
  /** In production webhooks must be https; elsewhere http to localhost is allowed too. */
  isProduction?: boolean;
}

export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NotifyDeps {
  db: Db;
  engine: Engine;
  bus: Bus;
  sites: SiteService;
  comments: CommentReader;
  /** Who wants moderator alerts (the staff module's alert preferences). */
  staff: AlertWatchers;
  config: NotifyConfig;
  log: NotifyLog;
  now?: () => number;
  /** Overrides for tests: poll interval, backoff, batch sizes. */
  worker?: Partial<WorkerOptions>;
}

/** What the comments module hands over when a comment is inserted (its CommentEffects). */
export interface CreatedComment {
  site: Site;
  thread: ThreadsTable;
  comment: CommentsTable;
  notify: NotifyChoice;
  /** Why the pipeline decided as it did: a held comment's alert shows them. */
  reasons?: HoldReason[];
}

/** An edit, in its transaction: the comment before it, and the status the edit left it in. */
export interface EditedComment {
  before: CommentsTable;
  status: string;
  at: number;
  reasons?: HoldReason[];
}

/** A reader's report, as the moderation module hands it over in the report's transaction. */
export interface ReportedComment {
  commentId: string;
  reason: string;
  note: string | null;
  /** The oldest open report on the comment: one alert per round of reports. */
  round: string;
}

const CONFIRM_HOURS = 48;
const HOUSEKEEPING_MS = 10 * 60_000;
const KEEP_SENT_MS = 14 * 24 * 3_600_000;

export function createNotify(deps: NotifyDeps) {
  const { db, config, log, now = Date.now } = deps;
  const outbox = createOutboxStore(db, deps.engine);
  const subscriptionStore = createSubscriptionStore(db);
  const digestStore = createDigestStore(db);
  const webhooks = createWebhooks({ db, store: createWebhookStore(db), outbox, allowLocalHttp: !config.isProduction, now });
  const from = parseFrom(config.mailFrom);
  const leaseMs = config.outboxLeaseSeconds * 1000;
  const mailbox: DevMailbox | null = config.smtpUrl ? null : createDevMailbox(from, log, now);
  const mailer: Mailer = mailbox ?? createSmtpMailer(config.smtpUrl!, from, { timeoutMs: Math.min(60_000, Math.floor(leaseMs / 2)), connections: 4 });

  const subscriptions = createSubscriptions({
    store: subscriptionStore,
    sites: deps.sites,
    titleOf: async (siteId, pageKey) => (await deps.comments.findThread(siteId, pageKey))?.title ?? pageKey,
    secret: config.secret,
    publicUrl: config.publicUrl,
    confirmHours: CONFIRM_HOURS,
    now,
  });
  const fanout = createFanout({
    transaction: (fn) => db.transaction().execute(fn),
    comments: deps.comments,
    sites: deps.sites,
    subscriptions: subscriptionStore,
    digests: digestStore,
    webhooks,
    unsubscribeUrl: subscriptions.unsubscribeUrl,
    now,
  });
  const alerts = createAlerts({
    transaction: (fn) => db.transaction().execute(fn),
    comments: deps.comments,
    sites: deps.sites,
    staff: deps.staff,
    subscriptions: subscriptionStore,
    digests: digestStore,
    unsubscribeUrl: subscriptions.unsubscribeUrl,
    publicUrl: config.publicUrl,
    now,
  });
  const readers = createReaderNotifications({ db, subscriptions: subscriptionStore, digests: digestStore, findThread: (siteId, pageKey) => deps.comments.findThread(siteId, pageKey) });
  const digest = createDigest({ store: digestStore, subscriptions: subscriptionStore, sites: deps.sites, unsubscribeUrl: subscriptions.unsubscribeUrl, renderers: { alert: alerts.renderDigest }, now });
  const worker = createOutboxWorker({
    store: outbox,
    handlers: {
      email: (row, signal) => mailer.send(JSON.parse(row.payload) as EmailPayload, signal),
      webhook: (row, signal) => webhooks.deliver(row, signal),
      event: (row) => fanout.handle(row),
      alert: (row) => alerts.handle(row),
    },
    log,
    options: { leaseMs, retryMs: config.outboxRetrySeconds * 1000, ...deps.worker },
    now,
  });

  // Deletions come from the comments module as bus events after their commit (approvals are
  // queued inside the moderation transaction: effects.approved). Every node hears each event;
  // the dedupe key keeps one row.
  const stopListening = deps.bus.subscribe((event) => {
    if (event.type !== 'comment.deleted') return;
    enqueueEvent(db, event.type, event.commentId, event.status).catch((error) => log.error({ err: error, commentId: event.commentId }, 'notify: could not queue event'));
  });

  async function housekeeping(): Promise<void> {
    await digest.run();
    await outbox.purge(now() - KEEP_SENT_MS);
    await subscriptionStore.purgeUnconfirmed(now());
  }
  let timer: NodeJS.Timeout | null = null;

  return {
    subscriptions,
    /** A signed-in reader's own notification data: list, cancel, export, forget. */
    readers,
    webhooks,
    digest,
    outbox,
    worker,
    /** The development mailbox; null when mail goes out over SMTP. */
    mailbox,

    /** A staff member turned alerts on: their address on the site is proven, and a past "stop all e-mail" lifted. */
    async confirmStaffAddress(siteId: string, email: string): Promise<void> {
      const recipient = await subscriptionStore.ensureRecipient(db, siteId, email, now());
      await subscriptionStore.markConfirmed(db, recipient.id, now());
    },

    /** Durable side effects of comment writes, run inside their transactions. */
    effects: {
      async created(trx: Executor, change: CreatedComment): Promise<void> {
        await enqueueEvent(trx, 'comment.created', change.comment.id, change.comment.shadow ? 'shadow' : change.comment.status);
        if (change.comment.status === 'pending') {
          await enqueueAlert(trx, { type: 'held', commentId: change.comment.id, reasons: (change.reasons ?? []).map(reasonLine), round: 'held' });
        }
        const kinds = kindsOf(change.notify);
        if (!kinds.length || !change.comment.author_email) return;
        await subscriptions.subscribe(trx, {
          site: change.site,
          page: change.thread.page_key,
          title: change.thread.title ?? change.thread.page_key,
          email: change.comment.author_email,
          kinds,
          mode: 'immediate',
          chain: false,
          verified: !!change.comment.account_id,
        });
      },
      /** In an edit's transaction: an edit the pipeline holds is new work for the moderators. */
      async edited(trx: Executor, change: EditedComment): Promise<void> {
        if (change.status !== 'pending' || change.before.status === 'pending') return;
        await enqueueAlert(trx, { type: 'held', commentId: change.before.id, reasons: (change.reasons ?? []).map(reasonLine), round: `edit-${change.at}` });
      },
      /** In the moderation module's approval transaction: the approval's notifications and webhooks. */
      async approved(trx: Executor, commentId: string): Promise<void> {
        await enqueueEvent(trx, 'comment.approved', commentId);
      },
      /** In a reader report's transaction: the moderators' alert. */
      async reported(trx: Executor, report: ReportedComment): Promise<void> {
        const reason = report.note ? `${report.reason}: ${report.note}` : report.reason;
        await enqueueAlert(trx, { type: 'reported', commentId: report.commentId, reasons: [reason], round: report.round });
      },
    },

    start(): void {
      worker.start();
      timer = setInterval(() => housekeeping().catch((error) => log.error({ err: error }, 'notify: housekeeping failed')), HOUSEKEEPING_MS);
      timer.unref();
    },

    async close(): Promise<void> {
      stopListening();
      if (timer) clearInterval(timer);
      await worker.stop();
      mailer.close();
    },
  };
}

export type Notify = ReturnType<typeof createNotify>;
