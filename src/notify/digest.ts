// Digests: notifications held per recipient and UTC period (a day, or an hour for moderators
// who chose hourly alerts) and, once the period is over, sent as one e-mail per recipient,
// kind and period. Readers' "comment" digests and moderators' "alert" digests share this loop;
// each kind renders its own e-mail. Runs on every node; the dedupe key (recipient, kind,
// period) and deleting the items in the same transaction keep it to one e-mail.
import type { Site, SiteService } from '../sites/service.ts';
import type { DigestItemRow, DigestStore, DueDigest } from './digest-store.ts';
import { enqueueEmail } from './outbox.ts';
import type { RecipientRow, SubscriptionStore } from './subscription-store.ts';
import type { DigestKind } from './tables.ts';
import { digestEmail, type Quoted, type RenderedEmail } from './templates/render.ts';
import type { UnsubscribeScope } from './tokens.ts';

/** The UTC day of a time, as daily digests group by it. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The UTC hour of a time (YYYY-MM-DDTHH), as hourly digests group by it. */
export function hourOf(at: number): string {
  return new Date(at).toISOString().slice(0, 13);
}

/** Renders one digest e-mail from its items (at most SHOWN of them; `total` counts all). */
export type DigestRenderer = (input: { site: Site; recipient: RecipientRow; period: string; items: DigestItemRow[]; total: number; allUrl: string }) => RenderedEmail;

export interface DigestDeps {
  store: DigestStore;
  subscriptions: SubscriptionStore;
  sites: SiteService;
  unsubscribeUrl(recipientId: string, scope: UnsubscribeScope): string;
  /** Kinds besides readers' comment digests (moderator alerts). */
  renderers?: Partial<Record<DigestKind, DigestRenderer>>;
  now: () => number;
}

const BATCH = 100;
/** Items one digest shows; the rest are counted in the subject and dropped. */
const SHOWN = 50;

const commentDigest: DigestRenderer = ({ site, period, items, allUrl }) =>
  digestEmail({ site: site.name, day: period, items: items.map((item) => JSON.parse(item.payload) as Quoted), unsubscribe: { allUrl } });

export function createDigest({ store, subscriptions, sites, unsubscribeUrl, renderers = {}, now }: DigestDeps) {
  const render: Partial<Record<DigestKind, DigestRenderer>> = { comment: commentDigest, ...renderers };

  async function send(due: DueDigest): Promise<void> {
    const recipient = await subscriptions.findRecipient(due.recipient_id);
    // Before the transaction: on SQLite the site lookup's own query would wait for its connection.
    const site = recipient && (await sites.require(recipient.site_id));
    const renderer = render[due.kind];
    await store.transaction(async (trx) => {
      const items = await store.items(trx, due);
      if (items.length && recipient && site && renderer && recipient.suppressed_at === null) {
        const mail = renderer({ site, recipient, period: due.day, items: items.slice(0, SHOWN), total: items.length, allUrl: unsubscribeUrl(recipient.id, 'all') });
        // Readers' digests keep the key they always had.
        const key = due.kind === 'comment' ? `digest:${recipient.id}:${due.day}` : `digest:${due.kind}:${recipient.id}:${due.day}`;
        await enqueueEmail(trx, { to: recipient.email, ...mail, dedupeKey: key });
      }
      await store.remove(trx, items.map((item) => item.id));
    });
  }

  return {
    /** Sends every digest of a finished period; returns how many (recipient, kind, period) it handled. */
    async run(): Promise<number> {
      let handled = 0;
      for (;;) {
        const at = now();
        const due = await store.due(dayOf(at), hourOf(at), BATCH);
        for (const one of due) await send(one);
        handled += due.length;
        if (due.length < BATCH) return handled;
      }
    },
  };
}

export type Digest = ReturnType<typeof createDigest>;
