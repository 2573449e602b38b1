// Table types of the notifications module (migration 003-notify.ts), merged into the Database
// type by platform/schema.ts. Only the notify stores query these tables.

/** email: one message; webhook: one POST to one endpoint; event: a change to fan out into those;
 * alert: a comment held or reported, to fan out to the site's staff who asked (alerts.ts). */
export type OutboxKind = 'email' | 'webhook' | 'event' | 'alert';

/**
 * One side effect to carry out, written in the transaction of the change that causes it.
 * dedupe_key is unique: enqueueing the same (recipient, event) twice stores one row.
 */
export interface OutboxTable {
  id: string;
  kind: OutboxKind;
  dedupe_key: string;
  /** JSON: the message, the webhook call or the event. */
  payload: string;
  /** Claims so far, counted when claimed: a send that killed its process still counts. */
  attempts: number;
  next_attempt_at: number;
  /** A node's claim lasts until then; 0 when unclaimed. Claims take rows with locked_until < now. */
  locked_until: number;
  locked_by: string | null;
  sent_at: number | null;
  /** Set when it was given up on (a permanent refusal, or too many attempts). */
  failed_at: number | null;
  last_error: string | null;
  created_at: number;
}

/** An address on one site that we may write to: tokens name it by id, never by address. */
export interface NotifyRecipientsTable {
  id: string;
  site_id: string;
  email: string;
  email_lower: string;
  /** When the address was proven (a confirm link opened, or a signed-in account's own). */
  confirmed_at: number | null;
  /** Global unsubscribe: nothing more goes to this address from this site until it confirms again. */
  suppressed_at: number | null;
  created_at: number;
}

export type SubscriptionKind = 'thread' | 'replies';
export type SubscriptionMode = 'immediate' | 'digest';

export interface SubscriptionsTable {
  id: string;
  site_id: string;
  recipient_id: string;
  kind: SubscriptionKind;
  /** The thread's page key for kind thread; null for replies (to my comments, in any thread). */
  page_key: string | null;
  /** Unique per recipient: "thread:<page key>" or "replies". */
  scope: string;
  mode: SubscriptionMode;
  /** Replies only: also replies anywhere below my comments, not just direct ones. */
  chain: number;
  /** sha256 of the double opt-in token; one token confirms every row one request made. */
  confirm_hash: string | null;
  confirm_expires_at: number | null;
  confirmed_at: number | null;
  created_at: number;
}

/** comment: a reader's notification of a published comment; alert: a moderator's alert. */
export type DigestKind = 'comment' | 'alert';

/** A notification held for a recipient's digest. */
export interface DigestItemsTable {
  id: string;
  site_id: string;
  recipient_id: string;
  kind: DigestKind;
  /** Unique per recipient and kind: one item per comment, updated when more happens to it. */
  comment_id: string;
  /** The UTC period the item belongs to: a day (YYYY-MM-DD) or an hour (YYYY-MM-DDTHH). */
  day: string;
  /** JSON: what the digest shows of it. */
  payload: string;
  created_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  site_id: string;
  url: string;
  /** Signing key; shown once to the operator, kept to sign every delivery. */
  secret: string;
  /** JSON array of event types. */
  events: string;
  active: number;
  created_at: number;
}

/** One HTTP attempt at a webhook delivery, for the console. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  outbox_id: string;
  event: string;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  at: number;
}

export interface NotifyTables {
  outbox: OutboxTable;
  notify_recipients: NotifyRecipientsTable;
  subscriptions: SubscriptionsTable;
  digest_items: DigestItemsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
