// Shapes of the notification admin API (docs/ADMIN-API.md §14): alert choices, webhook
// endpoints and their deliveries, the outbox. Data only, never markup.
import type { Role } from './types.ts';

export type AlertMode = 'immediate' | 'hourly' | 'daily';
export const ALERT_MODES: readonly AlertMode[] = ['immediate', 'hourly', 'daily'];

export interface AlertChoice {
  pending: boolean;
  reports: boolean;
  mode: AlertMode;
}

export interface SiteAlerts extends AlertChoice {
  site: string;
  siteName: string;
  role: Role;
}

export interface Endpoint {
  id: string;
  siteId: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

export interface Delivery {
  id: string;
  event: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  statusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextRetryAt: string | null;
}

export interface OutboxItem {
  id: string;
  kind: string;
  state: 'pending' | 'sent' | 'failed';
  summary: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  failedAt: string | null;
}

export interface OutboxOverview {
  counts: { pending: number; failed: number };
  pending: OutboxItem[];
  failed: OutboxItem[];
}
