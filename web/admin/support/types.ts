// Shapes of the support console API (docs/ADMIN-API.md §13), as the console reads them.
import type { CampaignView } from '../../../src/support/bar-view.ts';

export interface Campaign extends CampaignView {
  status: 'active' | 'archived';
  thankYou: string;
}

/** What the editor sends to create, change or preview a campaign. */
export interface CampaignFields {
  title: string;
  currency: string;
  goal: number;
  donorGoal: number | null;
  ticks: number[] | null;
  thankYou: string;
  startsAt?: string;
  endsAt: string | null;
  status: 'active' | 'archived';
}

export type LedgerKind = 'donation' | 'refund' | 'chargeback' | 'chargeback_reversal' | 'manual';
export const LEDGER_KINDS: LedgerKind[] = ['donation', 'refund', 'chargeback', 'chargeback_reversal', 'manual'];
export const MANUAL_METHODS = ['bank_transfer', 'cash', 'crypto', 'cheque', 'other'] as const;
export type ManualMethod = (typeof MANUAL_METHODS)[number];
export const PROVIDERS = ['stripe', ...MANUAL_METHODS] as const;

export interface LedgerEntry {
  id: string;
  campaignId: string;
  kind: LedgerKind;
  status: 'counted' | 'unconverted';
  provider: string;
  providerId: string;
  amount: number;
  currency: string;
  amountCampaign: number;
  rate: string | null;
  interval: 'once' | 'month';
  donor: { name: string | null; anonymous: boolean; email: string | null };
  note: string | null;
  createdBy: string | null;
  occurredAt: string;
  createdAt: string;
}

/** Empty strings mean "any" (the API client leaves them out). */
export interface LedgerFilter {
  campaign?: string;
  kind?: string;
  provider?: string;
  status?: string;
  currency?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface DailyTotals {
  currency: string;
  days: Array<{ day: string; raised: number; refunded: number; entries: number }>;
}

export interface ManualEntry {
  amount: number;
  currency: string;
  rate?: string;
  method: ManualMethod;
  reference?: string;
  donorName?: string;
  anonymous?: boolean;
  email?: string;
  note: string;
  occurredAt?: string;
}

export interface WebhookStatus {
  configured: { secretKey: boolean; webhookSecret: boolean };
  lastEvent: { id: string; type: string; status: string; detail: string | null; receivedAt: string } | null;
  counts: Record<string, number>;
  failures: { last24h: number; recent: Array<{ reason: string; at: string }> };
  deferred: Array<{ id: string; type: string; waitingFor: string | null; receivedAt: string }>;
}
