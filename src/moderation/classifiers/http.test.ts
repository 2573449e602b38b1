import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runPipeline } from '../phase.ts';
import { createClassifiersPhase } from '../phases/classifiers.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createHttpClassifier } from './http.ts';
import { fakeProvider, json, type Recorded, type Reply } from './test-server.ts';
import { ClassifierError } from './types.ts';

describe('generic HTTP classifier', () => {
  let reply: (r: Recorded) => Reply = () => json({ scores: {} });
  let server: Awaited<ReturnType<typeof fakeProvider>>;
  const settings = (http: Record<string, unknown> = {}) =>
    resolveModerationSettings({ classifiers: { timeoutMs: 300, http: { enabled: true, thresholds: { toxic: { pending: 0.7, rejected: 0.95 } }, ...http } } });
  const adapter = (token: string | null = 'secret-token') => createHttpClassifier({ url: `${server.url}/classify`, token });
  const classify = (textValue: string, s = settings(), token?: string | null) =>
    adapter(token).classify({ text: textValue, commentId: 'c1', author: { name: 'Ann' } }, { settings: s, siteId: 'demo', signal: AbortSignal.timeout(300) });

  before(async () => {
    server = await fakeProvider((r) => reply(r));
  });
  after(() => server.close());

  test('posts the documented JSON request with the bearer token', async () => {
    reply = () => json({ scores: { toxic: 0.1 } });
    await classify('hello there');
    const request = server.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/classify');
    assert.equal(request.headers.authorization, 'Bearer secret-token');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request.body), { text: 'hello there', site: 'demo', comment: 'c1', author: 'Ann' });
    await classify('x', settings(), null);
    assert.equal(server.requests.at(-1)!.headers.authorization, undefined);
  });

  test('scores meet the site thresholds by label, with the model\'s spans', async () => {
    reply = () => json({ scores: { toxic: 0.8, spam: 0.99 }, spans: [{ label: 'toxic', start: 6, end: 11, score: 0.8 }, { label: 'toxic', start: 0, end: 99, score: 0.9 }] });
    const outcome = await classify('you ; idiot');
    assert.equal(outcome.decision, 'pending', 'spam has no threshold on this site: it only explains');
    const reason = outcome.reasons.find((r) => r.rule === 'http.threshold')!;
    assert.deepEqual([reason.category, reason.score, reason.span], ['toxic', 0.8, [6, 11]]);
    assert.equal(outcome.reasons[0].detail, 'toxic 0.8, spam 0.99');
  });

  test('a decision from the model counts; the stronger one wins', async () => {
    reply = () => json({ scores: { toxic: 0.75 }, decision: 'spam', detail: 'crypto scam template #4' });
    const outcome = await classify('x');
    assert.equal(outcome.decision, 'spam');
    assert.deepEqual(outcome.reasons.at(-1), { phase: 'classifiers', rule: 'http.decision', detail: 'crypto scam template #4' });
    reply = () => json({ scores: { toxic: 0.99 }, decision: 'pending' });
    assert.equal((await classify('x')).decision, 'rejected');
    reply = () => json({ scores: {}, decision: 'bogus' });
    assert.equal((await classify('x')).decision, undefined);
  });

  test('other statuses, shapes and slowness are failures; fail-closed holds', async () => {
    reply = () => json({ error: 'boom' }, 503);
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'status' && e.message === 'HTTP 503');
    reply = () => json({ nope: true });
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'response');
    reply = () => ({ ...json({ scores: {} }), delayMs: 2000 });
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'timeout');
    const phase = createClassifiersPhase({ classifiers: [adapter()] });
    const held = await runPipeline([phase], { text: 'x' }, { settings: settings({ failure: 'closed' }), siteId: 'demo' });
    assert.equal(held.status, 'pending');
    assert.equal(held.reasons[0].rule, 'http.unavailable');
  });
});
