import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftOf, EMPTY_DRAFT, fieldsOf } from './campaignForm.ts';

test('a draft becomes API fields in minor units, ticks automatic unless chosen', () => {
  const parsed = fieldsOf({ ...EMPTY_DRAFT, title: ' Spring drive ', currency: 'eur', goal: '3,000', endsAt: '2099-01-31' });
  assert.ok('fields' in parsed);
  assert.deepEqual(parsed.fields, { title: 'Spring drive', currency: 'EUR', goal: 300_000, donorGoal: null, ticks: null, thankYou: '', startsAt: undefined, endsAt: '2099-01-31T00:00:00.000Z', status: 'active' });
  const chosen = fieldsOf({ ...EMPTY_DRAFT, goal: '5000', ticksMode: 'chosen', ticks: '0, 1000, 2,500 5000' });
  assert.ok('fields' in chosen);
  assert.deepEqual(chosen.fields.ticks, [0, 100_000, 250_000, 500_000]);
});

test('names the input that is not a number', () => {
  assert.deepEqual(fieldsOf({ ...EMPTY_DRAFT, goal: 'lots' }), { field: 'goal', problem: 'amount' });
  assert.deepEqual(fieldsOf({ ...EMPTY_DRAFT, goal: '10', donorGoal: '2.5' }), { field: 'donorGoal', problem: 'count' });
  assert.deepEqual(fieldsOf({ ...EMPTY_DRAFT, goal: '10', ticksMode: 'chosen', ticks: '0, x' }), { field: 'ticks', problem: 'amount' });
});

test('a saved campaign comes back as the draft it was made from', () => {
  const draft = draftOf({ id: 'c', title: 'T', currency: 'USD', goal: 500_000, raised: 0, donors: 0, donorGoal: 50, ticks: [0, 250_000, 500_000], percent: 0, startsAt: '2025-01-01T00:00:00.000Z', endsAt: null, status: 'archived', thankYou: 'Thanks' });
  assert.deepEqual(draft, { title: 'T', currency: 'USD', goal: '5000', donorGoal: '50', ticksMode: 'chosen', ticks: '0, 2500, 5000', thankYou: 'Thanks', startsAt: '2025-01-01', endsAt: '', active: false });
});
