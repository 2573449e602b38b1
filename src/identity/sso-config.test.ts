// SSO secrets come from the environment only, and are checked at start like every setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, ssoSecretVariable } from '../config.ts';

const base = { DATA_DIR: '/tmp/colloquy-config-test', COLLOQUY_SECRET: 'x'.repeat(40) };

test('per-site SSO secrets are read from SSO_SECRET_<SITE>', () => {
  assert.equal(ssoSecretVariable('news-site'), 'SSO_SECRET_NEWS_SITE');
  assert.equal(ssoSecretVariable('Blog.2'), 'SSO_SECRET_BLOG_2');
  const config = loadConfig({ ...base, SSO_SECRET: 's'.repeat(32), SSO_SECRET_NEWS_SITE: 'n'.repeat(40) });
  assert.equal(config.ssoSecret, 's'.repeat(32));
  assert.deepEqual(config.ssoSiteSecrets, { SSO_SECRET_NEWS_SITE: 'n'.repeat(40) });
});

test('short SSO secrets stop the server at start, naming the variable', () => {
  for (const env of [{ SSO_SECRET: 'short' }, { SSO_SECRET_NEWS: 'short' }]) {
    assert.throws(() => loadConfig({ ...base, ...env }), (error: unknown) => error instanceof ConfigError && /SSO_SECRET(_NEWS)?/.test(error.message) && /32 characters/.test(error.message));
  }
});
