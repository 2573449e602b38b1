import { sql, type Kysely } from 'kysely';

// Moderation: staff accounts and console sessions, every decision on a comment with its
// reasons, bans, reader reports and reporter weights, and the audit log of staff actions.
// Comments gain `shadow` (approved but shown only to their author) and a keyed hash of the
// author's IP prefix (/24 IPv4, /48 IPv6). Times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('shadow', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('comments').addColumn('ip_prefix_hash', 'text').execute();
  // Queues (by status, newest first), the Recent queue, author history and sockpuppets.
  await db.schema.createIndex('comments_site_status').on('comments').columns(['site_id', 'status', 'id']).execute();
  await db.schema.createIndex('comments_site_id').on('comments').columns(['site_id', 'id']).execute();
  await db.schema.createIndex('comments_site_author').on('comments').columns(['site_id', 'author_key', 'id']).execute();
  await db.schema.createIndex('comments_site_email').on('comments').columns(['site_id', 'author_email', 'id']).execute();
  await db.schema.createIndex('comments_site_ip').on('comments').columns(['site_id', 'ip_hash', 'id']).execute();

  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('global_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_roles_pk', ['user_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('ip_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('staff_sessions_user').on('staff_sessions').columns(['user_id']).execute();

  await db.schema
    .createTable('moderation_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    // pipeline | reports | staff
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('shadow', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('timings', 'text', (c) => c.notNull())
    .addColumn('ms', 'real')
    .addColumn('actor_id', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_decisions_comment').on('moderation_decisions').columns(['comment_id', 'id']).execute();

  await db.schema
    .createTable('moderation_bans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    // account | email | visitor | ip | ip-prefix
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // ban | shadow
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('lifted_at', 'bigint')
    .addColumn('lifted_by', 'text')
    .execute();
  await db.schema.createIndex('moderation_bans_match').on('moderation_bans').columns(['site_id', 'kind', 'value']).execute();
  await db.schema.createIndex('moderation_bans_site').on('moderation_bans').columns(['site_id', 'id']).execute();

  await db.schema
    .createTable('moderation_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('weight', 'real', (c) => c.notNull())
    // open | upheld | dismissed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolved_by', 'text')
    .addUniqueConstraint('moderation_reports_once', ['comment_id', 'reporter_key'])
    .execute();
  await db.schema.createIndex('moderation_reports_site').on('moderation_reports').columns(['site_id', 'status', 'id']).execute();
  await db.schema
    .createIndex('moderation_reports_open')
    .on('moderation_reports')
    .columns(['site_id', 'comment_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();

  await db.schema
    .createTable('moderation_reporters')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull())
    .addColumn('upheld', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dismissed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('moderation_reporters_pk', ['site_id', 'reporter_key'])
    .execute();

  await db.schema
    .createTable('moderation_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_email', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_audit_site').on('moderation_audit').columns(['site_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['moderation_audit', 'moderation_reporters', 'moderation_reports', 'moderation_bans', 'moderation_decisions', 'staff_sessions', 'staff_roles', 'staff_users']) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of ['comments_site_status', 'comments_site_id', 'comments_site_author', 'comments_site_email', 'comments_site_ip']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('comments').dropColumn('ip_prefix_hash').execute();
  await db.schema.alterTable('comments').dropColumn('shadow').execute();
}
