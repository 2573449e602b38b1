// The only SQL for notify_recipients and subscriptions.
import type { Db } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import type { Executor } from './outbox-store.ts';
import type { NotifyRecipientsTable, SubscriptionMode, SubscriptionsTable } from './tables.ts';

export type RecipientRow = NotifyRecipientsTable;
export type SubscriptionRow = SubscriptionsTable;

/** A subscription with its recipient's address, as fan-out needs it. */
export interface Subscriber {
  subscriptionId: string;
  recipientId: string;
  email: string;
  emailLower: string;
  mode: SubscriptionMode;
  chain: boolean;
}

export function createSubscriptionStore(db: Db) {
  /** Confirmed subscriptions of addresses not suppressed. */
  function active(ex: Executor) {
    return ex
      .selectFrom('subscriptions as s')
      .innerJoin('notify_recipients as r', 'r.id', 's.recipient_id')
      .select(['s.id as subscriptionId', 'r.id as recipientId', 'r.email as email', 'r.email_lower as emailLower', 's.mode as mode', 's.chain as chain'])
      .where('s.confirmed_at', 'is not', null)
      .where('r.suppressed_at', 'is', null);
  }
  const asSubscriber = (row: Omit<Subscriber, 'chain'> & { chain: number }): Subscriber => ({ ...row, chain: row.chain === 1 });

  return {
    /** The site's row for an address, made on first use; concurrent first uses agree on one. */
    async ensureRecipient(ex: Executor, siteId: string, email: string, at: number): Promise<RecipientRow> {
      const emailLower = email.toLowerCase();
      await ex
        .insertInto('notify_recipients')
        .values({ id: newId(at), site_id: siteId, email, email_lower: emailLower, confirmed_at: null, suppressed_at: null, created_at: at })
        .onConflict((oc) => oc.columns(['site_id', 'email_lower']).doNothing())
        .execute();
      return ex.selectFrom('notify_recipients').selectAll().where('site_id', '=', siteId).where('email_lower', '=', emailLower).executeTakeFirstOrThrow();
    },

    findRecipient(id: string, ex: Executor = db): Promise<RecipientRow | undefined> {
      return ex.selectFrom('notify_recipients').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findRecipientByEmail(siteId: string, email: string, ex: Executor = db): Promise<RecipientRow | undefined> {
      return ex.selectFrom('notify_recipients').selectAll().where('site_id', '=', siteId).where('email_lower', '=', email.toLowerCase()).executeTakeFirst();
    },

    /** The address is proven: it may receive mail again even after a global unsubscribe. */
    async markConfirmed(ex: Executor, recipientId: string, at: number): Promise<void> {
      await ex.updateTable('notify_recipients').set({ confirmed_at: at, suppressed_at: null }).where('id', '=', recipientId).execute();
    },

    findSubscription(id: string, ex: Executor = db): Promise<SubscriptionRow | undefined> {
      return ex.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findByScope(ex: Executor, recipientId: string, scope: string): Promise<SubscriptionRow | undefined> {
      return ex.selectFrom('subscriptions').selectAll().where('recipient_id', '=', recipientId).where('scope', '=', scope).executeTakeFirst();
    },

    /** Inserts or replaces the subscription of the recipient's scope. */
    async save(ex: Executor, row: SubscriptionRow): Promise<void> {
      const { id: _id, created_at: _created, ...changes } = row;
      await ex
        .insertInto('subscriptions')
        .values(row)
        .onConflict((oc) => oc.columns(['recipient_id', 'scope']).doUpdateSet(changes))
        .execute();
    },

    byConfirmHash(hash: string, ex: Executor = db): Promise<SubscriptionRow[]> {
      return ex.selectFrom('subscriptions').selectAll().where('confirm_hash', '=', hash).execute();
    },

    async confirm(ex: Executor, ids: string[], at: number): Promise<void> {
      if (ids.length) await ex.updateTable('subscriptions').set({ confirmed_at: at }).where('id', 'in', ids).where('confirmed_at', 'is', null).execute();
    },

    transaction<T>(fn: (trx: Executor) => Promise<T>): Promise<T> {
      return db.transaction().execute(fn);
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('subscriptions').where('id', '=', id).execute();
    },

    /** Global unsubscribe: no subscriptions left, and nothing else sent until the address confirms again. */
    async suppress(ex: Executor, recipientId: string, at: number): Promise<void> {
      await ex.deleteFrom('subscriptions').where('recipient_id', '=', recipientId).execute();
      await ex.updateTable('notify_recipients').set({ suppressed_at: at }).where('id', '=', recipientId).execute();
    },

    async threadSubscribers(ex: Executor, siteId: string, pageKey: string): Promise<Subscriber[]> {
      const rows = await active(ex).where('s.site_id', '=', siteId).where('s.kind', '=', 'thread').where('s.page_key', '=', pageKey).execute();
      return rows.map(asSubscriber);
    },

    /** Reply subscriptions of the given addresses (lower-case) on a site. */
    async replySubscribers(ex: Executor, siteId: string, emailsLower: string[]): Promise<Subscriber[]> {
      if (!emailsLower.length) return [];
      const rows = await active(ex).where('s.site_id', '=', siteId).where('s.kind', '=', 'replies').where('r.email_lower', 'in', emailsLower).execute();
      return rows.map(asSubscriber);
    },

    /** Every subscription of a recipient, oldest first: what a signed-in reader sees and exports. */
    ofRecipient(recipientId: string, ex: Executor = db): Promise<SubscriptionRow[]> {
      return ex.selectFrom('subscriptions').selectAll().where('recipient_id', '=', recipientId).orderBy('id').execute();
    },

    /** Deletes one subscription if it is the recipient's; false when it is not (or is gone). */
    async removeOwn(recipientId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('subscriptions').where('id', '=', id).where('recipient_id', '=', recipientId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Forgets the address: its subscriptions and its row (suppression included). */
    async forgetRecipient(ex: Executor, recipientId: string): Promise<void> {
      await ex.deleteFrom('subscriptions').where('recipient_id', '=', recipientId).execute();
      await ex.deleteFrom('notify_recipients').where('id', '=', recipientId).execute();
    },

    /** Unconfirmed subscriptions whose link expired: the address never said yes. */
    async purgeUnconfirmed(before: number): Promise<number> {
      const result = await db.deleteFrom('subscriptions').where('confirmed_at', 'is', null).where('confirm_expires_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
