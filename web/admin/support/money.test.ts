import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endOfDay, toMajor, toMinor } from './money.ts';

test('typed amounts become minor units of their currency, or null', () => {
  assert.equal(toMinor('5,000', 'USD'), 500_000);
  assert.equal(toMinor('12.5', 'EUR'), 1250);
  assert.equal(toMinor('-20', 'USD'), -2000);
  assert.equal(toMinor('1500', 'JPY'), 1500);
  assert.equal(toMinor('1.5', 'JPY'), null, 'yen have no cents');
  assert.equal(toMinor('12.345', 'USD'), null);
  assert.equal(toMinor('ten', 'USD'), null);
  assert.equal(toMinor('', 'USD'), null);
  assert.equal(toMajor(500_050, 'USD'), '5000.5');
});

test('a "to" day includes the whole day', () => {
  assert.equal(endOfDay('2025-03-01'), '2025-03-02T00:00:00.000Z');
  assert.equal(endOfDay(''), undefined);
});
