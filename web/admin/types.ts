// Shapes of the admin API (docs/ADMIN-API.md). Everything here is data, never markup.

export type Status = 'approved' | 'pending' | 'rejected' | 'spam';
export type Role = 'admin' | 'moderator';
export type QueueName = 'pending' | 'reported' | 'recent' | 'rejected';
export const QUEUES: readonly QueueName[] = ['pending', 'reported', 'recent', 'rejected'];

export interface User {
  id: string;
  email: string;
  globalAdmin: boolean;
  roles: { site: string; role: Role }[];
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface Site {
  id: string;
  name: string;
  role: Role;
}

export interface Actor {
  id: string;
  email: string;
}

export interface Reason {
  phase: string;
  rule: string;
  category?: string;
  span?: [number, number];
  score?: number;
  detail?: string;
}

export interface Author {
  name: string;
  email: string | null;
  visitorKey: string | null;
  ipHash: string | null;
  accountId: string | null;
}

export type Action = 'approve' | 'reject' | 'spam' | 'delete' | 'shadow' | 'hold';

export interface AdminComment {
  id: string;
  site: string;
  thread: { id: string; page: string; url: string | null; title: string | null };
  parentId: string | null;
  depth: number;
  author: Author;
  body: string;
  status: Status;
  shadow: boolean;
  listed: boolean;
  deleted: boolean;
  score: number;
  up: number;
  down: number;
  createdAt: string;
  editedAt: string | null;
  moderation: {
    decidedBy: 'pipeline' | 'reports' | 'staff' | string;
    reasons: Reason[];
    timings?: { phase: string; ms: number }[];
    ms?: number | null;
    checkedAt?: string | null;
    lastAction: { action: string; by: Actor | null; at: string; note: string | null } | null;
  };
  reports?: { open: number; weight: number; byReason: Record<string, number> };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type BanKind = 'account' | 'email' | 'visitor' | 'ip' | 'ip-prefix';
export type BanMode = 'ban' | 'shadow';

export interface Ban {
  id: string;
  site: string;
  kind: BanKind;
  value: string;
  label: string;
  mode: BanMode;
  reason: string | null;
  createdBy: Actor | null;
  createdAt: string;
  expiresAt: string | null;
  liftedAt: string | null;
  liftedBy: Actor | null;
  active: boolean;
}

export interface BanRequest {
  kinds: BanKind[];
  mode: BanMode;
  durationSeconds: number | null;
  reason: string;
  action?: Action | null;
}

export interface AuthorHistory {
  author: Author;
  by: string | null;
  stats: Record<string, number>;
  bans: Ban[];
  comments: AdminComment[];
  nextCursor: string | null;
}

export interface Identity {
  visitorKey: string;
  names: string[];
  emails: string[];
  comments: number;
  sharedIps: number;
  firstSeen: string | null;
  lastSeen: string | null;
  statuses: Record<string, number>;
}

export interface AuditEntry {
  id: string;
  site: string | null;
  actor: Actor;
  action: string;
  target: { type: string; id: string };
  before: unknown;
  after: unknown;
  note: string | null;
  at: string;
}

/** The audit log's filters (§10); empty ones are not sent. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  author?: string;
  from?: string;
  to?: string;
}

export interface Preview {
  status: Status;
  reasons: Reason[];
  timings?: { phase: string; ms: number }[];
  ms?: number;
}

export interface BulkResult {
  id: string;
  ok: boolean;
  comment?: AdminComment;
  error?: { code: string; message: string };
}

/** Settings as the API shapes them (§9); unknown keys are kept and sent back untouched. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface SettingsDoc {
  site: string;
  version: number;
  settings: JsonObject;
}

/** An editor question placed on a passage of an article (docs/ADMIN-API.md "Inline questions"). */
export interface InlineQuestion {
  id: string;
  site: string;
  page: string;
  url: string;
  key: string;
  feedbackId: string;
  question: string;
  anchor: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number }; textHash?: string };
  answers: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleEntry {
  page: string;
  url: string;
  title: string | null;
  commentCount: number;
}
