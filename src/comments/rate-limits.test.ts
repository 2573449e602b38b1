// Flood limits answer 429 with Retry-After, per visitor and per IP, on one node
// (memory) and shared between nodes (Redis).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { startServer, type TestServer } from '../../test/helpers/server.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const visitor = () => randomBytes(18).toString('base64url');

function post(server: TestServer, as: string, page: string, n: number) {
  return fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-colloquy-visitor': as },
    body: JSON.stringify({ site: 'demo', page, author: { name: 'Flood' }, body: `message ${n}` }),
  });
}

async function count(server: TestServer, page: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/counts?site=demo&page=${page}`);
  return ((await res.json()) as { counts: Record<string, number> }).counts[page];
}

describe('flood limits on one node', () => {
  test('a visitor posting faster than 5 a minute gets 429 with Retry-After, and nothing is stored', async () => {
    const server = await startServer({ RATE_LIMITS: 'true' });
    try {
      const me = visitor();
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await post(server, me, 'flood', i)).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
      const limited = await post(server, me, 'flood', 99);
      assert.equal(limited.status, 429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'rate_limited');
      assert.equal(await count(server, 'flood'), 5);
      // Someone else is not held back by my flood.
      assert.equal((await post(server, visitor(), 'flood', 100)).status, 201);
    } finally {
      await server.stop();
    }
  });

  test('rotating visitor tokens from one address hits the per-IP limit', async () => {
    const server = await startServer({ RATE_LIMITS: 'true' });
    try {
      const statuses = [];
      for (let i = 0; i < 22; i++) statuses.push((await post(server, visitor(), 'sockpuppets', i)).status);
      assert.equal(statuses.filter((s) => s === 201).length, 20);
      assert.deepEqual(statuses.slice(20), [429, 429]);
    } finally {
      await server.stop();
    }
  });
});

describe('flood limits shared through Redis', () => {
  test('two nodes count the same visitor together', async () => {
    const prefix = `rl-${randomBytes(4).toString('hex')}`;
    // A secret of its own keys this run's counters apart from earlier runs' in Redis.
    const env = { RATE_LIMITS: 'true', REDIS_URL, COLLOQUY_SECRET: randomBytes(24).toString('base64url') };
    const a = await startServer(env);
    const b = await startServer(env);
    try {
      const me = visitor();
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await post(i % 2 ? b : a, me, prefix, i)).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
