// The only SQL for webhook_endpoints and webhook_deliveries.
import type { Db } from '../platform/db.ts';
import type { Executor } from './outbox-store.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './tables.ts';

export type EndpointRow = WebhookEndpointsTable;
export type DeliveryRow = WebhookDeliveriesTable;

export function createWebhookStore(db: Db) {
  return {
    async insert(row: EndpointRow): Promise<void> {
      await db.insertInto('webhook_endpoints').values(row).execute();
    },

    find(id: string): Promise<EndpointRow | undefined> {
      return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The site's active endpoints; callers filter by event (a JSON list, small). */
    active(ex: Executor, siteId: string): Promise<EndpointRow[]> {
      return ex.selectFrom('webhook_endpoints').selectAll().where('site_id', '=', siteId).where('active', '=', 1).execute();
    },

    list(siteId: string): Promise<EndpointRow[]> {
      return db.selectFrom('webhook_endpoints').selectAll().where('site_id', '=', siteId).orderBy('id').execute();
    },

    async setActive(id: string, active: boolean): Promise<boolean> {
      return this.update(id, { active: active ? 1 : 0 });
    },

    async update(id: string, changes: Partial<Pick<EndpointRow, 'url' | 'events' | 'active' | 'secret'>>): Promise<boolean> {
      const result = await db.updateTable('webhook_endpoints').set(changes).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
    },

    async logDelivery(row: DeliveryRow): Promise<void> {
      await db.insertInto('webhook_deliveries').values(row).execute();
    },

    /** The last attempt of each of these deliveries (outbox rows). */
    async lastAttempts(outboxIds: string[]): Promise<Map<string, DeliveryRow>> {
      if (!outboxIds.length) return new Map();
      const rows = await db.selectFrom('webhook_deliveries').selectAll().where('outbox_id', 'in', outboxIds).orderBy('id').execute();
      return new Map(rows.map((row) => [row.outbox_id, row]));
    },

    /** An endpoint's attempts, newest first. */
    deliveries(endpointId: string, limit: number): Promise<DeliveryRow[]> {
      return db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId).orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
