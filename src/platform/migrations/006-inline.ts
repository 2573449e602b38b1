import { sql, type Kysely } from 'kysely';

// Inline feedback: a top-level comment may be anchored to a passage of the article. The
// anchor (W3C Web Annotation TextQuoteSelector + TextPositionSelector, the editor's
// feedbackId, the article's text hash) is stored as JSON with the comment; anchor_key names
// the passage (the feedbackId, or a hash of the quote with its context), so GET
// /api/v1/passages counts comments per passage with one indexed GROUP BY.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('anchor_key', 'text').execute();
  await db.schema.alterTable('comments').addColumn('anchor', 'text').execute();
  await db.schema
    .createIndex('comments_passages')
    .on('comments')
    .columns(['thread_id', 'anchor_key'])
    .where(sql.ref('anchor_key'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_passages').execute();
  await db.schema.alterTable('comments').dropColumn('anchor').execute();
  await db.schema.alterTable('comments').dropColumn('anchor_key').execute();
}
