import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, configHelp, loadConfig, settings } from './config.ts';

const SECRET = 's'.repeat(32);
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-config-'));
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The problems loadConfig reports for `env`, failing if it does not throw a ConfigError. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir(), COLLOQUY_SECRET: SECRET, ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  assert.fail(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has working defaults', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, COLLOQUY_SECRET: SECRET });
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.databaseUrl, `sqlite:${join(dir, 'colloquy.db')}`);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.seedDemo, true);
    assert.equal(config.trustProxy, false);
    assert.equal(config.isProduction, false);
    assert.deepEqual(config.demoOrigins, ['http://localhost:8080', 'http://127.0.0.1:8080']);
  });

  it('parses every kind of value', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(), COLLOQUY_SECRET: SECRET, PORT: '3000', DATABASE_URL: 'postgres://u:p@db:5432/colloquy/',
      LOG_LEVEL: 'warn', TRUST_PROXY: 'yes', SEED_DEMO: 'off', DEMO_ORIGINS: 'https://a.example, https://b.example:8443/', BODY_LIMIT: '2048',
    });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/colloquy');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.trustProxy, true);
    assert.equal(config.seedDemo, false);
    assert.deepEqual(config.demoOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(config.bodyLimit, 2048);
    assert.deepEqual(loadConfig({ DATA_DIR: dataDir(), COLLOQUY_SECRET: SECRET, DEMO_ORIGINS: '*' }).demoOrigins, ['*']);
  });

  it('reports a bad PORT by name with what is expected', () => {
    for (const port of ['abc', '-1', '65536', '80.5']) {
      const [problem, ...rest] = problems({ PORT: port });
      assert.equal(rest.length, 0);
      assert.match(problem, /^PORT=/);
      assert.match(problem, /whole number between 0 and 65535/);
    }
  });

  it('reports a DATABASE_URL of an unsupported engine', () => {
    const [problem] = problems({ DATABASE_URL: 'mysql://x' });
    assert.match(problem, /^DATABASE_URL="mysql:\/\/x": expected postgres:\/\/.* or sqlite:/);
  });

  it('reports an unknown LOG_LEVEL with the accepted levels', () => {
    const [problem] = problems({ LOG_LEVEL: 'loud' });
    assert.match(problem, /^LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent$/);
  });

  it('reports a bad boolean, a short secret and a bad origin list, each by name', () => {
    assert.match(problems({ TRUST_PROXY: 'maybe' })[0], /^TRUST_PROXY=.*expected true or false/);
    assert.match(problems({ COLLOQUY_SECRET: 'short' })[0], /^COLLOQUY_SECRET=.*at least 32 characters/);
    for (const origins of ['https://a.example/path', 'not a url', 'https://ok.example, nope']) {
      const [problem] = problems({ DEMO_ORIGINS: origins });
      assert.match(problem, /^DEMO_ORIGINS=".*": ".*" is not an origin \(scheme:\/\/host\[:port\]\)$/);
    }
  });

  it('reports every bad variable at once', () => {
    const all = problems({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    assert.equal(all.length, 3);
    assert.deepEqual(all.map((p) => p.split('=')[0]).sort(), ['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'abc', LOG_LEVEL: 'loud' }), /Invalid configuration:\n {2}PORT=.*\n {2}LOG_LEVEL=/);
  });

  it('refuses to start in production without COLLOQUY_SECRET', () => {
    const [problem] = problems({ NODE_ENV: 'production', COLLOQUY_SECRET: '' });
    assert.match(problem, /^COLLOQUY_SECRET: required when NODE_ENV=production/);
    assert.equal(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', COLLOQUY_SECRET: SECRET }).isProduction, true);
  });

  it('generates a development secret once and keeps it in DATA_DIR', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    assert.ok(first.secret.length >= 32);
    assert.equal(readFileSync(join(dir, 'secret'), 'utf8').trim(), first.secret);
    assert.equal(loadConfig({ DATA_DIR: dir }).secret, first.secret);
  });

  it('documents every setting in the help text', () => {
    const help = configHelp();
    for (const setting of Object.values(settings)) assert.ok(help.includes(setting.env), setting.env);
  });
});
