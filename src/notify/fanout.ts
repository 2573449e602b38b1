// Turns an event row (a comment created, approved or deleted) into what it causes: webhook
// deliveries, reply and thread notifications (immediate e-mails or digest items), and the
// author's "your comment is published". All of it is queued in one transaction with dedupe
// keys per (recipient, comment), so handling the same event twice sends nothing twice.
import type { CommentsTable, ThreadsTable } from '../platform/schema.ts';
import { newId } from '../platform/ids.ts';
import type { SiteService, Site } from '../sites/service.ts';
import { dayOf } from './digest.ts';
import type { DigestStore } from './digest-store.ts';
import { enqueue, enqueueEmail, type Executor } from './outbox.ts';
import type { OutboxRow } from './outbox-store.ts';
import { chooseRecipients, type AuthorOf } from './recipients.ts';
import type { SubscriptionStore } from './subscription-store.ts';
import { approvedEmail, commentEmail, type Quoted } from './templates/render.ts';
import type { UnsubscribeScope } from './tokens.ts';
import type { WebhookEvent, Webhooks } from './webhooks.ts';

/** What notify reads of the comments module (its store satisfies it). */
export interface CommentReader {
  findComment(id: string): Promise<CommentsTable | undefined>;
  findThreadById(id: string): Promise<ThreadsTable | undefined>;
  findThread(siteId: string, pageKey: string): Promise<ThreadsTable | undefined>;
}

export interface CommentEventPayload {
  type: WebhookEvent;
  commentId: string;
  /** The comment's status when the event happened (it may have changed by fan-out time). */
  status?: string;
}

/** Queues an event for the worker to fan out; the same event of the same comment is queued once. */
export function enqueueEvent(ex: Executor, type: WebhookEvent, commentId: string, status?: string): Promise<boolean> {
  const payload: CommentEventPayload = { type, commentId, status };
  return enqueue(ex, { kind: 'event', dedupeKey: `event:${type}:${commentId}`, payload });
}

export interface FanoutDeps {
  transaction<T>(fn: (trx: Executor) => Promise<T>): Promise<T>;
  comments: CommentReader;
  sites: SiteService;
  subscriptions: SubscriptionStore;
  digests: DigestStore;
  webhooks: Webhooks;
  unsubscribeUrl(recipientId: string, scope: UnsubscribeScope): string;
  now: () => number;
}

type Comment = CommentsTable;

/** Shown to everyone: approved, listed, not deleted, not shadow-banned. */
function isPublic(comment: Comment): boolean {
  return comment.status === 'approved' && comment.listed === 1 && comment.deleted === 0 && !comment.shadow;
}

const authorOf = (c: Comment): AuthorOf => ({ emailLower: c.author_email?.toLowerCase() ?? null, authorKey: c.author_key, deleted: c.deleted === 1 });

function quote(comment: Comment, thread: ThreadsTable): Quoted {
  return {
    name: comment.author_name,
    body: comment.body,
    title: thread.title ?? thread.page_key,
    link: thread.url ? `${thread.url}#c-${comment.id}` : null,
  };
}

function webhookData({ type, status }: CommentEventPayload, comment: Comment, thread: ThreadsTable) {
  const where = { page: thread.page_key, url: thread.url, title: thread.title };
  if (type === 'comment.deleted') return { comment: { id: comment.id, parentId: comment.parent_id }, thread: where };
  return {
    comment: {
      id: comment.id, parentId: comment.parent_id, status: status ?? comment.status, author: { name: comment.author_name },
      body: comment.body, html: comment.html, createdAt: new Date(comment.created_at).toISOString(),
    },
    thread: where,
  };
}

export function createFanout(deps: FanoutDeps) {
  const { comments, subscriptions, unsubscribeUrl } = deps;

  /** The comment replied to and its ancestors, nearest first. Read before the transaction:
   * on SQLite a read through another handle would wait for the transaction's connection. */
  async function conversation(comment: Comment): Promise<{ target: Comment | undefined; chain: Comment[] }> {
    const targetId = comment.reply_to_id ?? comment.parent_id;
    const target = targetId ? await comments.findComment(targetId) : undefined;
    const chainIds = target ? target.path.split('/').slice(0, -1).reverse() : [];
    const chain = (await Promise.all(chainIds.map((id) => comments.findComment(id)))).filter((c): c is Comment => !!c);
    return { target, chain };
  }

  async function notifyReaders(trx: Executor, site: Site, thread: ThreadsTable, comment: Comment, { target, chain }: Awaited<ReturnType<typeof conversation>>): Promise<void> {
    const emails = [...new Set([target, ...chain].map((c) => c?.author_email?.toLowerCase()).filter((e): e is string => !!e))];
    const recipients = chooseRecipients({
      comment: authorOf(comment),
      target: target ? authorOf(target) : null,
      chain: chain.map(authorOf),
      replySubscribers: await subscriptions.replySubscribers(trx, site.id, emails),
      threadSubscribers: await subscriptions.threadSubscribers(trx, site.id, thread.page_key),
    });
    const quoted = quote(comment, thread);
    const at = deps.now();
    for (const r of recipients) {
      if (r.mode === 'digest') {
        await deps.digests.add(trx, { id: newId(at), site_id: site.id, recipient_id: r.recipientId, kind: 'comment', comment_id: comment.id, day: dayOf(at), payload: JSON.stringify(quoted), created_at: at });
        continue;
      }
      const mail = commentEmail({
        site: site.name,
        reason: r.reason,
        comment: quoted,
        unsubscribe: { thisUrl: unsubscribeUrl(r.recipientId, r.subscriptionId), allUrl: unsubscribeUrl(r.recipientId, 'all') },
      });
      await enqueueEmail(trx, { to: r.email, ...mail, dedupeKey: `comment:${comment.id}:${r.recipientId}` });
    }
  }

  /**
   * "Your comment is published", to an address that is proven: confirmed through a link, or
   * a signed-in reader's own. An address typed by a guest who never confirmed gets nothing.
   */
  async function tellAuthor(trx: Executor, site: Site, thread: ThreadsTable, comment: Comment): Promise<void> {
    if (!comment.author_email) return;
    const known = await subscriptions.findRecipientByEmail(site.id, comment.author_email, trx);
    if (known?.suppressed_at) return;
    if (!known?.confirmed_at && !comment.account_id) return;
    const recipient = known ?? (await subscriptions.ensureRecipient(trx, site.id, comment.author_email, deps.now()));
    const mail = approvedEmail({ site: site.name, comment: quote(comment, thread), unsubscribe: { allUrl: unsubscribeUrl(recipient.id, 'all') } });
    await enqueueEmail(trx, { to: recipient.email, ...mail, dedupeKey: `approved:${comment.id}` });
  }

  return {
    /** The outbox handler for event rows. */
    async handle(row: OutboxRow): Promise<void> {
      const event = JSON.parse(row.payload) as CommentEventPayload;
      const comment = await comments.findComment(event.commentId);
      const thread = comment && (await comments.findThreadById(comment.thread_id));
      if (!comment || !thread) return;
      const site = await deps.sites.require(comment.site_id);
      const notifies = event.type !== 'comment.deleted' && isPublic(comment);
      const around = notifies ? await conversation(comment) : null;
      await deps.transaction(async (trx) => {
        await deps.webhooks.enqueueFor(trx, site.id, event.type, comment.id, webhookData(event, comment, thread));
        if (!around) return;
        await notifyReaders(trx, site, thread, comment, around);
        if (event.type === 'comment.approved') await tellAuthor(trx, site, thread, comment);
      });
    },
  };
}

export type Fanout = ReturnType<typeof createFanout>;
