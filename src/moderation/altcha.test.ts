import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { solveAltcha, type AltchaChallenge } from '../../web/widget/altcha.ts';
import { createAltcha, createMemoryReplayStore, createRedisReplayStore } from './altcha.ts';

const KEY = 'test-hmac-key-that-is-long-enough-0123456789';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Small counters keep the tests fast; the work itself is the same loop.
const small = { minCounter: 10, maxCounter: 200 };

async function solved(altcha: ReturnType<typeof createAltcha>, site = 'demo') {
  return solveAltcha((await altcha.challenge(site)) as unknown as AltchaChallenge);
}

const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('ALTCHA challenges', () => {
  test('a challenge is signed, expires, is bound to its site and asks SHA-256 work', async () => {
    const altcha = createAltcha({ hmacKey: KEY, ...small, now: () => 1_700_000_000_000 });
    const challenge = await altcha.challenge('demo');
    assert.equal(challenge.parameters.algorithm, 'SHA-256');
    assert.equal(challenge.parameters.cost, 1);
    assert.equal(challenge.parameters.expiresAt, 1_700_000_000 + 20 * 60);
    assert.deepEqual(challenge.parameters.data, { site: 'demo' });
    assert.match(challenge.signature!, /^[0-9a-f]{64}$/);
  });

  test('a solution from the widget solver verifies once; a replay is refused', async () => {
    const altcha = createAltcha({ hmacKey: KEY, ...small });
    const payload = await solved(altcha);
    assert.equal(decode(payload).solution.counter >= 10, true);
    assert.deepEqual(await altcha.verify(payload, 'demo', { consume: false }), { ok: true });
    assert.deepEqual(await altcha.verify(payload, 'demo'), { ok: true });
    assert.deepEqual(await altcha.verify(payload, 'demo'), { ok: false, failure: 'replayed' });
  });

  test('missing, malformed, wrong site, wrong key, tampered and expired payloads fail', async () => {
    let now = Date.now();
    const altcha = createAltcha({ hmacKey: KEY, ...small, now: () => now });
    assert.deepEqual(await altcha.verify(undefined, 'demo'), { ok: false, failure: 'missing' });
    assert.deepEqual(await altcha.verify('', 'demo'), { ok: false, failure: 'missing' });
    assert.deepEqual(await altcha.verify('not base64 at all!', 'demo'), { ok: false, failure: 'malformed' });
    assert.deepEqual(await altcha.verify(encode({ hello: 1 }), 'demo'), { ok: false, failure: 'malformed' });
    assert.deepEqual(await altcha.verify('x'.repeat(5000), 'demo'), { ok: false, failure: 'malformed' });

    const payload = await solved(altcha);
    assert.deepEqual(await altcha.verify(payload, 'other-site', { consume: false }), { ok: false, failure: 'wrong-site' });
    const stranger = createAltcha({ hmacKey: `${KEY}-other`, ...small });
    assert.deepEqual(await stranger.verify(payload, 'demo'), { ok: false, failure: 'invalid' });

    const value = decode(payload);
    const wrongKey = { ...value, solution: { ...value.solution, derivedKey: '00'.repeat(32) } };
    assert.deepEqual(await altcha.verify(encode(wrongKey), 'demo'), { ok: false, failure: 'invalid' });
    const easier = { ...value, challenge: { ...value.challenge, parameters: { ...value.challenge.parameters, keyPrefix: '0' } } };
    assert.deepEqual(await altcha.verify(encode(easier), 'demo'), { ok: false, failure: 'invalid' });
    const rebound = { ...value, challenge: { ...value.challenge, parameters: { ...value.challenge.parameters, data: { site: 'other' } } } };
    assert.deepEqual(await altcha.verify(encode(rebound), 'other'), { ok: false, failure: 'invalid' });

    now += 21 * 60_000;
    assert.deepEqual(await altcha.verify(payload, 'demo'), { ok: false, failure: 'expired' });
  });

  test('the HMAC key is required and counters must make sense', () => {
    assert.throws(() => createAltcha({ hmacKey: '' }), /HMAC key/);
    assert.throws(() => createAltcha({ hmacKey: KEY, minCounter: 10, maxCounter: 5 }), /counters/);
  });
});

describe('replay stores', () => {
  test('memory: bounded, forgets expired challenges first', () => {
    let now = 1000;
    const store = createMemoryReplayStore({ maxEntries: 3, now: () => now });
    assert.equal(store.use('a', 5000), true);
    assert.equal(store.use('a', 5000), false);
    store.use('b', 2000);
    store.use('c', 9000);
    now = 3000; // b expired
    assert.equal(store.use('d', 9000), true);
    assert.equal(store.size(), 3);
    assert.equal(store.use('a', 5000), false, 'a is still remembered: b went first');
    assert.equal(store.use('e', 9000), true);
    assert.equal(store.size(), 3);
  });

  describe('Redis: shared between nodes', () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    after(() => redis.quit().catch(() => {}));

    test('a challenge solved on one node is refused on another', async () => {
      const prefix = `colloquy:test:altcha:${randomBytes(4).toString('hex')}:`;
      const nodeA = createAltcha({ hmacKey: KEY, ...small, store: createRedisReplayStore(redis, { prefix }) });
      const nodeB = createAltcha({ hmacKey: KEY, ...small, store: createRedisReplayStore(redis, { prefix }) });
      const payload = await solved(nodeA);
      assert.deepEqual(await nodeA.verify(payload, 'demo'), { ok: true });
      assert.deepEqual(await nodeB.verify(payload, 'demo'), { ok: false, failure: 'replayed' });
      const ttl = await redis.pttl(`${prefix}${decode(payload).challenge.parameters.nonce}`);
      assert.ok(ttl > 0 && ttl <= 20 * 60_000, `ttl ${ttl}`);
    });

    test('fails open while Redis is unreachable', async () => {
      const errors: unknown[] = [];
      const broken = { set: async () => { throw new Error('ECONNREFUSED'); } };
      const store = createRedisReplayStore(broken as never, { onError: (e) => errors.push(e) });
      assert.equal(await store.use('x', Date.now() + 1000), true);
      assert.equal(errors.length, 1);
    });
  });
});
