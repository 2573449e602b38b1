import type { Kysely } from 'kysely';

// SSO replay blocking: the `jti` of every publisher token exchanged for a session, kept until
// the token's own expiry, so a token copied from a page works nowhere a second time. In the
// database rather than in memory, so every node behind the load balancer agrees.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sso_used_tokens')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('jti', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_used_tokens_pk', ['site_id', 'jti'])
    .execute();
  await db.schema.createIndex('sso_used_tokens_expiry').on('sso_used_tokens').columns(['expires_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sso_used_tokens').execute();
}
