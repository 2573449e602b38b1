import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClassifierAdapter, ClassifierName } from '../classifiers/types.ts';
import { runPipeline } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createClassifiersPhase } from './classifiers.ts';

const fake = (name: ClassifierName, ms: number, decision?: 'pending' | 'spam' | 'rejected'): ClassifierAdapter & { calls: number } => {
  const adapter = {
    name,
    calls: 0,
    async classify(_input: unknown, { signal }: { signal: AbortSignal }) {
      adapter.calls++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (signal.aborted) throw new Error('aborted');
      return { reasons: [{ phase: 'classifiers', rule: `${name}.result` }], decision };
    },
  };
  return adapter;
};
const settings = (classifiers: unknown) => resolveModerationSettings({ classifiers });

describe('classifiers phase', () => {
  test('nothing enabled: nothing asked', async () => {
    const a = fake('perspective', 1, 'spam');
    assert.deepEqual(await createClassifiersPhase({ classifiers: [a] }).run({ text: 'x' }, { settings: settings({}) }), { reasons: [] });
    assert.equal(a.calls, 0);
  });

  test('enabled classifiers run in parallel; the strongest decision wins', async () => {
    const phase = createClassifiersPhase({ classifiers: [fake('perspective', 100, 'pending'), fake('akismet', 100, 'spam'), fake('http', 100)] });
    const started = performance.now();
    const result = await runPipeline([phase], { text: 'x' }, { settings: settings({ perspective: { enabled: true }, akismet: { enabled: true }, http: { enabled: true } }) });
    assert.ok(performance.now() - started < 250, 'parallel, not one after another');
    assert.equal(result.status, 'spam');
    assert.deepEqual(result.reasons.map((r) => r.rule), ['perspective.result', 'akismet.result', 'http.result']);
  });

  test('enabled but not configured on the server: said, not failed', async () => {
    const result = await createClassifiersPhase({ classifiers: [] }).run({ text: 'x' }, { settings: settings({ akismet: { enabled: true, failure: 'closed' } }) });
    assert.deepEqual(result, { reasons: [{ phase: 'classifiers', rule: 'akismet.unconfigured', detail: 'akismet is enabled for the site but not configured on the server' }], decision: undefined });
  });

  test('the timeout is per site; each classifier has its own failure policy', async () => {
    const phase = createClassifiersPhase({ classifiers: [fake('perspective', 200, 'rejected'), fake('http', 5)] });
    const s = settings({ timeoutMs: 50, perspective: { enabled: true, failure: 'closed' }, http: { enabled: true } });
    const result = await runPipeline([phase], { text: 'x' }, { settings: s });
    assert.equal(result.status, 'pending');
    assert.deepEqual(result.reasons.map((r) => r.rule), ['perspective.unavailable', 'http.result']);
    assert.match(result.reasons[0].detail!, /classifier unavailable: perspective timeout \(no answer within 50 ms\)/);
  });

  test('an adapter that ignores the signal is cut off at the timeout all the same', async () => {
    const stubborn: ClassifierAdapter = { name: 'http', classify: () => new Promise((resolve) => setTimeout(() => resolve({ reasons: [], decision: 'rejected' }), 300)) };
    const started = performance.now();
    const result = await createClassifiersPhase({ classifiers: [stubborn] }).run({ text: 'x' }, { settings: settings({ timeoutMs: 50, http: { enabled: true, failure: 'closed' } }) });
    assert.ok(performance.now() - started < 250);
    assert.equal(result.decision, 'pending');
    assert.equal(result.reasons[0].rule, 'http.unavailable');
  });
});
