import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Moderation decisions are only ever read by comment (decision-store.ts: by comment, oldest
// first), and one is written with every comment. Keyed by (comment_id, id) they need one
// B-tree instead of three (the table, the unique index of its text id, the comment index): on
// SQLite a table WITHOUT ROWID, so each comment's commit writes two fewer pages to the WAL.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('moderation_decisions_comment').execute();
  await rebuild(db, 'moderation_decisions_pk', ['comment_id', 'id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, 'moderation_decisions_id_pk', ['id']);
  await db.schema.createIndex('moderation_decisions_comment').on('moderation_decisions').columns(['comment_id', 'id']).execute();
}

/** Copies the table into one with the given key (a new table: SQLite cannot change a key in
 * place). Keyed by comment, SQLite's table is the key's B-tree itself (WITHOUT ROWID). */
async function rebuild(db: Kysely<any>, keyName: string, key: string[]): Promise<void> {
  const clustered = key.length > 1 && db.getExecutor().adapter instanceof SqliteAdapter;
  const table = db.schema
    .createTable('moderation_decisions_next')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('shadow', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('timings', 'text', (c) => c.notNull())
    .addColumn('ms', 'real')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint(keyName, key as never);
  await (clustered ? table.modifyEnd(sql`without rowid`) : table).execute();
  await sql`INSERT INTO moderation_decisions_next (id, comment_id, site_id, source, status, shadow, reasons, timings, ms, actor_id, at)
    SELECT id, comment_id, site_id, source, status, shadow, reasons, timings, ms, actor_id, at FROM moderation_decisions`.execute(db);
  await db.schema.dropTable('moderation_decisions').execute();
  await db.schema.alterTable('moderation_decisions_next').renameTo('moderation_decisions').execute();
}
