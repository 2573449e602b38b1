import type { Db } from '../platform/db.ts';
import type { SitesTable } from '../platform/schema.ts';

export interface SiteStore {
  find(id: string): Promise<SitesTable | undefined>;
  insert(site: SitesTable): Promise<void>;
  updateOrigins(id: string, origins: string[]): Promise<void>;
}

export function createSiteStore(db: Db): SiteStore {
  return {
    find: (id) => db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst(),
    async insert(site) {
      await db.insertInto('sites').values(site).execute();
    },
    async updateOrigins(id, origins) {
      await db.updateTable('sites').set({ origins: JSON.stringify(origins) }).where('id', '=', id).execute();
    },
  };
}
