// Table types of the moderation module (migration 002-moderation.ts), merged into the
// Database type by platform/schema.ts. Only the moderation stores query these tables.

export type DecisionSource = 'pipeline' | 'reports' | 'staff';
export type BanKind = 'account' | 'email' | 'visitor' | 'ip' | 'ip-prefix';
export type BanMode = 'ban' | 'shadow';
export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'other';
export type ReportStatus = 'open' | 'upheld' | 'dismissed';

/** One decision on a comment: the pipeline's on post and edit, reports hiding it, a staff action. */
export interface ModerationDecisionsTable {
  id: string;
  comment_id: string;
  site_id: string;
  source: DecisionSource;
  status: string;
  shadow: number;
  /** JSON array of Reason. */
  reasons: string;
  /** JSON array of { phase, ms }. */
  timings: string;
  ms: number | null;
  actor_id: string | null;
  at: number;
}

export interface ModerationBansTable {
  id: string;
  site_id: string;
  kind: BanKind;
  /** Account id, lower-case e-mail, or a keyed hash (visitor key, IP, IP prefix). */
  value: string;
  label: string;
  mode: BanMode;
  reason: string;
  created_by: string;
  created_at: number;
  /** Null: permanent. */
  expires_at: number | null;
  lifted_at: number | null;
  lifted_by: string | null;
}

export interface ModerationReportsTable {
  id: string;
  comment_id: string;
  site_id: string;
  /** The reporter's actor key (account or keyed visitor hash). */
  reporter_key: string;
  reason: ReportReason;
  note: string | null;
  /** The reporter's weight when they reported: what this report counts towards the threshold. */
  weight: number;
  status: ReportStatus;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

/** How much a reader's reports count on a site: falls when moderators dismiss them. */
export interface ModerationReportersTable {
  site_id: string;
  reporter_key: string;
  weight: number;
  upheld: number;
  dismissed: number;
}

export interface ModerationAuditTable {
  id: string;
  site_id: string | null;
  actor_id: string;
  actor_email: string;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON objects of what changed, or null. */
  before: string | null;
  after: string | null;
  note: string | null;
  at: number;
}

export interface ModerationTables {
  moderation_decisions: ModerationDecisionsTable;
  moderation_bans: ModerationBansTable;
  moderation_reports: ModerationReportsTable;
  moderation_reporters: ModerationReportersTable;
  moderation_audit: ModerationAuditTable;
}
