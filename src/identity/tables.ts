// Table types of the identity module (migrations 004-accounts.ts, 009-accounts-more.ts), merged into the Database
// type by platform/schema.ts. Only src/identity/store.ts queries these tables.

export type Role = 'reader' | 'moderator' | 'admin';
export type AvatarMode = 'identicon' | 'gravatar';

/** A reader's account on one site. Deleting one erases its personal data and keeps a tombstone. */
export interface AccountsTable {
  id: string;
  site_id: string;
  /** As the reader gave it (NFC, trimmed); null for SSO users without one and for deleted accounts. */
  email: string | null;
  /** Lower-cased e-mail: unique per site. */
  email_lower: string | null;
  name: string;
  avatar_mode: AvatarMode;
  /** Picture the publisher's SSO supplied; shown instead of Gravatar or the identicon. */
  avatar_url: string | null;
  role: Role;
  /** The publisher's user id (JWT `sub`) for accounts made by SSO: unique per site. */
  sso_sub: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** A bearer token, `${id}.${secret}`: the id finds the row, the secret's hash is compared in constant time. */
export interface SessionsTable {
  id: string;
  site_id: string;
  account_id: string;
  token_hash: string;
  /** How the reader signed in: magic-link or sso. */
  method: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** A single-use sign-in link sent by e-mail; same token shape as sessions. */
export interface MagicLinksTable {
  id: string;
  site_id: string;
  email: string;
  email_lower: string;
  /** The display name the reader gave when asking, for an account made by this link. */
  name: string | null;
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** The `jti` of an SSO token already exchanged (migration 009), kept until the token expires. */
export interface SsoUsedTokensTable {
  site_id: string;
  jti: string;
  expires_at: number;
}

export interface IdentityTables {
  accounts: AccountsTable;
  sessions: SessionsTable;
  magic_links: MagicLinksTable;
  sso_used_tokens: SsoUsedTokensTable;
}
