import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runPipeline, type AuthorIdentity, type Phase, type PhaseContext } from '../phase.ts';
import { defaultModerationSettings } from '../settings.ts';
import { createBansPhase, type Ban } from './bans.ts';
import { identityKeys } from './identity.ts';

const NOW = 1_700_000_000_000;
const ctx: PhaseContext = { settings: defaultModerationSettings, siteId: 'site-a' };

/** A lookup over a list of bans, like the bans store would do with its index. */
function lookup(bans: Array<Ban & { value: string }>) {
  const calls: Array<[AuthorIdentity, string | undefined]> = [];
  const isBanned = (identity: AuthorIdentity, siteId: string | undefined) => {
    calls.push([identity, siteId]);
    const keys = identityKeys(identity);
    return bans.find((b) => keys.some((k) => k.kind === b.kind && k.value === b.value)) ?? null;
  };
  return { isBanned, calls };
}

describe('bans phase', () => {
  test('an author without bans passes; the lookup gets the identity and site', async () => {
    const { isBanned, calls } = lookup([]);
    const phase = createBansPhase({ isBanned, now: () => NOW });
    const author = { visitorKey: 'v1', ipHash: 'ip1' };
    assert.deepEqual(await phase.run({ text: 'x', author }, ctx), { reasons: [] });
    assert.deepEqual(calls, [[author, 'site-a']]);
  });

  test('no identity: nothing to look up', async () => {
    const { isBanned, calls } = lookup([]);
    const phase = createBansPhase({ isBanned });
    assert.deepEqual(await phase.run({ text: 'x' }, ctx), { reasons: [] });
    assert.equal(calls.length, 0);
  });

  for (const [kind, author] of [
    ['account', { accountId: 'acc-1' }],
    ['email', { email: '  Troll@Example.COM ' }],
    ['visitor', { visitorKey: 'v-troll' }],
    ['ip', { ipHash: 'ip-troll' }],
    ['ip-prefix', { ipHash: 'other', ipPrefixHash: 'net-troll' }],
  ] as const) {
    test(`a ban on the ${kind} rejects`, async () => {
      const value = { account: 'acc-1', email: 'troll@example.com', visitor: 'v-troll', ip: 'ip-troll', 'ip-prefix': 'net-troll' }[kind];
      const { isBanned } = lookup([{ id: 'b1', kind, value, mode: 'ban', expiresAt: null, reason: 'repeated abuse' }]);
      const result = await createBansPhase({ isBanned, now: () => NOW }).run({ text: 'x', author }, ctx);
      assert.equal(result.decision, 'rejected');
      assert.equal(result.reasons[0].rule, 'bans.banned');
      assert.equal(result.reasons[0].category, 'ban');
      assert.match(result.reasons[0].detail!, /banned by .*\(ban b1\): repeated abuse/);
    });
  }

  test('a suspension rejects until it expires; an expired one is ignored', async () => {
    const ban: Ban & { value: string } = { id: 's1', kind: 'visitor', value: 'v', mode: 'suspend', expiresAt: NOW + 3_600_000 };
    const phase = createBansPhase({ isBanned: lookup([ban]).isBanned, now: () => NOW });
    const during = await phase.run({ text: 'x', author: { visitorKey: 'v' } }, ctx);
    assert.equal(during.decision, 'rejected');
    assert.equal(during.reasons[0].rule, 'bans.suspended');
    assert.match(during.reasons[0].detail!, /until 2023-11-14T23:13:20.000Z/);
    const after = await phase.run({ text: 'x', author: { visitorKey: 'v' }, at: NOW + 3_600_000 }, ctx);
    assert.deepEqual(after, { reasons: [] });
  });

  test('a shadow-ban lets the pipeline go on and sets the shadow flag', async () => {
    const ban: Ban & { value: string } = { id: 'sh', kind: 'ip', value: 'ip', mode: 'shadow', expiresAt: null };
    const later: Phase = { name: 'later', run: () => ({ reasons: [{ phase: 'later', rule: 'later.ran' }] }) };
    const result = await runPipeline([createBansPhase({ isBanned: lookup([ban]).isBanned }), later], { text: 'x', author: { ipHash: 'ip' } }, ctx);
    assert.equal(result.status, 'approved');
    assert.equal(result.shadow, true);
    assert.deepEqual(result.reasons.map((r) => r.rule), ['bans.shadow', 'later.ran']);
    const clean = await runPipeline([later], { text: 'x' }, ctx);
    assert.equal(clean.shadow, undefined);
  });

  test('an async lookup works; a failing one holds the comment', async () => {
    const ok = createBansPhase({ isBanned: async () => ({ id: 'a', kind: 'account', mode: 'ban', expiresAt: null }) });
    assert.equal((await ok.run({ text: 'x', author: { accountId: 'a' } }, ctx)).decision, 'rejected');
    const broken = createBansPhase({ isBanned: async () => { throw new Error('db down'); } });
    const result = await broken.run({ text: 'x', author: { accountId: 'a' } }, ctx);
    assert.equal(result.decision, 'pending');
    assert.equal(result.reasons[0].rule, 'bans.unavailable');
  });
});
