// The duplicates phase's store in the database (migration 007): every node sees every node's
// comments, fingerprints survive restarts, and each is written in its comment's transaction,
// under the comment's id. A comment costs one fingerprint row and one key row per LSH band and
// per author identity (about 20, in one INSERT); a check costs one indexed query.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db.ts';
import type { Database } from '../../platform/schema.ts';
import type { FingerprintStore, StoredFingerprint } from './duplicate-store.ts';
import { SLOTS } from './fingerprint.ts';

export interface DbFingerprintStoreOptions {
  /** Fingerprints older than this are deleted (ms); the longest duplicate window a site may set is 30 days. */
  retentionMs?: number;
  /** How often one process deletes expired fingerprints (ms). */
  purgeEveryMs?: number;
  /** Most key rows read per check, newest first: bounds the work when a campaign posts thousands of copies. */
  maxKeyRows?: number;
  /** Hears of a failed purge (it is retried at the next interval). */
  onError?: (error: unknown) => void;
  now?: () => number;
}

const DAY = 24 * 60 * 60 * 1000;

function encodeMinhash(minhash: Uint32Array): string {
  return Buffer.from(minhash.buffer, minhash.byteOffset, minhash.byteLength).toString('base64');
}

function decodeMinhash(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const minhash = new Uint32Array(SLOTS);
  for (let i = 0; i < SLOTS; i++) minhash[i] = bytes.readUInt32LE(i * 4);
  return minhash;
}

export function createDbFingerprintStore(db: Db, options: DbFingerprintStoreOptions = {}): FingerprintStore {
  const { retentionMs = 30 * DAY, purgeEveryMs = 10 * 60_000, maxKeyRows = 1024, onError = () => {}, now = Date.now } = options;
  let purgedAt = now();

  async function purge(before: number): Promise<void> {
    const expired = db.selectFrom('moderation_fingerprints').select('comment_id').where('at', '<', before);
    await db.deleteFrom('moderation_fingerprint_keys').where('comment_id', 'in', expired).execute();
    await db.deleteFrom('moderation_fingerprints').where('at', '<', before).execute();
  }

  return {
    async candidates({ siteId, bands, authorKeys, since }) {
      const keys = [...bands, ...authorKeys];
      if (keys.length === 0) return [];
      const recent = db
        .selectFrom('moderation_fingerprint_keys')
        .select('comment_id')
        .where('site_id', '=', siteId)
        .where('key', 'in', keys)
        .where('at', '>=', since)
        .orderBy('at', 'desc')
        .limit(maxKeyRows);
      const rows = await db.selectFrom('moderation_fingerprints').selectAll().where('comment_id', 'in', recent).execute();
      return rows.map((row): StoredFingerprint => ({
        commentId: row.comment_id, siteId: row.site_id, at: Number(row.at), authorKeys: JSON.parse(row.author_keys) as string[],
        exact: row.exact, minhash: decodeMinhash(row.minhash), length: row.length,
      }));
    },

    async add(entry, trx: Transaction<Database>, { replace = false } = {}) {
      if (replace) {
        await trx.deleteFrom('moderation_fingerprint_keys').where('comment_id', '=', entry.commentId).execute();
        await trx.deleteFrom('moderation_fingerprints').where('comment_id', '=', entry.commentId).execute();
      }
      await trx.insertInto('moderation_fingerprints').values({
        comment_id: entry.commentId, site_id: entry.siteId, at: entry.at, author_keys: JSON.stringify(entry.authorKeys),
        exact: entry.exact, minhash: encodeMinhash(entry.minhash), length: entry.length,
      }).execute();
      const keys = [...new Set([...entry.bands, ...entry.authorKeys])];
      await trx.insertInto('moderation_fingerprint_keys').values(keys.map((key) => ({ comment_id: entry.commentId, key, site_id: entry.siteId, at: entry.at }))).execute();
      // Expired fingerprints go now and then, outside the comment's transaction.
      const at = now();
      if (at - purgedAt >= purgeEveryMs) {
        purgedAt = at;
        purge(at - retentionMs).catch(onError);
      }
    },
  };
}
