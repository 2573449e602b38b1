import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuthorIdentity, PhaseContext } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { createPremoderationPhase } from './premoderation.ts';

const ctx = (premoderation: unknown): PhaseContext => ({ settings: resolveModerationSettings({ premoderation }), siteId: 'site' });
const counts: Record<string, number> = { veteran: 5, newbie: 0, once: 1 };
const approvedCountOf = (identity: AuthorIdentity) => counts[identity.visitorKey ?? ''] ?? 0;
const phase = createPremoderationPhase({ approvedCountOf });

describe('premoderation phase', () => {
  test('mode none (the default) holds nothing', async () => {
    assert.deepEqual(await phase.run({ text: 'x', author: { visitorKey: 'newbie' } }, ctx(undefined)), { reasons: [] });
  });

  test('mode all holds every comment, with a reason', async () => {
    const result = await phase.run({ text: 'x', author: { visitorKey: 'veteran' } }, ctx({ mode: 'all' }));
    assert.equal(result.decision, 'pending');
    assert.deepEqual(result.reasons.map((r) => [r.rule, r.category]), [['premoderation.all', 'premoderation']]);
  });

  test('mode first holds new authors until enough of theirs were approved', async () => {
    const first = ctx({ mode: 'first' });
    const held = await phase.run({ text: 'x', author: { visitorKey: 'newbie' } }, first);
    assert.equal(held.decision, 'pending');
    assert.equal(held.reasons[0].rule, 'premoderation.first');
    assert.equal(held.reasons[0].detail, 'new author: 0 of the first 1 comment approved so far');
    assert.equal((await phase.run({ text: 'x', author: { visitorKey: 'veteran' } }, first)).decision, undefined);
    const three = ctx({ mode: 'first', firstCount: 3 });
    assert.equal((await phase.run({ text: 'x', author: { visitorKey: 'once' } }, three)).decision, 'pending');
    assert.equal((await phase.run({ text: 'x', author: { visitorKey: 'veteran' } }, three)).decision, undefined);
    // No identity at all: a new author.
    assert.equal((await phase.run({ text: 'x' }, first)).decision, 'pending');
  });

  test('staff and edits are not held; a failing count holds', async () => {
    assert.deepEqual(await phase.run({ text: 'x', author: { accountId: 'm', trusted: true } }, ctx({ mode: 'all' })), { reasons: [] });
    assert.deepEqual(await phase.run({ text: 'x', commentId: 'c1', author: { visitorKey: 'newbie' } }, ctx({ mode: 'first' })), { reasons: [] });
    const broken = createPremoderationPhase({ approvedCountOf: async () => { throw new Error('db down'); } });
    const result = await broken.run({ text: 'x', author: { visitorKey: 'veteran' } }, ctx({ mode: 'first' }));
    assert.equal(result.decision, 'pending');
    assert.equal(result.reasons[0].rule, 'premoderation.unavailable');
  });
});
