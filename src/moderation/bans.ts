// Bans: on an account, e-mail, browser (visitor key), IP or IP prefix; permanent or until a
// time (a suspension); "ban" refuses new comments, "shadow" shows them to their author alone.
// isBanned is the lookup the pipeline's bans phase uses.
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { AuthorIdentity } from './phase.ts';
import type { Ban, IsBanned } from './phases/bans.ts';
import { identityKeys } from './phases/identity.ts';
import type { BanRow, BanStore } from './ban-store.ts';
import type { BanKind, BanMode } from './tables.ts';

export interface NewBan {
  siteId: string;
  kind: BanKind;
  value: string;
  label: string;
  mode: BanMode;
  reason: string;
  /** Null: permanent. */
  durationSeconds: number | null;
  createdBy: string;
}

export interface BanView {
  id: string;
  site: string;
  kind: BanKind;
  value: string;
  label: string;
  mode: BanMode;
  reason: string;
  createdBy: { id: string; email: string | null };
  createdAt: string;
  expiresAt: string | null;
  liftedAt: string | null;
  liftedBy: { id: string; email: string | null } | null;
  active: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Ban or suspension (before shadow), then the newest. */
function severity(row: BanRow): number {
  return row.mode === 'shadow' ? 0 : 1;
}

export function createBanService(store: BanStore, now: () => number = Date.now) {
  function view(row: BanRow, emails: Map<string, string> = new Map()): BanView {
    const at = now();
    return {
      id: row.id, site: row.site_id, kind: row.kind, value: row.value, label: row.label, mode: row.mode, reason: row.reason,
      createdBy: { id: row.created_by, email: emails.get(row.created_by) ?? null },
      createdAt: new Date(row.created_at).toISOString(), expiresAt: iso(row.expires_at), liftedAt: iso(row.lifted_at),
      liftedBy: row.lifted_by ? { id: row.lifted_by, email: emails.get(row.lifted_by) ?? null } : null,
      active: row.lifted_at === null && (row.expires_at === null || row.expires_at > at),
    };
  }

  const isBanned: IsBanned = async (identity: AuthorIdentity, siteId: string | undefined): Promise<Ban | null> => {
    if (!siteId) return null;
    const rows = await store.matching(siteId, identityKeys(identity), now());
    const worst = rows.sort((a, b) => severity(b) - severity(a))[0];
    if (!worst) return null;
    const mode = worst.mode === 'shadow' ? 'shadow' : worst.expires_at === null ? 'ban' : 'suspend';
    return { id: worst.id, kind: worst.kind, value: worst.value, mode, expiresAt: worst.expires_at, reason: worst.reason };
  };

  return {
    isBanned,
    view,

    async create(input: NewBan): Promise<BanRow> {
      const at = now();
      const row: BanRow = {
        id: newId(at), site_id: input.siteId, kind: input.kind,
        value: input.kind === 'email' ? input.value.trim().toLowerCase() : input.value,
        label: input.label, mode: input.mode, reason: input.reason, created_by: input.createdBy, created_at: at,
        expires_at: input.durationSeconds === null ? null : at + input.durationSeconds * 1000, lifted_at: null, lifted_by: null,
      };
      await store.insert(row);
      return row;
    },

    async require(id: string): Promise<BanRow> {
      const row = await store.find(id);
      if (!row) throw notFound('ban_not_found', 'No such ban');
      return row;
    },

    /** Lifts the ban; returns it as it is now and whether this call lifted it. */
    async lift(id: string, by: string): Promise<{ row: BanRow; lifted: boolean }> {
      const lifted = await store.lift(id, by, now());
      return { row: (await store.find(id))!, lifted };
    },

    list(siteId: string, activeOnly: boolean, beforeId: string | null, limit: number): Promise<BanRow[]> {
      return store.list(siteId, activeOnly ? now() : null, beforeId, limit);
    },

    /** Bans in force on any identity of an author. */
    forAuthor(siteId: string, identity: AuthorIdentity): Promise<BanRow[]> {
      return store.matching(siteId, identityKeys(identity), now());
    },
  };
}

export type BanService = ReturnType<typeof createBanService>;
