// The daily digest: notifications for digest-mode subscriptions are held per UTC day and, once
// the day is over, go out as one e-mail per recipient per day. Runs on every node; the dedupe
// key (recipient, day) and deleting the items in the same transaction keep it to one e-mail.
import type { SiteService } from '../sites/service.ts';
import type { DigestStore } from './digest-store.ts';
import { enqueueEmail } from './outbox.ts';
import type { SubscriptionStore } from './subscription-store.ts';
import { digestEmail, type Quoted } from './templates/render.ts';
import type { UnsubscribeScope } from './tokens.ts';

/** The UTC day of a time, as digests group by it. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export interface DigestDeps {
  store: DigestStore;
  subscriptions: SubscriptionStore;
  sites: SiteService;
  unsubscribeUrl(recipientId: string, scope: UnsubscribeScope): string;
  now: () => number;
}

const BATCH = 100;
/** Items one digest shows; the rest are counted in the subject and dropped. */
const SHOWN = 50;

export function createDigest({ store, subscriptions, sites, unsubscribeUrl, now }: DigestDeps) {
  async function send(recipientId: string, day: string): Promise<void> {
    const recipient = await subscriptions.findRecipient(recipientId);
    // Before the transaction: on SQLite the site lookup's own query would wait for its connection.
    const site = recipient && (await sites.require(recipient.site_id));
    await store.transaction(async (trx) => {
      const items = await store.items(trx, recipientId, day);
      if (items.length && recipient && site && recipient.suppressed_at === null) {
        const quoted = items.slice(0, SHOWN).map((item) => JSON.parse(item.payload) as Quoted);
        const mail = digestEmail({ site: site.name, day, items: quoted, unsubscribe: { allUrl: unsubscribeUrl(recipient.id, 'all') } });
        await enqueueEmail(trx, { to: recipient.email, ...mail, dedupeKey: `digest:${recipient.id}:${day}` });
      }
      await store.remove(trx, items.map((item) => item.id));
    });
  }

  return {
    /** Sends every digest of a finished day; returns how many (recipient, day) pairs it handled. */
    async run(): Promise<number> {
      let handled = 0;
      for (;;) {
        const due = await store.due(dayOf(now()), BATCH);
        for (const { recipient_id, day } of due) await send(recipient_id, day);
        handled += due.length;
        if (due.length < BATCH) return handled;
      }
    },
  };
}

export type Digest = ReturnType<typeof createDigest>;
