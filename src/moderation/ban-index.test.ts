// The bans phase answers from each node's in-memory index of a site's active bans. A ban made
// or lifted on one node applies on every node from the next comment (through the bus, in one
// process or across processes through Redis), a suspension ends on time without a reload,
// and a site with more bans than the index holds is still answered, by a query.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalBus, type Bus } from '../platform/bus.ts';
import { createRedisBus } from '../platform/redis-bus.ts';
import { useSqlite } from '../../test/helpers/databases.ts';
import { createBanStore } from './ban-store.ts';
import { createBanService, type NewBan } from './bans.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sqlite = useSqlite();

let sites = 0;
const newSite = () => `bans-${++sites}-${Date.now().toString(36)}`;
const troll = { visitorKey: 'visitor-troll', ipHash: 'ip-troll' };
const ban = (siteId: string, changes: Partial<NewBan> = {}): NewBan => ({
  siteId, kind: 'visitor', value: troll.visitorKey, label: 'Troll', mode: 'ban', reason: 'Slurs', durationSeconds: null, createdBy: 'staff-1', ...changes,
});

function nodes(busA?: Bus, busB?: Bus, options: { now?: () => number; maxIndexed?: number } = {}) {
  return [createBanService(createBanStore(sqlite.open.db), { bus: busA, ...options }), createBanService(createBanStore(sqlite.open.db), { bus: busB, ...options })];
}

test('a ban made on one node applies on the other at once, and so does lifting it', async () => {
  const bus = createLocalBus();
  const [a, b] = nodes(bus, bus);
  const site = newSite();
  assert.equal(await b.isBanned(troll, site), null, 'node B now holds the site\'s (empty) index');
  const row = await a.create(ban(site));
  assert.equal((await b.isBanned(troll, site))?.id, row.id);
  await a.lift(row.id, 'staff-2');
  assert.equal(await b.isBanned(troll, site), null);
});

test('a ban made on one process reaches another through Redis', async () => {
  const [busA, busB] = await Promise.all([createRedisBus(REDIS_URL, (e) => assert.fail(String(e))), createRedisBus(REDIS_URL, (e) => assert.fail(String(e)))]);
  try {
    const [a, b] = nodes(busA, busB);
    const site = newSite();
    assert.equal(await b.isBanned(troll, site), null);
    const row = await a.create(ban(site, { kind: 'ip', value: troll.ipHash, mode: 'shadow' }));
    for (let i = 0; i < 100 && !(await b.isBanned(troll, site)); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await b.isBanned(troll, site), { id: row.id, kind: 'ip', value: troll.ipHash, mode: 'shadow', expiresAt: null, reason: 'Slurs' });
  } finally {
    await Promise.all([busA.close(), busB.close()]);
  }
});

test('a suspension ends when it expires, though the index was read while it ran', async () => {
  let clock = Date.now();
  const [a] = nodes(undefined, undefined, { now: () => clock });
  const site = newSite();
  const row = await a.create(ban(site, { durationSeconds: 60 }));
  assert.equal((await a.isBanned(troll, site))?.mode, 'suspend');
  clock += 61_000;
  assert.equal(await a.isBanned(troll, site), null);
  assert.deepEqual(await a.forAuthor(site, troll), []);
  assert.equal(row.expires_at! < clock, true);
});

test('the most severe ban wins: a ban over a shadow-ban, then the newest', async () => {
  const [a] = nodes();
  const site = newSite();
  await a.create(ban(site, { mode: 'shadow' }));
  const hard = await a.create(ban(site, { kind: 'ip', value: troll.ipHash }));
  await a.create(ban(site, { mode: 'shadow', reason: 'newer shadow' }));
  assert.equal((await a.isBanned(troll, site))?.id, hard.id);
  assert.equal((await a.forAuthor(site, troll)).length, 3);
});

test('a site with more active bans than the index holds is answered by a query', async () => {
  const [a, b] = nodes(undefined, undefined, { maxIndexed: 2 });
  const site = newSite();
  for (let i = 0; i < 3; i++) await a.create(ban(site, { value: `visitor-${i}` }));
  const row = await a.create(ban(site));
  assert.equal((await b.isBanned(troll, site))?.id, row.id);
  assert.equal(await b.isBanned({ visitorKey: 'visitor-innocent' }, site), null);
});
