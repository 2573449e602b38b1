import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../config.ts';
import { createClassifiers } from './index.ts';

const SECRET = 'a-colloquy-secret-of-at-least-32-characters';

test('classifiers exist only when the environment configures them', () => {
  assert.deepEqual(createClassifiers(loadConfig({ COLLOQUY_SECRET: SECRET })).map((c) => c.name), []);
  const all = loadConfig({
    COLLOQUY_SECRET: SECRET,
    PERSPECTIVE_API_KEY: 'p', PERSPECTIVE_URL: 'http://127.0.0.1:1/v1alpha1',
    AKISMET_API_KEY: 'a', AKISMET_BLOG_URL: 'https://news.example', AKISMET_URL: 'http://127.0.0.1:1/1.1',
    CLASSIFIER_URL: 'http://127.0.0.1:1/classify', CLASSIFIER_TOKEN: 't',
  });
  assert.deepEqual(createClassifiers(all).map((c) => c.name), ['perspective', 'akismet', 'http']);
  // Akismet needs the blog URL as well as the key.
  assert.deepEqual(createClassifiers(loadConfig({ COLLOQUY_SECRET: SECRET, AKISMET_API_KEY: 'a' })).map((c) => c.name), []);
  assert.throws(() => loadConfig({ COLLOQUY_SECRET: SECRET, CLASSIFIER_URL: 'ftp://x' }), /CLASSIFIER_URL/);
});

test('the ALTCHA key comes from ALTCHA_HMAC_KEY, else from COLLOQUY_SECRET', () => {
  const derived = loadConfig({ COLLOQUY_SECRET: SECRET }).altchaHmacKey;
  assert.equal(derived.length >= 32, true);
  assert.notEqual(derived, SECRET);
  assert.equal(loadConfig({ COLLOQUY_SECRET: SECRET }).altchaHmacKey, derived, 'stable across restarts');
  assert.notEqual(loadConfig({ COLLOQUY_SECRET: `${SECRET}-other` }).altchaHmacKey, derived);
  const own = 'an-altcha-key-of-at-least-32-characters!';
  assert.equal(loadConfig({ COLLOQUY_SECRET: SECRET, ALTCHA_HMAC_KEY: own }).altchaHmacKey, own);
  assert.throws(() => loadConfig({ COLLOQUY_SECRET: SECRET, ALTCHA_HMAC_KEY: 'short' }), /ALTCHA_HMAC_KEY/);
});
