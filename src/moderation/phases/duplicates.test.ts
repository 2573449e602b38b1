import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { runPipeline, type AuthorIdentity, type PhaseContext, type PhaseInput, type PipelineResult } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import type { FingerprintStore } from './duplicate-store.ts';
import { createMemoryFingerprintStore } from './memory-fingerprint-store.ts';
import { createDuplicatePhases } from './duplicates.ts';
import { createRedisFingerprintStore } from './redis-fingerprint-store.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;
const campaign = 'Vote NO on measure 12, it will destroy our neighbourhood parks forever. Tell everyone you know!';
const personal = 'I really think the author has missed the point about the budget entirely here.';

/** Where fingerprints go: a store per simulated server process over one shared place. */
type Backend = (now: () => number) => FingerprintStore;

const memoryBackend: Backend = (now) => createMemoryFingerprintStore({ now });

let sites = 0;
let comments = 0;

/** A fresh site on `backend`; `post` runs check + record, then keeps the comment as the service does once it is stored. */
function setupOn(backend: Backend, stored: unknown = {}) {
  let now = T0;
  const clock = () => now;
  const { check, record } = createDuplicatePhases({ store: backend(clock), now: clock });
  const ctx: PhaseContext = { settings: resolveModerationSettings(stored), siteId: `site-${++sites}` };
  const post = async (text: string, author: AuthorIdentity, extra: Partial<PhaseInput> = {}, c: PhaseContext = ctx): Promise<PipelineResult> => {
    const result = await runPipeline([check, record], { text, author, ...extra }, c);
    for (const keep of result.keeps) await keep(extra.commentId ?? `comment-${++comments}`);
    return result;
  };
  return { post, ctx, advance: (ms: number) => (now += ms) };
}

/** The phase suites below, on one backend. */
function duplicateSuites(backend: () => Backend) {
  const setup = (stored: unknown = {}) => setupOn(backend(), stored);

  describe('duplicates: same author', () => {
    test('re-posting the same text is spam, also in another disguise; the first passes', async () => {
      const { post, advance } = setup();
      assert.equal((await post(personal, { visitorKey: 'v1' }, { commentId: 'original' })).status, 'approved');
      advance(5 * MIN);
      const disguised = personal.toUpperCase().replace(/ /g, '  ');
      const again = await post(disguised, { visitorKey: 'v1' });
      assert.equal(again.status, 'spam');
      assert.equal(again.reasons[0].rule, 'duplicates.same-author');
      assert.equal(again.reasons[0].category, 'spam');
      assert.deepEqual(again.reasons[0].span, [0, disguised.length]);
      assert.equal(again.reasons[0].detail, "the same text as this author's comment original of 5 min ago");
    });

    test('a near-duplicate counts; the same author is recognised by any shared identity', async () => {
      const { post } = setup();
      await post(personal, { visitorKey: 'v1', ipHash: 'ip1' });
      const edited = await post('I really think the author has missed the point about the budget entirely, honestly.', { visitorKey: 'v2', ipHash: 'ip1' });
      assert.equal(edited.status, 'spam');
      assert.match(edited.reasons[0].detail!, /^\d+% like this author's comment/);
    });

    test('outside the window, a different text, or a short text: no match', async () => {
      const { post, advance } = setup({ duplicates: { sameAuthor: { windowMinutes: 60 } } });
      await post(personal, { visitorKey: 'v1' });
      advance(61 * MIN);
      assert.equal((await post(personal, { visitorKey: 'v1' })).status, 'approved');
      assert.equal((await post('A completely different remark about the weather forecast.', { visitorKey: 'v1' })).status, 'approved');
      await post('Thanks!', { visitorKey: 'v1' });
      assert.equal((await post('Thanks!', { visitorKey: 'v1' })).status, 'approved');
    });

    test('editing a comment does not match its own earlier version', async () => {
      const { post } = setup();
      await post(personal, { visitorKey: 'v1' }, { commentId: 'c1' });
      assert.equal((await post(`${personal} (edited)`, { visitorKey: 'v1' }, { commentId: 'c1' })).status, 'approved');
      const copy = await post(personal, { visitorKey: 'v1' });
      assert.match(copy.reasons[0].detail!, /this author's comment c1 of just now$/);
    });

    test('the action is per site: hold instead, or off', async () => {
      const held = setup({ duplicates: { sameAuthor: { action: 'pending' } } });
      await held.post(personal, { visitorKey: 'v1' });
      assert.equal((await held.post(personal, { visitorKey: 'v1' })).status, 'pending');
      const off = setup({ duplicates: { enabled: false } });
      await off.post(personal, { visitorKey: 'v1' });
      assert.equal((await off.post(personal, { visitorKey: 'v1' })).status, 'approved');
    });
  });

  describe('duplicates: campaigns across authors', () => {
    test('the same text from 3 distinct identities within the window is held', async () => {
      const { post } = setup();
      assert.equal((await post(campaign, { visitorKey: 'a', ipHash: '1' })).status, 'approved');
      assert.equal((await post(campaign, { visitorKey: 'b', ipHash: '2' })).status, 'approved');
      const third = await post(campaign.replace('forever', 'for good'), { visitorKey: 'c', ipHash: '3' });
      assert.equal(third.status, 'pending');
      const reason = third.reasons.find((r) => r.rule === 'duplicates.campaign')!;
      assert.equal(reason.score, 3);
      assert.match(reason.detail!, /from 3 different authors within 60 min/);
    });

    test('one person with several browsers on one IP is one identity', async () => {
      const { post } = setup();
      await post(campaign, { visitorKey: 'a', ipHash: 'same' });
      await post(campaign, { visitorKey: 'b', ipHash: 'same' });
      const third = await post(campaign, { visitorKey: 'c', ipHash: 'other' });
      assert.equal(third.status, 'approved');
    });

    test('minAuthors and the window are per site; a dry run records nothing', async () => {
      const { post, advance, ctx } = setup({ duplicates: { crossAuthor: { minAuthors: 2, windowMinutes: 10, action: 'spam' } } });
      await post(campaign, { visitorKey: 'a' }, {}, { ...ctx, dryRun: true });
      assert.equal((await post(campaign, { visitorKey: 'b' })).status, 'approved');
      assert.equal((await post(campaign, { visitorKey: 'c' })).status, 'spam');
      advance(11 * MIN);
      assert.equal((await post(campaign, { visitorKey: 'd' })).status, 'approved');
    });

    test('sites do not see each other', async () => {
      const { post, ctx } = setup({ duplicates: { crossAuthor: { minAuthors: 2 } } });
      await post(campaign, { visitorKey: 'a' });
      assert.equal((await post(campaign, { visitorKey: 'b' }, {}, { ...ctx, siteId: `${ctx.siteId}-elsewhere` })).status, 'approved');
    });
  });
}

describe('memory fingerprint store', () => {
  test('is bounded: the oldest entries go first, and old ones expire', async () => {
    let now = T0;
    const store = createMemoryFingerprintStore({ maxEntries: 3, retentionMs: 10 * MIN, now: () => now });
    const { record } = createDuplicatePhases({ store, now: () => now });
    const ctx: PhaseContext = { settings: resolveModerationSettings({}), siteId: 's' };
    const remember = async (text: string, visitorKey: string) => {
      const { keep } = await record.run({ text, author: { visitorKey } }, ctx);
      await keep?.(`c-${visitorKey}`);
    };
    for (let i = 0; i < 5; i++) await remember(`comment number ${i} with enough text to be remembered`, `v${i}`);
    assert.equal(store.size(), 3);
    now += 11 * MIN;
    await remember('one more comment with enough text to be remembered', 'z');
    assert.equal(store.size(), 1);
  });
});

describe('duplicates on the memory store', () => duplicateSuites(() => memoryBackend));

describe('duplicates on the Redis store', () => {
  // Real Redis, keys under a prefix of this run's own, deleted after.
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  const prefix = `colloquy-test:dup:${randomBytes(6).toString('hex')}:`;
  const redisBackend: Backend = () => createRedisFingerprintStore(redis, { prefix });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  duplicateSuites(() => redisBackend);

  test('two server processes sharing Redis see each other\'s comments, by id', async () => {
    const node1 = setupOn(redisBackend);
    const node2 = createDuplicatePhases({ store: redisBackend(() => T0), now: () => T0 });
    await node1.post(personal, { visitorKey: 'v1' }, { commentId: 'first-node-comment' });
    const again = await runPipeline([node2.check], { text: personal, author: { visitorKey: 'v1' } }, node1.ctx);
    assert.equal(again.status, 'spam');
    assert.match(again.reasons[0].detail!, /this author's comment first-node-comment of just now$/);
  });

  test('fingerprints expire with the site\'s longest window', async () => {
    const { post, ctx } = setupOn(redisBackend, { duplicates: { sameAuthor: { windowMinutes: 5 }, crossAuthor: { windowMinutes: 10 } } });
    await post(personal, { visitorKey: 'v1' }, { commentId: 'short-lived' });
    const ttl = await redis.pttl(`${prefix}{${ctx.siteId}}:e:short-lived`);
    assert.ok(ttl > 9 * MIN && ttl <= 10 * MIN, `entry expires in ${ttl} ms`);
  });

  test('an unreachable Redis finds no duplicate and records nothing, and says so, instead of failing the comment', async () => {
    const down = new Redis('redis://127.0.0.1:1', { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    const errors: unknown[] = [];
    down.on('error', () => {}); // the connection's own retries; the store reports each failed call
    const { post } = setupOn(() => createRedisFingerprintStore(down, { prefix, onError: (error) => errors.push(error) }));
    await post(personal, { visitorKey: 'v1' });
    assert.equal((await post(personal, { visitorKey: 'v1' })).status, 'approved');
    assert.ok(errors.length >= 2, 'each failed check and record is reported');
    down.disconnect();
  });
});
