import { sql, type Kysely } from 'kysely';

// Moderator alerts: each staff member's choice, per site, of e-mail about new held comments
// and new reader reports, at once or as an hourly or daily digest. Digest items gain a kind
// (reader "comment" notifications or moderator "alert"s), so one comment can be both in one
// address's digests: the table is rebuilt with the kind in its unique key, the same way on
// both engines (SQLite cannot drop a table constraint). Times are epoch ms.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderator_alerts')
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
    // immediate | hourly | daily
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('moderator_alerts_pk', ['user_id', 'site_id'])
    .execute();
  await db.schema.createIndex('moderator_alerts_site').on('moderator_alerts').columns(['site_id']).execute();

  await db.schema
    .createTable('digest_items_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('notify_recipients.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment'))
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('digest_items_recipient_kind_comment', ['recipient_id', 'kind', 'comment_id'])
    .execute();
  await sql`insert into digest_items_v2 (id, site_id, recipient_id, kind, comment_id, day, payload, created_at)
    select id, site_id, recipient_id, 'comment', comment_id, day, payload, created_at from digest_items`.execute(db);
  await db.schema.dropTable('digest_items').execute();
  await db.schema.alterTable('digest_items_v2').renameTo('digest_items').execute();
  await db.schema.createIndex('digest_items_period').on('digest_items').columns(['day', 'recipient_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderator_alerts').execute();
}
