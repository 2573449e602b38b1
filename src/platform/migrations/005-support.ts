import type { Kysely } from 'kysely';

// Reader support: campaigns, the append-only ledger, totals derived from it, Stripe webhook
// events and subscriptions, per-site "Support us" settings and the admin audit trail.
// Amounts are integer minor units (bigint); times are epoch milliseconds.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('support_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('goal', 'bigint', (c) => c.notNull())
    .addColumn('donor_goal', 'integer')
    // JSON array of minor-unit amounts, or null for automatic ticks.
    .addColumn('ticks', 'text')
    .addColumn('thank_you', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_campaigns_site').on('support_campaigns').columns(['site_id', 'status', 'starts_at']).execute();

  // Never updated or deleted: refunds and chargebacks are new, negative entries.
  await db.schema
    .createTable('support_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('support_campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('provider_ref', 'text')
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_campaign', 'bigint', (c) => c.notNull())
    .addColumn('rate', 'text')
    .addColumn('interval', 'text', (c) => c.notNull())
    .addColumn('donor_key', 'text', (c) => c.notNull())
    .addColumn('donor_name', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('donor_email', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('support_ledger_provider_id', ['provider', 'provider_id'])
    .execute();
  await db.schema.createIndex('support_ledger_campaign').on('support_ledger').columns(['campaign_id', 'occurred_at']).execute();
  await db.schema.createIndex('support_ledger_ref').on('support_ledger').columns(['provider_ref']).execute();

  await db.schema
    .createTable('support_totals')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('support_campaigns.id'))
    .addColumn('raised', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refunded', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('donors', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // Net given per donor per campaign: a donor counts while their net is above zero.
  await db.schema
    .createTable('support_donors')
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('donor_key', 'text', (c) => c.notNull())
    .addColumn('net', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('support_donors_pk', ['campaign_id', 'donor_key'])
    .execute();

  // One row: every ledger or campaign write bumps it first. It serialises ledger writers on
  // PostgreSQL (a row lock) and versions the cached public campaign responses.
  await db.schema
    .createTable('support_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('support_version').values({ id: 1, seq: 0 }).execute();

  await db.schema
    .createTable('support_webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('payload', 'text')
    .addColumn('detail', 'text')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_webhook_events_ref').on('support_webhook_events').columns(['status', 'ref']).execute();
  await db.schema.createIndex('support_webhook_events_received').on('support_webhook_events').columns(['received_at']).execute();

  // Failures never commit an event row (the transaction rolls back), so they are counted here.
  await db.schema
    .createTable('support_webhook_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_webhook_failures_at').on('support_webhook_failures').columns(['provider', 'at']).execute();

  await db.schema
    .createTable('support_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text')
    .addColumn('campaign_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('donor_name', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('support_settings')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('support_audit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_audit_site').on('support_audit').columns(['site_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'support_audit',
    'support_settings',
    'support_subscriptions',
    'support_webhook_failures',
    'support_webhook_events',
    'support_version',
    'support_donors',
    'support_totals',
    'support_ledger',
    'support_campaigns',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
