// The audit log: every staff action, who did it, to what, what it was before and after.
import { authorRefOf } from '../comments/moderation-store.ts';
import type { CommentRow } from '../comments/store.ts';
import { newId } from '../platform/ids.ts';
import type { StaffUser } from '../staff/service.ts';
import type { AuditFilter, AuditRow, AuditStore } from './audit-store.ts';

export interface AuditEntry {
  actor: Pick<StaffUser, 'id' | 'email'>;
  site: string | null;
  action: string;
  targetType: string;
  targetId: string;
  /** The author of the comment concerned (authorRefKey), so the log filters by author. */
  author?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** How audit rows name a comment's author: by the identity author history uses ("key:…", "email:…", "ip:…"). */
export function authorRefKey(comment: Pick<CommentRow, 'author_key' | 'author_email' | 'ip_hash'>): string | null {
  const ref = authorRefOf(comment);
  return ref ? `${ref.by}:${ref.value}` : null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
const parsed = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

export function auditView(row: AuditRow) {
  return {
    id: row.id, site: row.site_id, actor: { id: row.actor_id, email: row.actor_email }, action: row.action,
    target: { type: row.target_type, id: row.target_id }, before: parsed(row.before), after: parsed(row.after),
    note: row.note, at: new Date(row.at).toISOString(),
  };
}

export function createAuditService(store: AuditStore, now: () => number = Date.now) {
  return {
    async log(entry: AuditEntry): Promise<void> {
      const at = now();
      await store.insert({
        id: newId(at), site_id: entry.site, actor_id: entry.actor.id, actor_email: entry.actor.email, action: entry.action,
        target_type: entry.targetType, target_id: entry.targetId, author_ref: entry.author ?? null, before: json(entry.before), after: json(entry.after),
        note: entry.note ?? null, at,
      });
    },

    async list(filter: AuditFilter, beforeId: string | null, limit: number) {
      const rows = await store.list(filter, beforeId, limit + 1);
      const page = rows.slice(0, limit);
      return { entries: page.map(auditView), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
