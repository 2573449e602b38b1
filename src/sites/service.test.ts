// Site settings are cached per node; a change made on one node reaches every node's cache at
// once through the bus (in one process, or across processes through Redis), so a moderator's
// new term list or premoderation mode applies to the very next comment everywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalBus, type Bus } from '../platform/bus.ts';
import { createRedisBus } from '../platform/redis-bus.ts';
import { useSqlite } from '../../test/helpers/databases.ts';
import { createSiteService, type Site } from './service.ts';
import { createSiteStore } from './store.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sqlite = useSqlite();

/** The stored premoderation mode ("none" when never set). */
const premoderation = (site: Site) => (site.settings.moderation.premoderation as { mode?: string } | undefined)?.mode ?? 'none';

/** Two nodes' site services over one database, each with its own cache and bus end. */
async function twoNodes(busA: Bus, busB: Bus, siteId: string) {
  const a = createSiteService(createSiteStore(sqlite.open.db), { bus: busA });
  const b = createSiteService(createSiteStore(sqlite.open.db), { bus: busB });
  await a.ensure(siteId, 'Gazette', ['https://gazette.example']);
  const cached = await b.require(siteId); // node B now holds the site in its cache
  assert.equal(premoderation(cached), 'none');
  return { a, b, version: cached.settings.version };
}

const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

test('settings saved on one node apply on another in the same process at once, not after the cache expires', async () => {
  const bus = createLocalBus();
  const { a, b, version } = await twoNodes(bus, bus, 'local-bus');
  await a.saveSettings('local-bus', version, { moderation: { premoderation: { mode: 'all' } } });
  assert.equal(premoderation(await b.require('local-bus')), 'all');
});

test('settings saved on one node reach another process through Redis', async () => {
  const [busA, busB] = await Promise.all([createRedisBus(REDIS_URL, (e) => assert.fail(String(e))), createRedisBus(REDIS_URL, (e) => assert.fail(String(e)))]);
  try {
    const siteId = `redis-bus-${Date.now().toString(36)}`;
    const { a, b, version } = await twoNodes(busA, busB, siteId);
    await a.saveSettings(siteId, version, { moderation: { premoderation: { mode: 'first' } } });
    await until(async () => premoderation(await b.require(siteId)) === 'first');
    assert.equal(premoderation(await b.require(siteId)), 'first', 'node B dropped its copy when node A saved');
  } finally {
    await Promise.all([busA.close(), busB.close()]);
  }
});

test('without a bus a node keeps its copy until it expires (what the bus is for)', async () => {
  const a = createSiteService(createSiteStore(sqlite.open.db));
  const b = createSiteService(createSiteStore(sqlite.open.db));
  await a.ensure('no-bus', 'Gazette', ['*']);
  const { settings } = await b.require('no-bus');
  await a.saveSettings('no-bus', settings.version, { moderation: { premoderation: { mode: 'all' } } });
  assert.equal(premoderation(await b.require('no-bus')), 'none');
  assert.equal(premoderation(await a.require('no-bus')), 'all', 'the saving node itself is current');
});
