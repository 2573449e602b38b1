import { sql, type Kysely } from 'kysely';

// The console's audit filters: each audit entry about a comment (or a ban made from one)
// remembers the comment's author as "key:…", "email:…" or "ip:…" (how author history names
// an author), so "everything done to this author" is one indexed query. Entries written
// before this migration learn it from their comment.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('moderation_audit').addColumn('author_ref', 'text').execute();
  await sql`
    UPDATE moderation_audit SET author_ref = (
      SELECT CASE
        WHEN c.author_key IS NOT NULL THEN 'key:' || c.author_key
        WHEN c.author_email IS NOT NULL THEN 'email:' || c.author_email
        WHEN c.ip_hash IS NOT NULL THEN 'ip:' || c.ip_hash
      END
      FROM comments c WHERE c.id = moderation_audit.target_id)
    WHERE target_type = 'comment'`.execute(db);
  await db.schema.createIndex('moderation_audit_site_author').on('moderation_audit').columns(['site_id', 'author_ref', 'id']).execute();
  await db.schema.createIndex('moderation_audit_site_target').on('moderation_audit').columns(['site_id', 'target_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('moderation_audit_site_target').execute();
  await db.schema.dropIndex('moderation_audit_site_author').execute();
  await db.schema.alterTable('moderation_audit').dropColumn('author_ref').execute();
}
