// Our synchronous verification agrees with altcha-lib's verifySolution on real solutions from
// the widget's solver and on every kind of tampering, so replacing the library's WebCrypto
// path changed the cost and nothing else.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { solveAltcha, type AltchaChallenge } from '../../web/widget/altcha.ts';
import { verifySignedSolution, type Solution } from './altcha-verify.ts';

const KEY = 'agreement-test-hmac-key-0123456789abcdef';
const KEY_SECRET = createHmac('sha256', KEY).update('key signature').digest('hex');

async function challenge(options: { keySignature?: boolean; data?: Record<string, string | number | boolean | null> } = {}): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256', cost: 1, counter: 5 + Math.floor(Math.random() * 40), deriveKey, data: options.data,
    expiresAt: Math.floor(Date.now() / 1000) + 600, hmacSignatureSecret: KEY,
    hmacKeySignatureSecret: options.keySignature === false ? undefined : KEY_SECRET,
  });
}

async function solve(c: Challenge): Promise<{ challenge: Challenge; solution: Solution }> {
  const payload = await solveAltcha(c as unknown as AltchaChallenge);
  return JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
}

async function libraryVerdict(c: Challenge, solution: Solution, key = KEY, keySecret = KEY_SECRET): Promise<boolean> {
  try {
    const result = await verifySolution({ challenge: c, solution: solution as never, deriveKey, hmacSignatureSecret: key, hmacKeySignatureSecret: keySecret });
    return result.verified;
  } catch {
    return false;
  }
}

const withParams = (c: Challenge, changes: Record<string, unknown>): Challenge => ({ ...c, parameters: { ...c.parameters, ...changes } as Challenge['parameters'] });

test('real solutions verify, and every tampering is refused, exactly as altcha-lib decides', async () => {
  const { challenge: c, solution } = await solve(await challenge({ data: { site: 'demo', zone: 'b', n: 2 } }));
  const reordered = { ...c, parameters: Object.fromEntries(Object.entries(c.parameters).reverse()) as Challenge['parameters'] };
  const cases: Array<[string, Challenge, Solution, string?, string?]> = [
    ['the solution as solved', c, solution],
    ['parameters in another key order', reordered, solution],
    ['another derived key', c, { ...solution, derivedKey: '00'.repeat(32) }],
    ['the derived key in capitals', c, { ...solution, derivedKey: String(solution.derivedKey).toUpperCase() }],
    ['an odd-length derived key', c, { ...solution, derivedKey: `${solution.derivedKey}0` }],
    ['a derived key that is not a string', c, { ...solution, derivedKey: 42 }],
    ['a negative counter', c, { ...solution, counter: -1 }],
    ['a fractional counter', c, { ...solution, counter: 1.5 }],
    ['a counter as text', c, { ...solution, counter: String(solution.counter) }],
    ['a counter past 32 bits', c, { ...solution, counter: 2 ** 32 }],
    ['an easier key prefix', withParams(c, { keyPrefix: '0' }), solution],
    ['a later expiry', withParams(c, { expiresAt: Number(c.parameters.expiresAt) + 60 }), solution],
    ['another site in the data', withParams(c, { data: { site: 'other', zone: 'b', n: 2 } }), solution],
    ['the data in another key order', withParams(c, { data: { n: 2, zone: 'b', site: 'demo' } }), solution],
    ['a key added to the data', withParams(c, { data: { site: 'demo', zone: 'b', n: 2, admin: true } }), solution],
    ['another key signature', withParams(c, { keySignature: 'ab'.repeat(32) }), solution],
    ['no signature', { ...c, signature: undefined } as unknown as Challenge, solution],
    ['another signature', { ...c, signature: 'cd'.repeat(32) }, solution],
    ['signed with another key', c, solution, `${KEY}-other`, KEY_SECRET],
    ['key signed with another secret', c, solution, KEY, `${KEY_SECRET}-other`],
  ];
  for (const [name, ch, sol, key = KEY, keySecret = KEY_SECRET] of cases) {
    const ours = verifySignedSolution(ch, sol, key, keySecret);
    assert.equal(ours, await libraryVerdict(ch, sol, key, keySecret), `${name}: ours and altcha-lib's agree`);
    assert.equal(ours, ['the solution as solved', 'parameters in another key order', 'the data in another key order'].includes(name), name);
  }
});

test('many solved challenges verify', async () => {
  for (let i = 0; i < 20; i++) {
    const { challenge: c, solution } = await solve(await challenge({ data: { site: `site-${i}` } }));
    assert.equal(verifySignedSolution(c, solution, KEY, KEY_SECRET), true);
    assert.equal(await libraryVerdict(c, solution), true);
  }
});

test('a challenge without a key signature is not ours and is refused (the library would re-derive the key)', async () => {
  const { challenge: c, solution } = await solve(await challenge({ keySignature: false }));
  assert.equal(await libraryVerdict(c, solution), true, "altcha-lib's slow path accepts it");
  assert.equal(verifySignedSolution(c, solution, KEY, KEY_SECRET), false);
});
