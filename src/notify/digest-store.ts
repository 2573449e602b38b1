// The only SQL for digest_items.
import type { Db } from '../platform/db.ts';
import type { Executor } from './outbox-store.ts';
import type { DigestItemsTable } from './tables.ts';

export type DigestItemRow = DigestItemsTable;

export function createDigestStore(db: Db) {
  return {
    /** Holds an item; the same comment for the same recipient is held once. */
    async add(ex: Executor, item: DigestItemRow): Promise<void> {
      await ex.insertInto('digest_items').values(item).onConflict((oc) => oc.columns(['recipient_id', 'comment_id']).doNothing()).execute();
    },

    /** (recipient, day) pairs of days before `today`: digests due. */
    due(today: string, limit: number): Promise<Array<{ recipient_id: string; day: string }>> {
      return db.selectFrom('digest_items').select(['recipient_id', 'day']).distinct().where('day', '<', today).orderBy('day').orderBy('recipient_id').limit(limit).execute();
    },

    items(ex: Executor, recipientId: string, day: string): Promise<DigestItemRow[]> {
      return ex.selectFrom('digest_items').selectAll().where('recipient_id', '=', recipientId).where('day', '=', day).orderBy('id').execute();
    },

    async remove(ex: Executor, ids: string[]): Promise<void> {
      if (ids.length) await ex.deleteFrom('digest_items').where('id', 'in', ids).execute();
    },

    /** Drops everything held for a recipient (their address is being forgotten). */
    async removeRecipient(ex: Executor, recipientId: string): Promise<void> {
      await ex.deleteFrom('digest_items').where('recipient_id', '=', recipientId).execute();
    },

    transaction<T>(fn: (trx: Executor) => Promise<T>): Promise<T> {
      return db.transaction().execute(fn);
    },
  };
}

export type DigestStore = ReturnType<typeof createDigestStore>;
