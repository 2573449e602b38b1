import { sql, type Kysely } from 'kysely';

// Inline feedback, second part.
//  - Editor questions placed through the console: one row per question, its anchor stored as
//    the widget stores a reader's (W3C TextQuote + TextPosition selectors and the article's
//    text hash, as JSON); its passage key is `f:<feedback_id>`, so answers are counted with
//    the comments of that key like the answers to a data-colloquy-feedback question.
//  - Replies belong to their top-level comment's passage: anchor_key is copied to replies
//    when they are written; rows written before that get it here, so counts include them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inline_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('page_key', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('feedback_id', 'text', (c) => c.notNull().unique())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inline_questions_page').on('inline_questions').columns(['site_id', 'page_key', 'id']).execute();

  // The console counts the answers to a site's questions by key, across its threads.
  await db.schema
    .createIndex('comments_site_passages')
    .on('comments')
    .columns(['site_id', 'anchor_key'])
    .where(sql.ref('anchor_key'), 'is not', null)
    .execute();
  await inheritReplyPassages(db);
}

/** Gives replies written before replies carried it their top-level comment's passage key. */
export async function inheritReplyPassages(db: Kysely<any>): Promise<void> {
  await sql`update comments set anchor_key = (select r.anchor_key from comments r where r.id = comments.root_id)
    where parent_id is not null and anchor_key is null
      and root_id in (select a.id from comments a where a.anchor_key is not null)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update comments set anchor_key = null where parent_id is not null`.execute(db);
  await db.schema.dropIndex('comments_site_passages').execute();
  await db.schema.dropTable('inline_questions').execute();
}
