import type { Kysely } from 'kysely';

// Near-duplicate detection across server processes: each stored comment's text fingerprint
// (MinHash, src/moderation/phases/fingerprint.ts) and its lookup keys, one row per LSH band
// and per author identity, written in the comment's own transaction. The duplicates phase
// finds recent comments sharing a band or an author by (site_id, key, at).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_fingerprints')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // JSON array of identity keys ("visitor:…", "ip:…").
    .addColumn('author_keys', 'text', (c) => c.notNull())
    .addColumn('exact', 'text', (c) => c.notNull())
    // 64 little-endian uint32 slots, base64.
    .addColumn('minhash', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_fingerprints_at').on('moderation_fingerprints').columns(['at']).execute();

  await db.schema
    .createTable('moderation_fingerprint_keys')
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('moderation_fingerprint_keys_pk', ['comment_id', 'key'])
    .execute();
  await db.schema.createIndex('moderation_fingerprint_keys_lookup').on('moderation_fingerprint_keys').columns(['site_id', 'key', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_fingerprint_keys').execute();
  await db.schema.dropTable('moderation_fingerprints').execute();
}
