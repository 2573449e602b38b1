import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityKeys, ipPrefix, isGuest, keyString } from './identity.ts';

test('ipPrefix: IPv4 /24, IPv6 /48, mapped IPv4, junk', () => {
  assert.equal(ipPrefix('203.0.113.77'), '203.0.113.0/24');
  assert.equal(ipPrefix('::ffff:203.0.113.77'), '203.0.113.0/24');
  assert.equal(ipPrefix('2001:db8:abcd:12::1'), '2001:db8:abcd::/48');
  assert.equal(ipPrefix('2001:0DB8:0001:0000:0000:0000:0000:0001'), '2001:db8:1::/48');
  assert.equal(ipPrefix('2001:db8::1'), '2001:db8:0::/48');
  assert.equal(ipPrefix('::1'), '0:0:0::/48');
  assert.equal(ipPrefix('fe80::1%eth0'), 'fe80:0:0::/48');
  assert.equal(ipPrefix('not an ip'), null);
  assert.equal(ipPrefix('999.1.1.1'), null);
});

test('identityKeys: strongest first, e-mail normalised, empty values skipped', () => {
  const keys = identityKeys({ accountId: 'a', email: ' X@Y.org ', visitorKey: 'v', ipHash: null, ipPrefixHash: 'n' });
  assert.deepEqual(keys.map(keyString), ['account:a', 'email:x@y.org', 'visitor:v', 'ip-prefix:n']);
  assert.deepEqual(identityKeys(undefined), []);
  assert.equal(isGuest({ visitorKey: 'v' }), true);
  assert.equal(isGuest({ accountId: 'a' }), false);
});
