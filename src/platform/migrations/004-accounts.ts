import { sql, type Kysely } from 'kysely';

// Readers' accounts (magic link or publisher SSO), their bearer sessions, pending sign-in
// links, and the link from a comment to the account that wrote it. Accounts belong to one
// site (see docs/DECISIONS.md). Times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('email_lower', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('avatar_mode', 'text', (c) => c.notNull().defaultTo('identicon'))
    .addColumn('avatar_url', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('reader'))
    .addColumn('sso_sub', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .execute();
  // NULLs are distinct on both engines: deleted accounts (e-mail and sub erased) never collide.
  await db.schema.createIndex('accounts_site_email').unique().on('accounts').columns(['site_id', 'email_lower']).execute();
  await db.schema.createIndex('accounts_site_sub').unique().on('accounts').columns(['site_id', 'sso_sub']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('sessions_account').on('sessions').columns(['account_id']).execute();

  await db.schema
    .createTable('magic_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_lower', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('magic_links_email').on('magic_links').columns(['site_id', 'email_lower']).execute();

  await db.schema.alterTable('comments').addColumn('account_id', 'text').execute();
  await db.schema.alterTable('comments').addColumn('author_avatar', 'text').execute();
  // "My comments", newest first, and forgetting an account's comments.
  await db.schema
    .createIndex('comments_account')
    .on('comments')
    .columns(['account_id', 'id'])
    .where(sql.ref('account_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_account').execute();
  await db.schema.alterTable('comments').dropColumn('author_avatar').execute();
  await db.schema.alterTable('comments').dropColumn('account_id').execute();
  for (const table of ['magic_links', 'sessions', 'accounts']) await db.schema.dropTable(table).execute();
}
