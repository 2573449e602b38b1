// The only SQL for moderation_audit: append-only, never updated.
import type { Db } from '../platform/db.ts';
import type { ModerationAuditTable } from './tables.ts';

export type AuditRow = ModerationAuditTable;

export interface AuditFilter {
  siteId: string;
  actorId?: string;
  targetId?: string;
}

export function createAuditStore(db: Db) {
  return {
    async insert(row: AuditRow): Promise<void> {
      await db.insertInto('moderation_audit').values(row).execute();
    },

    list(filter: AuditFilter, beforeId: string | null, limit: number): Promise<AuditRow[]> {
      let query = db.selectFrom('moderation_audit').selectAll().where('site_id', '=', filter.siteId);
      if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
      if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
