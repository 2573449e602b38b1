import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runPipeline, type Phase, type PhaseContext } from './phase.ts';
import { scorerPhase } from './phases/scorer.ts';
import { termsPhase } from './phases/terms.ts';
import { defaultModerationSettings, resolveModerationSettings, type ModerationSettings } from './settings.ts';

const ctx = (settings: ModerationSettings = defaultModerationSettings): PhaseContext => ({ settings, siteId: 'test' });
const phases = [termsPhase, scorerPhase];
const withTerms = resolveModerationSettings({
  terms: { version: '7', banned: ['frobnicate', { term: 'spamword', category: 'spam' }], suspect: ['crypto'], allow: [] },
});

describe('runPipeline', () => {
  test('a civil comment is approved, with a timing per phase', async () => {
    const result = await runPipeline(phases, { text: 'Thanks for a thoughtful article.' }, ctx());
    assert.equal(result.status, 'approved');
    assert.deepEqual(result.reasons, []);
    assert.deepEqual(result.timings.map((t) => t.phase), ['terms', 'scorer']);
    assert.ok(result.timings.every((t) => t.ms >= 0));
  });

  test('stops at the first rejection; later phases do not run', async () => {
    let ran = false;
    const after: Phase = { name: 'after', run: () => ((ran = true), { reasons: [] }) };
    const result = await runPipeline([termsPhase, after], { text: 'please fr0bn1cate' }, ctx(withTerms));
    assert.equal(result.status, 'rejected');
    assert.equal(ran, false);
    assert.deepEqual(result.timings.map((t) => t.phase), ['terms']);
    assert.deepEqual(result.reasons, [{
      phase: 'terms', rule: 'terms.banned', category: 'term', span: [7, 17],
      detail: 'banned term "frobnicate" matched "fr0bn1cate"',
    }]);
  });

  test('pending holds but later phases still run and may reject', async () => {
    const result = await runPipeline(phases, { text: 'buy crypto or I will kill you' }, ctx(withTerms));
    assert.equal(result.status, 'rejected');
    assert.deepEqual(result.reasons.map((r) => `${r.phase}/${r.rule}`), ['terms/terms.suspect', 'scorer/threat.first-person', 'scorer/scorer.threshold']);
  });

  test('suspect terms hold', async () => {
    const result = await runPipeline(phases, { text: 'Is crypto a good investment?' }, ctx(withTerms));
    assert.equal(result.status, 'pending');
  });

  test('spam from a phase stops the pipeline', async () => {
    const spam: Phase = { name: 'spam', run: async () => ({ reasons: [{ phase: 'spam', rule: 'spam.test' }], decision: 'spam' }) };
    const result = await runPipeline([spam, termsPhase], { text: 'x' }, ctx());
    assert.equal(result.status, 'spam');
    assert.equal(result.timings.length, 1);
  });
});

describe('scorer phase thresholds', () => {
  test('an insult is held, two are rejected, each with a threshold reason', async () => {
    const one = await runPipeline([scorerPhase], { text: 'you idiot' }, ctx());
    assert.equal(one.status, 'pending');
    assert.deepEqual(one.reasons.at(-1), {
      phase: 'scorer', rule: 'scorer.threshold', category: 'insult', score: 0.7, detail: 'insult 0.7 ≥ pending threshold 0.6',
    });
    const two = await runPipeline([scorerPhase], { text: 'you idiot, you moron' }, ctx());
    assert.equal(two.status, 'rejected');
  });

  test('a site can loosen or tighten a category, or turn the scorer off', async () => {
    const lenient = resolveModerationSettings({ scorer: { thresholds: { insult: { pending: null, rejected: null } } } });
    assert.equal((await runPipeline([scorerPhase], { text: 'you idiot' }, ctx(lenient))).status, 'approved');
    const strict = resolveModerationSettings({ scorer: { thresholds: { profanity: { rejected: 0.1 } } } });
    assert.equal((await runPipeline([scorerPhase], { text: 'this is fucking great' }, ctx(strict))).status, 'rejected');
    const off = resolveModerationSettings({ scorer: { enabled: false } });
    assert.equal((await runPipeline([scorerPhase], { text: 'I will kill you' }, ctx(off))).status, 'approved');
  });

  test("the site's allow-list applies to the scorer", async () => {
    const settings = resolveModerationSettings({ terms: { version: 'a1', allow: ['idiot'] } });
    assert.equal((await runPipeline([scorerPhase], { text: 'you idiot' }, ctx(settings))).status, 'approved');
  });

  test('civil and harsh-but-allowed comments pass both phases', async () => {
    for (const text of [
      'I completely disagree; the author ignores the evidence.', 'The minister is an idiot and should resign.',
      'This is fucking brilliant, well done.', 'The suspect threatened to kill his neighbour, police said.',
      'I live in Scunthorpe, near the Essex border? No, but I enjoy a cocktail.', 'Shitake mushrooms are great.',
    ]) {
      assert.equal((await runPipeline(phases, { text }, ctx())).status, 'approved', text);
    }
  });
});

describe('resolveModerationSettings', () => {
  test('nothing stored gives the defaults', () => {
    assert.deepEqual(resolveModerationSettings(undefined), defaultModerationSettings);
    assert.deepEqual(resolveModerationSettings('garbage'), defaultModerationSettings);
  });

  test('invalid values fall back one by one', () => {
    const s = resolveModerationSettings({
      terms: { version: 3, banned: ['ok', 42, { term: 'x', match: 'bogus' }, { nope: 1 }], suspect: 'no', allow: ['a', 1] },
      scorer: { enabled: 'yes', thresholds: { insult: { pending: 2, rejected: 0.95 }, threat: null } },
    });
    assert.deepEqual(s.terms, { version: '3', banned: ['ok', { term: 'x', category: undefined, match: undefined, suffixes: undefined }], suspect: [], allow: ['a'] });
    assert.equal(s.scorer.enabled, true);
    assert.deepEqual(s.scorer.thresholds.insult, { pending: 0.6, rejected: 0.95 });
    assert.deepEqual(s.scorer.thresholds.threat, defaultModerationSettings.scorer.thresholds.threat);
  });
});
