// The durable outbox: what other modules call to send e-mail. A message is a row written in
// the caller's transaction, so it exists exactly when the change that caused it committed;
// the worker (worker.ts) sends it afterwards, with retries. The dedupe key names the
// (recipient, event): enqueueing it again, from a retry or a second node, stores nothing.
import { headerSafe, isAddress, safeHeaders } from './headers.ts';
import { insertOutbox, type Executor, type NewOutboxRow } from './outbox-store.ts';

export type { Executor } from './outbox-store.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Display name on From (the site's name); default MAIL_FROM's. */
  fromName?: string;
  /** Sending twice with the same key sends once. */
  dedupeKey: string;
}

/** What an e-mail row's payload holds. */
export type EmailPayload = Omit<OutgoingEmail, 'dedupeKey'> & { headers: Record<string, string> };

const wakers = new Set<() => void>();

/** Called soon after each enqueue, so a worker sends without waiting for its next poll. */
export function onEnqueue(listener: () => void): () => void {
  wakers.add(listener);
  return () => void wakers.delete(listener);
}

function wake(): void {
  // Later than now: the caller's transaction commits first, or the worker would find nothing.
  if (wakers.size) setTimeout(() => wakers.forEach((w) => w()), 20).unref();
}

/** Queues any outbox row; true when it was new. */
export async function enqueue(db: Executor, row: NewOutboxRow, at = Date.now()): Promise<boolean> {
  if (!row.dedupeKey || row.dedupeKey.length > 500) throw new Error('dedupeKey must be 1 to 500 characters');
  const inserted = await insertOutbox(db, row, at);
  if (inserted) wake();
  return inserted;
}

/** Queues one e-mail in `db`'s transaction (or on its own). Subject and headers become one line each. */
export async function enqueueEmail(db: Executor, email: OutgoingEmail): Promise<boolean> {
  if (!isAddress(email.to)) throw new Error('enqueueEmail: "to" must be one plain e-mail address');
  const payload: EmailPayload = {
    to: email.to,
    subject: headerSafe(email.subject),
    text: email.text,
    html: email.html,
    headers: safeHeaders(email.headers),
  };
  if (email.fromName !== undefined) payload.fromName = headerSafe(email.fromName);
  return enqueue(db, { kind: 'email', dedupeKey: `email:${email.dedupeKey}`, payload });
}
