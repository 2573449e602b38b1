// Table types for Kysely. Each module's store is the only code that queries its tables.

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
  // 1 when shown in public reads: approved and not deleted, or deleted with listed replies.
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
}

export interface VotesTable {
  comment_id: string;
  thread_id: string;
  voter_key: string;
  value: number;
  created_at: number;
}

export interface Database {
  sites: SitesTable;
  threads: ThreadsTable;
  comments: CommentsTable;
  votes: VotesTable;
}
