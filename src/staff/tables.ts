// Table types of the staff module (migrations 002-moderation.ts, 008-moderator-alerts.ts), merged into the Database
// type by platform/schema.ts. Only src/staff/store.ts and alert-store.ts query these tables.

export type StaffRole = 'admin' | 'moderator';

export interface StaffUsersTable {
  id: string;
  /** Lower case. */
  email: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, see passwords.ts. */
  password_hash: string;
  global_admin: number;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export interface StaffRolesTable {
  user_id: string;
  site_id: string;
  role: StaffRole;
}

/** A console session: the cookie holds the token, the row only its hash. */
export interface StaffSessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  ip_hash: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** How a staff member hears of new work on a site (migration 008-moderator-alerts.ts). */
export type AlertMode = 'immediate' | 'hourly' | 'daily';

export interface ModeratorAlertsTable {
  user_id: string;
  site_id: string;
  /** New comments held for review. */
  pending: number;
  /** New reader reports. */
  reports: number;
  mode: AlertMode;
  updated_at: number;
}

export interface StaffTables {
  moderator_alerts: ModeratorAlertsTable;
  staff_users: StaffUsersTable;
  staff_roles: StaffRolesTable;
  staff_sessions: StaffSessionsTable;
}
