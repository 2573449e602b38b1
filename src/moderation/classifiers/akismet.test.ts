import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runPipeline, type PhaseInput } from '../phase.ts';
import { createClassifiersPhase } from '../phases/classifiers.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createAkismet } from './akismet.ts';
import { fakeProvider, type Recorded, type Reply } from './test-server.ts';
import { ClassifierError } from './types.ts';

const text = (body: string, headers: Record<string, string> = {}, status = 200): Reply => ({ status, body, headers: { 'content-type': 'text/plain', ...headers } });

describe('Akismet adapter', () => {
  let reply: (r: Recorded) => Reply = () => text('false');
  let server: Awaited<ReturnType<typeof fakeProvider>>;
  const settings = (akismet: Record<string, unknown> = {}) => resolveModerationSettings({ classifiers: { timeoutMs: 300, akismet: { enabled: true, ...akismet } } });
  const input: PhaseInput = {
    text: 'Great article, buy cheap watches',
    author: { name: 'viagra-test-123', email: 'akismet-guaranteed-spam@example.com', visitorKey: 'v' },
    request: { ip: '203.0.113.9', userAgent: 'Mozilla/5.0 test', referrer: 'https://news.example/a', pageUrl: 'https://news.example/a' },
    at: Date.UTC(2025, 4, 6, 7, 8, 9),
  };
  const adapter = () => createAkismet({ apiKey: 'akey', blogUrl: 'https://news.example', endpoint: `${server.url}/1.1` });
  const classify = (i: PhaseInput = input, s = settings()) => adapter().classify(i, { settings: s, siteId: 'demo', signal: AbortSignal.timeout(300) });

  before(async () => {
    server = await fakeProvider((r) => reply(r));
  });
  after(() => server.close());

  test('sends the documented form-encoded comment-check request', async () => {
    reply = () => text('false');
    assert.deepEqual(await classify(), { reasons: [] });
    const request = server.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/1.1/comment-check');
    assert.match(request.headers['content-type']!, /^application\/x-www-form-urlencoded/);
    assert.match(request.headers['user-agent']!, /^Colloquy\/.* \| Akismet\/1\.0$/);
    assert.deepEqual(Object.fromEntries(new URLSearchParams(request.body)), {
      api_key: 'akey',
      blog: 'https://news.example',
      user_ip: '203.0.113.9',
      user_agent: 'Mozilla/5.0 test',
      comment_type: 'comment',
      comment_content: 'Great article, buy cheap watches',
      blog_charset: 'UTF-8',
      referrer: 'https://news.example/a',
      permalink: 'https://news.example/a',
      comment_author: 'viagra-test-123',
      comment_author_email: 'akismet-guaranteed-spam@example.com',
      comment_date_gmt: '2025-05-06T07:08:09.000Z',
    });
  });

  test('"true" is spam (or held, by site setting); "true" with pro-tip discard is blatant spam', async () => {
    reply = () => text('true');
    const spam = await classify();
    assert.equal(spam.decision, 'spam');
    assert.deepEqual(spam.reasons.map((r) => [r.rule, r.category]), [['akismet.spam', 'spam']]);
    assert.equal((await classify(input, settings({ action: 'pending' }))).decision, 'pending');
    reply = () => text('true', { 'X-akismet-pro-tip': 'discard' });
    const discard = await classify(input, settings({ action: 'pending' }));
    assert.equal(discard.decision, 'spam');
    assert.equal(discard.reasons[0].rule, 'akismet.discard');
  });

  test('"invalid" and error statuses are failures that carry Akismet\'s help', async () => {
    reply = () => text('invalid', { 'X-akismet-debug-help': 'Empty "api_key" value' });
    await assert.rejects(classify(), (e: ClassifierError) => e.kind === 'status' && /"invalid": Empty "api_key" value/.test(e.message));
    reply = () => text('Internal error', {}, 500);
    await assert.rejects(classify(), (e: ClassifierError) => e.kind === 'status' && /HTTP 500/.test(e.message));
  });

  test('without a client IP (dry run, import) Akismet is not asked', async () => {
    const before = server.requests.length;
    const outcome = await classify({ text: 'x' });
    assert.equal(outcome.reasons[0].rule, 'akismet.skipped');
    assert.equal(server.requests.length, before);
  });

  test('slow or unreachable Akismet follows the site policy', async () => {
    reply = () => ({ ...text('true'), delayMs: 2000 });
    const phase = createClassifiersPhase({ classifiers: [adapter()] });
    const open = await runPipeline([phase], input, { settings: settings({ failure: 'open' }), siteId: 'demo' });
    assert.equal(open.status, 'approved');
    assert.equal(open.reasons[0].rule, 'akismet.unavailable');
    const closed = await runPipeline([phase], input, { settings: settings({ failure: 'closed' }), siteId: 'demo' });
    assert.equal(closed.status, 'pending');
    const gone = createClassifiersPhase({ classifiers: [createAkismet({ apiKey: 'k', blogUrl: 'https://b.example', endpoint: 'http://127.0.0.1:9/1.1' })] });
    const refused = await runPipeline([gone], input, { settings: settings({ failure: 'closed' }), siteId: 'demo' });
    assert.equal(refused.status, 'pending');
    assert.match(refused.reasons[0].detail!, /^classifier unavailable: akismet network/);
  });
});
