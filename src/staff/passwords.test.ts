// Staff password hashing: scrypt, salted, parameters stored with the hash, constant-time check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PARAMS, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('staff passwords', () => {
  it('stores scrypt with its parameters and a random salt, never the password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const [scheme, logN, r, p, salt, key] = hash.split('$');
    assert.equal(scheme, 'scrypt');
    assert.deepEqual([Number(logN), Number(r), Number(p)], [DEFAULT_PARAMS.logN, DEFAULT_PARAMS.r, DEFAULT_PARAMS.p]);
    assert.equal(Buffer.from(salt!, 'base64url').length, 16);
    assert.equal(Buffer.from(key!, 'base64url').length, 64);
    assert.ok(!hash.includes('correct horse'));
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password twice'), hashPassword('same password twice')]);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('same password twice', a), true);
    assert.equal(await verifyPassword('same password twice', b), true);
  });

  it('refuses a wrong password, a near miss and a damaged or foreign hash', async () => {
    const hash = await hashPassword('correct horse battery staple');
    assert.equal(await verifyPassword('correct horse battery stapl', hash), false);
    assert.equal(await verifyPassword('Correct horse battery staple', hash), false);
    assert.equal(await verifyPassword('', hash), false);
    assert.equal(await verifyPassword('correct horse battery staple', hash.slice(0, -4)), false);
    assert.equal(await verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv'), false);
    assert.equal(await verifyPassword('x', 'scrypt$40$8$1$AAAA$AAAA'), false, 'absurd parameters are not run');
  });

  it('reads hashes made with other parameters (they are stored with the hash)', async () => {
    const light = await hashPassword('older, lighter hash', { logN: 12, r: 8, p: 1 });
    assert.match(light, /^scrypt\$12\$8\$1\$/);
    assert.equal(await verifyPassword('older, lighter hash', light), true);
  });

  it('treats composed and decomposed accents as the same password (NFC)', async () => {
    const hash = await hashPassword('Caf\u00e9 au lait, please');
    assert.equal(await verifyPassword('Cafe\u0301 au lait, please', hash), true);
  });

  it('asks for 12 to 200 characters', () => {
    assert.match(passwordProblem('short')!, /at least 12/);
    assert.equal(passwordProblem('twelve chars'), null);
    assert.match(passwordProblem('x'.repeat(201))!, /at most 200/);
  });
});
