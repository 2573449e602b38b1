import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runPipeline, type PhaseContext } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { closedReason, createClosedPhase } from './closed.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const ctx = (stored: unknown = {}): PhaseContext => ({ settings: resolveModerationSettings(stored), siteId: 's' });
const phase = createClosedPhase({ now: () => T0 + 10 * DAY });
const thread = (over: Partial<{ createdAt: number; closed: boolean }> = {}) => ({ id: 't', createdAt: T0, closed: false, ...over });

describe('closed phase', () => {
  test('an open thread passes; no thread (a new page) passes', async () => {
    assert.deepEqual(await phase.run({ text: 'hi', thread: thread() }, ctx()), { reasons: [] });
    assert.deepEqual(await phase.run({ text: 'hi' }, ctx()), { reasons: [] });
  });

  test('a thread closed by a moderator is refused', async () => {
    const result = await phase.run({ text: 'hi', thread: thread({ closed: true }) }, ctx());
    assert.equal(result.decision, 'rejected');
    assert.equal(result.reasons[0].rule, 'closed.thread');
    assert.equal(result.reasons[0].category, 'closed');
  });

  test('a closed site refuses every thread, even a new one', async () => {
    const result = await phase.run({ text: 'hi' }, ctx({ closing: { siteClosed: true } }));
    assert.equal(result.decision, 'rejected');
    assert.equal(result.reasons[0].rule, 'closed.site');
  });

  test('auto-close after N days since the thread was created', async () => {
    const settings = ctx({ closing: { autoCloseDays: 7 } });
    const old = await phase.run({ text: 'hi', thread: thread() }, settings);
    assert.equal(old.decision, 'rejected');
    assert.equal(old.reasons[0].rule, 'closed.auto');
    assert.match(old.reasons[0].detail!, /7 days after they start; this one closed 2025-01-08T00:00:00.000Z/);
    const young = await phase.run({ text: 'hi', thread: thread({ createdAt: T0 + 5 * DAY }) }, settings);
    assert.equal(young.decision, undefined);
    // The input's own time wins over the clock.
    const early = await phase.run({ text: 'hi', thread: thread(), at: T0 + 6 * DAY }, settings);
    assert.equal(early.decision, undefined);
    const edge = await phase.run({ text: 'hi', thread: thread(), at: T0 + 7 * DAY }, settings);
    assert.equal(edge.decision, 'rejected');
  });

  test('closedReason picks the reason the service turns into 403 thread_closed', async () => {
    const result = await runPipeline([phase], { text: 'hi', thread: thread({ closed: true }) }, ctx());
    assert.equal(closedReason(result)?.rule, 'closed.thread');
    assert.equal(closedReason({ status: 'rejected', reasons: [{ phase: 'terms', rule: 'terms.banned' }] }), undefined);
    assert.equal(closedReason({ status: 'approved', reasons: [] }), undefined);
  });
});
