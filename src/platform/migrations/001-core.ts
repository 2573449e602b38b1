import { sql, type Kysely } from 'kysely';

// Types that mean the same on SQLite and PostgreSQL: times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('origins', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('page_key', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('threads_site_page', ['site_id', 'page_key'])
    .execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('root_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('reply_to_id', 'text')
    .addColumn('reply_to_name', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text')
    .addColumn('author_key', 'text')
    .addColumn('ip_hash', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('listed', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('down', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edit_token_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('edited_at', 'bigint')
    .addColumn('deleted_at', 'bigint')
    .execute();

  // Top-level pages: one partial index per sort order, so no sort happens in memory.
  await db.schema
    .createIndex('comments_roots_by_id')
    .on('comments')
    .columns(['thread_id', 'id'])
    .where(sql.ref('parent_id'), 'is', null)
    .where(sql.ref('listed'), '=', 1)
    .execute();
  await db.schema
    .createIndex('comments_roots_by_score')
    .on('comments')
    .columns(['thread_id', 'score', 'id'])
    .where(sql.ref('parent_id'), 'is', null)
    .where(sql.ref('listed'), '=', 1)
    .execute();
  // Replies of a page of roots, in conversation order.
  await db.schema
    .createIndex('comments_replies_by_path')
    .on('comments')
    .columns(['root_id', 'path'])
    .where(sql.ref('listed'), '=', 1)
    .execute();
  await db.schema.createIndex('comments_author').on('comments').columns(['thread_id', 'author_key']).execute();
  await db.schema.createIndex('comments_parent').on('comments').columns(['parent_id']).execute();

  await db.schema
    .createTable('votes')
    .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['comment_id', 'voter_key'])
    .execute();
  await db.schema.createIndex('votes_thread_voter').on('votes').columns(['thread_id', 'voter_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['votes', 'comments', 'threads', 'sites']) await db.schema.dropTable(table).execute();
}
