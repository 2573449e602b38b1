import type { Db } from '../platform/db.ts';
import type { SitesTable } from '../platform/schema.ts';

export interface SiteStore {
  find(id: string): Promise<SitesTable | undefined>;
  list(): Promise<Array<Pick<SitesTable, 'id' | 'name'>>>;
  insert(site: SitesTable): Promise<void>;
  updateOrigins(id: string, origins: string[]): Promise<void>;
  /** Replaces the settings JSON only if it is still `previous`; false when someone saved first. */
  replaceSettings(id: string, previous: string, next: string): Promise<boolean>;
}

export function createSiteStore(db: Db): SiteStore {
  return {
    find: (id) => db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst(),
    list: () => db.selectFrom('sites').select(['id', 'name']).orderBy('id').execute(),
    async insert(site) {
      await db.insertInto('sites').values(site).execute();
    },
    async updateOrigins(id, origins) {
      await db.updateTable('sites').set({ origins: JSON.stringify(origins) }).where('id', '=', id).execute();
    },
    async replaceSettings(id, previous, next) {
      const result = await db.updateTable('sites').set({ settings: next }).where('id', '=', id).where('settings', '=', previous).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
