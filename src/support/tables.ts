// Table types of the support module (migration 005-support.ts), merged into the Database
// type by platform/schema.ts. Only the support stores query these tables.

export interface SupportCampaignsTable {
  id: string;
  site_id: string;
  title: string;
  /** ISO 4217, upper case. */
  currency: string;
  /** Minor units of `currency`. */
  goal: number;
  donor_goal: number | null;
  /** JSON array of minor-unit amounts; null: chosen automatically from the goal. */
  ticks: string | null;
  thank_you: string;
  status: 'active' | 'archived';
  starts_at: number;
  ends_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SupportLedgerTable {
  id: string;
  /** The support_version value of the transaction that wrote it. */
  seq: number;
  site_id: string;
  campaign_id: string;
  kind: LedgerKind;
  /** counted: in the totals; unconverted: another currency with no rate, kept out of them. */
  status: 'counted' | 'unconverted';
  provider: string;
  /** The provider's id of the money movement: unique per provider, so recording is idempotent. */
  provider_id: string;
  /** What later entries refer to (a Stripe PaymentIntent), or null. */
  provider_ref: string | null;
  /** Signed, in minor units of `currency`. */
  amount: number;
  currency: string;
  /** Signed, in minor units of the campaign's currency. */
  amount_campaign: number;
  /** Units of the campaign's currency per unit of `currency`, as supplied; null when the same. */
  rate: string | null;
  interval: 'once' | 'month';
  donor_key: string;
  /** Null when the donor chose to be anonymous. */
  donor_name: string | null;
  anonymous: number;
  /** Private: for thanking and for staff, never in a public response. */
  donor_email: string | null;
  note: string | null;
  created_by: string | null;
  occurred_at: number;
  created_at: number;
}

export type LedgerKind = 'donation' | 'refund' | 'chargeback' | 'chargeback_reversal' | 'manual';

export interface SupportTotalsTable {
  campaign_id: string;
  raised: number;
  refunded: number;
  donors: number;
  entries: number;
  updated_at: number;
}

export interface SupportDonorsTable {
  campaign_id: string;
  donor_key: string;
  net: number;
}

export interface SupportVersionTable {
  id: number;
  seq: number;
}

export interface SupportWebhookEventsTable {
  id: string;
  provider: string;
  type: string;
  /** processed | ignored | deferred (waits for the payment it refers to) | applied (a deferred one, later). */
  status: string;
  ref: string | null;
  payload: string | null;
  detail: string | null;
  received_at: number;
}

export interface SupportWebhookFailuresTable {
  id: string;
  provider: string;
  reason: string;
  at: number;
}

export interface SupportSubscriptionsTable {
  id: string;
  provider: string;
  site_id: string | null;
  campaign_id: string | null;
  status: string;
  amount: number | null;
  currency: string | null;
  donor_name: string | null;
  anonymous: number;
  created_at: number;
  updated_at: number;
}

export interface SupportSettingsTable {
  site_id: string;
  settings: string;
  updated_at: number;
}

export interface SupportAuditTable {
  id: string;
  site_id: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  at: number;
}

export interface SupportTables {
  support_campaigns: SupportCampaignsTable;
  support_ledger: SupportLedgerTable;
  support_totals: SupportTotalsTable;
  support_donors: SupportDonorsTable;
  support_version: SupportVersionTable;
  support_webhook_events: SupportWebhookEventsTable;
  support_webhook_failures: SupportWebhookFailuresTable;
  support_subscriptions: SupportSubscriptionsTable;
  support_settings: SupportSettingsTable;
  support_audit: SupportAuditTable;
}
