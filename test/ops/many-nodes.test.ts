// Two server processes sharing PostgreSQL and Redis behave as one service: a comment
// posted to one reaches live streams and cached pages on the other, and its fingerprint the
// other's duplicates phase.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { postgresDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startProcess, type ServerProcess } from '../helpers/process.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SUPPORT_ADMIN_TOKEN = 'many-nodes-support-token-0123';

let database: TestDatabase;
let dataDir: string;
let a: ServerProcess;
let b: ServerProcess;

before(async () => {
  database = await postgresDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'colloquy-nodes-'));
  const env = { DATABASE_URL: database.url, REDIS_URL, DATA_DIR: dataDir, RATE_LIMITS: 'false', SUPPORT_ADMIN_TOKEN };
  a = await startProcess(env);
  b = await startProcess(env);
});

after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(node: ServerProcess, page: string, body: string): Promise<string> {
  const res = await fetch(`${node.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-colloquy-visitor': `visitor-${Math.random().toString(36).slice(2)}-abcdefgh` },
    body: JSON.stringify({ site: 'demo', page, author: { name: 'Node test' }, body }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

test('a comment posted to one node arrives on a stream held by the other', async () => {
  const controller = new AbortController();
  const res = await fetch(`${b.url}/api/v1/events?site=demo&page=nodes`, { signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  await reader.read(); // the stream is open (retry line)
  const id = await post(a, 'nodes', 'from node A');
  let text = '';
  while (!text.includes(id)) {
    const { value, done } = await reader.read();
    assert.ok(!done, 'stream ended');
    text += value;
  }
  assert.match(text, /event: comment.created/);
  controller.abort();
});

test("a node's cached page is dropped when another node writes to the thread", async () => {
  const list = async () => {
    const res = await fetch(`${b.url}/api/v1/comments?site=demo&page=cache-nodes`);
    return ((await res.json()) as { comments: { id: string }[] }).comments.map((c) => c.id);
  };
  const first = await post(a, 'cache-nodes', 'one');
  assert.deepEqual(await list(), [first]);
  assert.deepEqual(await list(), [first]); // now served from B's cache
  const second = await post(a, 'cache-nodes', 'two');
  // Invalidation travels through Redis; allow it a moment to land.
  const deadline = Date.now() + 2000;
  let ids = await list();
  while (ids.length < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    ids = await list();
  }
  assert.deepEqual(ids, [second, first]);
});

test('a reader re-posting the same text through the other node is caught as a duplicate', async () => {
  const visitor = `visitor-${Math.random().toString(36).slice(2)}-dupes`;
  // Fingerprints outlive a run in Redis: a text of this run's own, unlike any earlier run's.
  const text = `The consultation closes on Friday: ${Array.from({ length: 8 }, () => randomBytes(4).toString('hex')).join(' ')}`;
  const send = async (node: ServerProcess) => {
    const res = await fetch(`${node.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-colloquy-visitor': visitor },
      body: JSON.stringify({ site: 'demo', page: 'dupes-nodes', author: { name: 'Node test' }, body: text }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as { comment: { id: string }; status: string };
  };
  const first = await send(a);
  assert.equal(first.status, 'approved');
  const again = await send(b);
  assert.equal(again.status, 'spam', 'node B saw the fingerprint node A kept in Redis');
});

test('a gift recorded on one node tells the widgets streaming from the other to redraw their goal bar', async () => {
  const controller = new AbortController();
  const res = await fetch(`${b.url}/api/v1/events?site=demo&page=bar-nodes`, { signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  await reader.read(); // the stream is open (retry line)
  const gift = await fetch(`${a.url}/api/v1/admin/support/campaigns/demo-fundraiser/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}` },
    body: JSON.stringify({ amount: 5000, currency: 'USD', method: 'cash', note: 'Bake sale' }),
  });
  assert.equal(gift.status, 201, await gift.clone().text());
  let text = '';
  while (!text.includes('event: campaign.updated')) {
    const { value, done } = await reader.read();
    assert.ok(!done, 'stream ended');
    text += value;
  }
  controller.abort();
});
