// The only SQL for digest_items.
import type { Db } from '../platform/db.ts';
import type { Executor } from './outbox-store.ts';
import type { DigestItemsTable, DigestKind } from './tables.ts';

export type DigestItemRow = DigestItemsTable;

export interface DueDigest {
  recipient_id: string;
  kind: DigestKind;
  day: string;
}

export function createDigestStore(db: Db) {
  return {
    /** Holds an item; the same comment for the same recipient and kind is held once. */
    async add(ex: Executor, item: DigestItemRow): Promise<void> {
      await ex.insertInto('digest_items').values(item).onConflict((oc) => oc.columns(['recipient_id', 'kind', 'comment_id']).doNothing()).execute();
    },

    /** Holds an item, or replaces what the held one shows (more happened to the same comment). */
    async put(ex: Executor, item: DigestItemRow): Promise<void> {
      await ex.insertInto('digest_items').values(item).onConflict((oc) => oc.columns(['recipient_id', 'kind', 'comment_id']).doUpdateSet({ payload: item.payload })).execute();
    },

    find(ex: Executor, recipientId: string, kind: DigestKind, commentId: string): Promise<DigestItemRow | undefined> {
      return ex.selectFrom('digest_items').selectAll().where('recipient_id', '=', recipientId).where('kind', '=', kind).where('comment_id', '=', commentId).executeTakeFirst();
    },

    /**
     * Digests due: periods that ended. Days (YYYY-MM-DD) before today, and hours
     * (YYYY-MM-DDTHH) before this one: an hour of today sorts after today's day and before
     * this hour; every hour of an earlier day sorts before today.
     */
    due(today: string, thisHour: string, limit: number): Promise<DueDigest[]> {
      return db
        .selectFrom('digest_items')
        .select(['recipient_id', 'kind', 'day'])
        .distinct()
        .where((eb) => eb.or([eb('day', '<', today), eb.and([eb('day', '>', today), eb('day', '<', thisHour)])]))
        .orderBy('day')
        .orderBy('recipient_id')
        .orderBy('kind')
        .limit(limit)
        .execute();
    },

    items(ex: Executor, { recipient_id, kind, day }: DueDigest): Promise<DigestItemRow[]> {
      return ex.selectFrom('digest_items').selectAll().where('recipient_id', '=', recipient_id).where('kind', '=', kind).where('day', '=', day).orderBy('id').execute();
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
