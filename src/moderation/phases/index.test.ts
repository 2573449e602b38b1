import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClassifierAdapter } from '../classifiers/types.ts';
import { runPipeline, type PhaseContext, type PhaseInput } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { buildPhases } from './index.ts';

function counting(): ClassifierAdapter & { calls: number } {
  const adapter = { name: 'http' as const, calls: 0, async classify() { adapter.calls++; return { reasons: [] }; } };
  return adapter;
}

const settings = resolveModerationSettings({ classifiers: { http: { enabled: true } }, bots: { altcha: false } });
const ctx: PhaseContext = { settings, siteId: 'demo' };
const author = { visitorKey: 'v', ipHash: 'ip' };

describe('buildPhases', () => {
  test('the phases in pipeline order', () => {
    const names = buildPhases({ isBanned: () => null }).map((p) => p.name);
    assert.deepEqual(names, ['closed', 'bans', 'bots', 'duplicates', 'links', 'terms', 'scorer', 'premoderation', 'classifiers', 'duplicates.record']);
    assert.ok(!buildPhases().some((p) => p.name === 'bans'), 'no lookup, no bans phase');
  });

  test('a civil comment goes through every phase and the classifier is asked', async () => {
    const classifier = counting();
    const input: PhaseInput = { text: 'A thoughtful piece, thank you for the careful reporting.', author, bot: { honeypot: '' } };
    const result = await runPipeline(buildPhases({ classifiers: [classifier] }), input, ctx);
    assert.equal(result.status, 'approved');
    assert.equal(classifier.calls, 1);
    assert.equal(result.timings.at(-1)!.phase, 'duplicates.record');
  });

  test('refusals early in the list save the external calls', async () => {
    const classifier = counting();
    const phases = buildPhases({ classifiers: [classifier], isBanned: () => ({ id: 'b', kind: 'visitor', mode: 'ban', expiresAt: null }) });
    for (const input of [
      { text: 'hello', thread: { id: 't', createdAt: 0, closed: true } },
      { text: 'hello', author },
    ] satisfies PhaseInput[]) {
      const result = await runPipeline(phases, input, ctx);
      assert.equal(result.status, 'rejected');
    }
    const bot = await runPipeline(buildPhases({ classifiers: [classifier] }), { text: 'hello', bot: { honeypot: 'x' } }, ctx);
    assert.equal(bot.status, 'spam');
    const slur = await runPipeline(buildPhases({ classifiers: [classifier] }), { text: 'I will kill you' }, ctx);
    assert.equal(slur.status, 'rejected');
    assert.equal(classifier.calls, 0);
  });

  test('held comments still reach the classifiers and are remembered for duplicates', async () => {
    const classifier = counting();
    const phases = buildPhases({ classifiers: [classifier] });
    const text = 'Visit https://bit.ly/abc for the real story about this election everyone';
    const first = await runPipeline(phases, { text, author }, ctx);
    assert.equal(first.status, 'pending');
    assert.equal(classifier.calls, 1);
    // Kept as the comment service does once the comment is stored.
    for (const keep of first.keeps) await keep('held-comment');
    const again = await runPipeline(phases, { text, author }, ctx);
    assert.equal(again.status, 'spam');
    assert.ok(again.reasons.some((r) => r.rule === 'duplicates.same-author' && r.detail!.includes('held-comment')));
  });
});
