// A signed-in reader's own "Notify of" data, found by their account's address on the site:
// the subscriptions they see and cancel on their profile, what their data export includes,
// and what goes when they delete their account (subscriptions, digest items still held,
// e-mails not yet sent to them). The identity module calls this; no HTTP here.
import type { Db } from '../platform/db.ts';
import type { ThreadsTable } from '../platform/schema.ts';
import type { DigestStore } from './digest-store.ts';
import { cancelUnsentEmails } from './outbox-store.ts';
import type { SubscriptionRow, SubscriptionStore } from './subscription-store.ts';

export interface ReaderNotificationDeps {
  db: Db;
  subscriptions: SubscriptionStore;
  digests: DigestStore;
  /** The thread of a page, for its title and URL (the comments module). */
  findThread(siteId: string, pageKey: string): Promise<ThreadsTable | undefined>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createReaderNotifications({ db, subscriptions, digests, findThread }: ReaderNotificationDeps) {
  /** Subscriptions as the reader sees them, each thread looked up once. */
  async function views(rows: SubscriptionRow[]) {
    const threads = new Map<string, Promise<ThreadsTable | undefined>>();
    const threadOf = (row: SubscriptionRow) => {
      const key = row.page_key!;
      if (!threads.has(key)) threads.set(key, findThread(row.site_id, key));
      return threads.get(key)!;
    };
    return Promise.all(
      rows.map(async (row) => {
        const thread = row.kind === 'thread' ? await threadOf(row) : undefined;
        return {
          id: row.id,
          kind: row.kind,
          page: row.page_key,
          title: row.kind === 'thread' ? (thread?.title ?? row.page_key) : null,
          url: thread?.url ?? null,
          mode: row.mode,
          chain: row.chain === 1,
          confirmed: row.confirmed_at !== null,
          createdAt: iso(row.created_at),
        };
      }),
    );
  }

  return {
    /** The address's subscriptions on the site, oldest first; none for an address never subscribed. */
    async list(siteId: string, email: string) {
      const recipient = await subscriptions.findRecipientByEmail(siteId, email);
      return recipient ? views(await subscriptions.ofRecipient(recipient.id)) : [];
    },

    /** Cancels one of the address's subscriptions; false when it is not one of theirs. */
    async cancel(siteId: string, email: string, id: string): Promise<boolean> {
      const recipient = await subscriptions.findRecipientByEmail(siteId, email);
      return recipient ? subscriptions.removeOwn(recipient.id, id) : false;
    },

    /** For the reader's data export: the address's standing and its subscriptions. */
    async export(siteId: string, email: string) {
      const recipient = await subscriptions.findRecipientByEmail(siteId, email);
      if (!recipient) return { address: null, subscriptions: [] };
      return {
        address: { email: recipient.email, confirmedAt: iso(recipient.confirmed_at), unsubscribedFromAllAt: iso(recipient.suppressed_at) },
        subscriptions: await views(await subscriptions.ofRecipient(recipient.id)),
      };
    },

    /**
     * Forgets the address on the site, in one transaction: subscriptions, digest items held,
     * the address's row, and unsent e-mails to it: notifications and confirmations of this
     * site's recipient, approvals of `commentIds`, and the caller's own `mailKeys`.
     */
    async forget(siteId: string, email: string, { commentIds, mailKeys }: { commentIds: string[]; mailKeys: string[] }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const recipient = await subscriptions.findRecipientByEmail(siteId, email, trx);
        // Dedupe keys as fanout.ts, digest.ts and subscriptions.ts enqueue them.
        const keys = [...mailKeys, ...commentIds.map((id) => `approved:${id}`)];
        const patterns: string[] = [];
        if (recipient) {
          const rows = await subscriptions.ofRecipient(recipient.id, trx);
          for (const hash of new Set(rows.map((row) => row.confirm_hash))) if (hash) keys.push(`confirm:${hash}`);
          patterns.push(`comment:%:${recipient.id}`, `digest:${recipient.id}:%`);
          await digests.removeRecipient(trx, recipient.id);
          await subscriptions.forgetRecipient(trx, recipient.id);
        }
        await cancelUnsentEmails(trx, email, keys, patterns);
      });
    },
  };
}

export type ReaderNotifications = ReturnType<typeof createReaderNotifications>;
