// One real server per engine for a describe block: a fresh database before, dropped after.
import { after, before } from 'node:test';
import { createSiteService } from '../../src/sites/service.ts';
import type { SiteSettings } from '../../src/sites/settings.ts';
import { createSiteStore } from '../../src/sites/store.ts';
import { createApi, type Api } from './api.ts';
import type { ENGINES, TestDatabase } from './databases.ts';
import { startServer, type TestServer } from './server.ts';

export interface Harness {
  api: Api;
  server: TestServer;
  /** Creates (or updates the origins of) a site with its own settings, as an operator would;
   * guests need no ALTCHA there unless `settings.moderation.bots.altcha` says so. */
  addSite(id: string, origins: string[], settings?: Partial<SiteSettings>): Promise<void>;
}

/**
 * Registers before/after hooks that start a server on `engine` and returns a harness
 * whose fields are filled in by the time tests run.
 */
export function useServer(engine: (typeof ENGINES)[number], env: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  let database: TestDatabase;
  before(async () => {
    database = await engine.create();
    harness.server = await startServer(env, database);
    harness.api = createApi(harness.server);
    const sites = createSiteService(createSiteStore(harness.server.app.database.db), { bus: harness.server.app.bus });
    harness.addSite = async (id, origins, settings = {}) => {
      // Suites post as guests without solving ALTCHA; a suite about it turns it on in `settings`.
      const moderation = { ...settings.moderation, bots: { altcha: false, ...(settings.moderation?.bots as object | undefined) } };
      await sites.ensure(id, id, origins, { ...settings, moderation });
    };
  });
  after(async () => {
    await harness.server?.stop();
    await database?.drop();
  });
  return harness;
}
