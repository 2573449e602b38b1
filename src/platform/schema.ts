// Table types for Kysely. Each module's store is the only code that queries its tables.
import type { IdentityTables } from '../identity/tables.ts';
import type { InlineTables } from '../inline/tables.ts';
import type { ModerationTables } from '../moderation/tables.ts';
import type { NotifyTables } from '../notify/tables.ts';
import type { StaffTables } from '../staff/tables.ts';
import type { SupportTables } from '../support/tables.ts';

export interface SitesTable {
  id: string;
  name: string;
  origins: string; // JSON array of allowed origins
  settings: string; // JSON object, see sites/settings.ts
  created_at: number;
}

export interface ThreadsTable {
  id: string;
  site_id: string;
  page_key: string;
  url: string | null;
  title: string | null;
  closed: number;
  comment_count: number;
  created_at: number;
  updated_at: number;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  site_id: string;
  parent_id: string | null;
  root_id: string;
  // Materialised path of ids from the root: sorting by it gives conversation order.
  path: string;
  depth: number;
  reply_to_id: string | null;
  reply_to_name: string | null;
  author_name: string;
  author_email: string | null;
  author_key: string | null;
  ip_hash: string | null;
  body: string;
  html: string;
  status: string;
  // 1 when shown in public reads: visible (approved, not shadow, not deleted), or a placeholder
  // keeping listed replies in place. Only comments/visibility.ts changes it.
  listed: number;
  score: number;
  up: number;
  down: number;
  child_count: number;
  deleted: number;
  edit_token_hash: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  // Added by 004-accounts: the account that wrote it (null for guests) and its avatar URL.
  account_id?: string | null;
  author_avatar?: string | null;
  // Added by 002-moderation: approved but shown only to its author (shadow-ban), and a keyed
  // hash of the author's IP prefix (/24 IPv4, /48 IPv6) for prefix bans and sockpuppets.
  shadow?: number;
  ip_prefix_hash?: string | null;
  // Added by 006-inline: the passage a top-level comment is about (see inline/anchor.ts):
  // its key (feedbackId or quote hash) and the anchor as JSON.
  anchor_key?: string | null;
  anchor?: string | null;
  // Added by 014-plain-approvals: the pipeline's timings when it approved the new comment with
  // no reasons, kept here instead of in a decision row (moderation/decision-store.ts).
  pipeline_timings?: string | null;
}

export interface VotesTable {
  comment_id: string;
  thread_id: string;
  voter_key: string;
  value: number;
  created_at: number;
}

export interface Database extends SupportTables, IdentityTables, ModerationTables, StaffTables, NotifyTables, InlineTables {
  sites: SitesTable;
  threads: ThreadsTable;
  comments: CommentsTable;
  votes: VotesTable;
}
