// Bans: on an account, e-mail, browser (visitor key), IP or IP prefix; permanent or until a
// time (a suspension); "ban" refuses new comments, "shadow" shows them to their author alone.
// isBanned is the lookup the pipeline's bans phase uses: it answers from a per-site index of
// the active bans held in memory (no query per comment), which every node drops the moment a
// ban is made or lifted anywhere (a bans.updated signal on the bus).
import type { Bus } from '../platform/bus.ts';
import { notFound } from '../platform/errors.ts';
import { createSiteCache } from '../platform/site-cache.ts';
import { newId } from '../platform/ids.ts';
import type { AuthorIdentity } from './phase.ts';
import type { Ban, IsBanned } from './phases/bans.ts';
import { identityKeys, keyString } from './phases/identity.ts';
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

export interface BanServiceOptions {
  now?: () => number;
  bus?: Pick<Bus, 'signal' | 'onSignal' | 'onGap'>;
  /** A site with more active bans than this is asked with a query per comment instead of
   * being held in memory. */
  maxIndexed?: number;
}

export function createBanService(store: BanStore, { now = Date.now, bus, maxIndexed = 20_000 }: BanServiceOptions = {}) {
  // Active bans by identity key; null when the site has too many to hold.
  const index = createSiteCache<Map<string, BanRow[]> | null>({
    ttlMs: 60_000,
    signal: 'bans.updated',
    bus,
    async load(siteId) {
      const rows = await store.list(siteId, now(), null, maxIndexed + 1);
      if (rows.length > maxIndexed) return null;
      const byKey = new Map<string, BanRow[]>();
      for (const row of rows) {
        const key = keyString(row);
        byKey.set(key, [...(byKey.get(key) ?? []), row]);
      }
      return byKey;
    },
  });

  /** Bans in force at `at` on any of these identities, newest first. */
  async function matching(siteId: string, identity: AuthorIdentity, at: number): Promise<BanRow[]> {
    const keys = identityKeys(identity);
    const byKey = await index.get(siteId);
    if (!byKey) return store.matching(siteId, keys, at);
    const rows = keys.flatMap((k) => byKey.get(keyString(k)) ?? []);
    // The index was read up to a minute ago: suspensions that ended since are dropped here.
    return rows.filter((row) => row.expires_at === null || row.expires_at > at).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

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
    const rows = await matching(siteId, identity, now());
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
      index.changed(row.site_id);
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
      const row = (await store.find(id))!;
      if (lifted) index.changed(row.site_id);
      return { row, lifted };
    },

    list(siteId: string, activeOnly: boolean, beforeId: string | null, limit: number): Promise<BanRow[]> {
      return store.list(siteId, activeOnly ? now() : null, beforeId, limit);
    },

    /** Bans in force on any identity of an author. */
    forAuthor(siteId: string, identity: AuthorIdentity): Promise<BanRow[]> {
      return matching(siteId, identity, now());
    },
  };
}

export type BanService = ReturnType<typeof createBanService>;
