import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runPipeline, type PhaseContext } from '../phase.ts';
import { createClassifiersPhase } from '../phases/classifiers.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createPerspective } from './perspective.ts';
import { fakeProvider, json, type Recorded, type Reply } from './test-server.ts';
import { ClassifierError } from './types.ts';

const scores = (values: Record<string, number>, spans: Record<string, [number, number]> = {}) => ({
  attributeScores: Object.fromEntries(Object.entries(values).map(([attribute, value]) => [attribute, {
    spanScores: spans[attribute] ? [{ begin: spans[attribute][0], end: spans[attribute][1], score: { value, type: 'PROBABILITY' } }] : [],
    summaryScore: { value, type: 'PROBABILITY' },
  }])),
  languages: ['en'],
  detectedLanguages: ['en'],
});
const calm = { TOXICITY: 0.05, SEVERE_TOXICITY: 0.01, IDENTITY_ATTACK: 0.02, THREAT: 0.01, INSULT: 0.03 };

describe('Perspective adapter', () => {
  let reply: (r: Recorded) => Reply = () => json(scores(calm));
  let server: Awaited<ReturnType<typeof fakeProvider>>;
  const settings = (classifiers: Record<string, unknown> = {}) => resolveModerationSettings({ classifiers: { timeoutMs: 300, perspective: { enabled: true, ...classifiers } } });
  const classify = (text: string, s = settings()) =>
    createPerspective({ apiKey: 'KEY/1', endpoint: `${server.url}/v1alpha1` }).classify({ text }, { settings: s, siteId: 'demo', signal: AbortSignal.timeout(300) });

  before(async () => {
    server = await fakeProvider((r) => reply(r));
  });
  after(() => server.close());

  test('sends the documented comments:analyze request', async () => {
    await classify('You make a fair point.', settings({ languages: ['en', 'de'] }));
    const request = server.requests.at(-1)!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1alpha1/comments:analyze?key=KEY%2F1');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request.body), {
      comment: { text: 'You make a fair point.', type: 'PLAIN_TEXT' },
      languages: ['en', 'de'],
      requestedAttributes: { TOXICITY: {}, SEVERE_TOXICITY: {}, IDENTITY_ATTACK: {}, THREAT: {}, INSULT: {} },
      doNotStore: true,
      spanAnnotations: true,
    });
    await classify('x');
    assert.equal('languages' in JSON.parse(server.requests.at(-1)!.body), false, 'no languages: Perspective detects');
  });

  test('low scores pass with one summary reason', async () => {
    reply = () => json(scores(calm));
    const outcome = await classify('You make a fair point.');
    assert.equal(outcome.decision, undefined);
    assert.deepEqual(outcome.reasons, [{
      phase: 'classifiers', rule: 'perspective.scores', score: 0.05,
      detail: 'TOXICITY 0.05, SEVERE_TOXICITY 0.01, IDENTITY_ATTACK 0.02, THREAT 0.01, INSULT 0.03',
    }]);
  });

  test('scores over the site thresholds hold or reject, with the span (code points → UTF-16)', async () => {
    const text = '😀 you absolute idiot';
    reply = () => json(scores({ ...calm, TOXICITY: 0.9, INSULT: 0.93 }, { INSULT: [2, 20] }));
    const held = await classify(text);
    assert.equal(held.decision, 'pending');
    const insult = held.reasons.find((r) => r.rule === 'perspective.threshold' && r.category === 'insult')!;
    assert.deepEqual(insult.span, [3, 21]);
    assert.equal(text.slice(...insult.span!), 'you absolute idiot');
    assert.equal(insult.detail, 'perspective INSULT 0.93 ≥ pending threshold 0.85');

    reply = () => json(scores({ ...calm, THREAT: 0.97 }));
    const threat = await classify('...');
    assert.equal(threat.decision, 'rejected');
    assert.equal(threat.reasons.at(-1)!.category, 'threat');

    const lenient = settings({ thresholds: { THREAT: { pending: null, rejected: null } } });
    assert.equal((await classify('...', lenient)).decision, undefined);
  });

  test('an unsupported language is not a failure: the comment is just not scored', async () => {
    reply = () => json({ error: { code: 400, message: 'Attribute IDENTITY_ATTACK does not support request languages: xx', status: 'INVALID_ARGUMENT' } }, 400);
    const outcome = await classify('blah');
    assert.equal(outcome.decision, undefined);
    assert.equal(outcome.reasons[0].rule, 'perspective.unsupported-language');
  });

  test('errors, bad answers and slowness are ClassifierErrors', async () => {
    reply = () => json({ error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' } }, 429);
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'status' && /429 RESOURCE_EXHAUSTED: Quota exceeded/.test(e.message));
    reply = () => ({ status: 200, body: 'not json' });
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'response');
    reply = () => json({ attributeScores: {} });
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'response');
    reply = () => ({ ...json(scores(calm)), delayMs: 2000 });
    await assert.rejects(classify('x'), (e: ClassifierError) => e.kind === 'timeout');
  });

  test('through the phase: a slow Perspective follows the fail policy', async () => {
    reply = () => ({ ...json(scores(calm)), delayMs: 2000 });
    const phase = createClassifiersPhase({ classifiers: [createPerspective({ apiKey: 'k', endpoint: `${server.url}/v1alpha1` })] });
    const ctx = (failure: string): PhaseContext => ({ settings: settings({ failure }), siteId: 'demo' });
    const started = performance.now();
    const open = await runPipeline([phase], { text: 'x' }, ctx('open'));
    assert.ok(performance.now() - started < 1500, 'the timeout cut the wait');
    assert.equal(open.status, 'approved');
    assert.match(open.reasons[0].detail!, /^classifier unavailable: perspective timeout \(no answer within 300 ms\).*not checked \(fail-open\)$/);
    const closed = await runPipeline([phase], { text: 'x' }, ctx('closed'));
    assert.equal(closed.status, 'pending');
    assert.equal(closed.reasons[0].rule, 'perspective.unavailable');
    assert.match(closed.reasons[0].detail!, /held \(fail-closed\)$/);
  });
});
