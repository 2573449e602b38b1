import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Json } from './types.ts';
import { changedSettings, fieldMatches, getPath, setPath, termsToText, textToTerms } from './settingsForm.ts';

test('setPath writes without touching the original and creates missing objects', () => {
  const a = { moderation: { premoderation: 'none', links: { max: 3 } } };
  const b = setPath(a, ['moderation', 'links', 'max'], 5);
  assert.equal(getPath(b, ['moderation', 'links', 'max']), 5);
  assert.equal(a.moderation.links.max, 3);
  assert.deepEqual(setPath({}, ['x', 'y'], true), { x: { y: true } });
});

test('changedSettings sends changed top-level keys and changed moderation keys whole', () => {
  const saved = { maxDepth: 5, moderation: { premoderation: 'none', links: { max: 3, overMax: 'pending' }, closed: false } };
  let draft = setPath(saved, ['moderation', 'links', 'max'], 4);
  draft = setPath(draft, ['maxDepth'], 3);
  assert.deepEqual(changedSettings(saved, draft), { maxDepth: 3, moderation: { links: { max: 4, overMax: 'pending' } } });
  assert.deepEqual(changedSettings(saved, saved), {});
});

test('term lists round-trip through text, with options', () => {
  const list: Json[] = ['slur', { term: 'kike', category: 'slur', match: 'stem' }, { term: 'maine coon' }];
  const text = termsToText(list);
  assert.equal(text, 'slur\nkike | stem | slur\nmaine coon');
  assert.deepEqual(textToTerms(`${text}\n\n  spaced  \n`), ['slur', { term: 'kike', match: 'stem', category: 'slur' }, 'maine coon', 'spaced']);
});

test('fieldMatches finds the field an error names, or its parent list', () => {
  assert.ok(fieldMatches('settings.moderation.premoderation', ['moderation', 'premoderation']));
  assert.ok(fieldMatches('settings.moderation.terms.banned.3', ['moderation', 'terms', 'banned']));
  assert.ok(fieldMatches('/settings/moderation/links/max', ['moderation', 'links', 'max']));
  assert.ok(!fieldMatches('settings.moderation.links.maxima', ['moderation', 'links', 'max']));
  assert.ok(!fieldMatches(undefined, ['maxDepth']));
});
