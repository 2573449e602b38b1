// The only SQL for moderation_audit: append-only, never updated.
import type { Db } from '../platform/db.ts';
import type { ModerationAuditTable } from './tables.ts';

export type AuditRow = ModerationAuditTable;

export interface AuditFilter {
  siteId: string;
  actorId?: string;
  targetId?: string;
  /** An author as audit rows name them (see authorRefKey). */
  authorRef?: string;
  /** An action ("comment.approve"), or a family of them ("comment"). */
  action?: string;
  /** Epoch ms: at or after `from`, before `to`. */
  from?: number;
  to?: number;
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
      if (filter.authorRef) query = query.where('author_ref', '=', filter.authorRef);
      if (filter.action) {
        const action = filter.action;
        query = action.includes('.') ? query.where('action', '=', action) : query.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
      }
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('at', '<', filter.to);
      if (beforeId) query = query.where('id', '<', beforeId);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
