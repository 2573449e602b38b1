import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { solveAltcha, type AltchaChallenge } from '../../../web/widget/altcha.ts';
import { createAltcha } from '../altcha.ts';
import type { PhaseContext } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createBotsPhase } from './bots.ts';

const altcha = createAltcha({ hmacKey: 'bots-test-key-0123456789abcdef01234', minCounter: 10, maxCounter: 200 });
const phase = createBotsPhase({ altcha });
const ctx = (bots: unknown = {}, extra: Partial<PhaseContext> = {}): PhaseContext => ({ settings: resolveModerationSettings({ bots }), siteId: 'demo', ...extra });
const payload = async () => solveAltcha((await altcha.challenge('demo')) as unknown as AltchaChallenge);
const guest = { visitorKey: 'v' };

describe('bots phase', () => {
  test('a guest with a valid ALTCHA solution and an empty honeypot passes', async () => {
    assert.deepEqual(await phase.run({ text: 'hi', author: guest, bot: { honeypot: '', altcha: await payload() } }, ctx()), { reasons: [] });
  });

  test('a filled honeypot is spam, whatever else', async () => {
    const result = await phase.run({ text: 'hi', author: { accountId: 'a' }, bot: { honeypot: 'http://spam', altcha: null } }, ctx());
    assert.equal(result.decision, 'spam');
    assert.deepEqual(result.reasons.map((r) => [r.rule, r.category]), [['bots.honeypot', 'spam']]);
    assert.equal((await phase.run({ text: 'hi', bot: { honeypot: 'x' } }, ctx({ honeypot: false, altcha: false }))).decision, undefined);
  });

  test('a guest without a solution, or with a used one, is spam by default', async () => {
    const missing = await phase.run({ text: 'hi', author: guest, bot: { honeypot: null, altcha: null } }, ctx());
    assert.equal(missing.decision, 'spam');
    assert.equal(missing.reasons[0].rule, 'bots.altcha');
    assert.match(missing.reasons[0].detail!, /\(missing\)$/);
    const once = await payload();
    assert.equal((await phase.run({ text: 'hi', author: guest, bot: { altcha: once } }, ctx())).decision, undefined);
    const replay = await phase.run({ text: 'hi', author: guest, bot: { altcha: once } }, ctx());
    assert.match(replay.reasons[0].detail!, /\(replayed\)$/);
  });

  test('the failure action and ALTCHA itself are per site', async () => {
    assert.equal((await phase.run({ text: 'hi', author: guest, bot: {} }, ctx({ altchaFailure: 'pending' }))).decision, 'pending');
    assert.deepEqual(await phase.run({ text: 'hi', author: guest, bot: {} }, ctx({ altcha: false })), { reasons: [] });
  });

  test('accounts, edits and text-only callers are not asked; a dry run does not use up the solution', async () => {
    assert.deepEqual(await phase.run({ text: 'hi', author: { accountId: 'a' }, bot: {} }, ctx()), { reasons: [] });
    assert.deepEqual(await phase.run({ text: 'hi', author: guest, commentId: 'c', bot: {} }, ctx()), { reasons: [] });
    assert.deepEqual(await phase.run({ text: 'hi', author: guest }, ctx()), { reasons: [] });
    const p = await payload();
    assert.deepEqual(await phase.run({ text: 'hi', author: guest, bot: { altcha: p } }, ctx({}, { dryRun: true })), { reasons: [] });
    assert.deepEqual(await phase.run({ text: 'hi', author: guest, bot: { altcha: p } }, ctx()), { reasons: [] });
  });

  test('without a verifier only the honeypot is checked', async () => {
    assert.deepEqual(await createBotsPhase().run({ text: 'hi', author: guest, bot: {} }, ctx()), { reasons: [] });
  });
});
