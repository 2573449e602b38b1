// Environment → typed, validated config. Every setting lives here once: its variable,
// default, parser and help text. README's configuration table lists the same entries.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  secret: string;
  redisUrl: string | null;
  demoOrigins: string[];
  rateLimits: boolean;
  seedDemo: boolean;
  logLevel: string;
  trustProxy: boolean;
  bodyLimit: number;
  cacheEntries: number;
  isProduction: boolean;
}

type Parser<T> = (raw: string) => T;

interface Setting<T> {
  env: string;
  help: string;
  default: T | ((env: NodeJS.ProcessEnv) => T);
  parse: Parser<T>;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

const integer = (min: number, max: number): Parser<number> => (raw) => {
  if (!/^\d+$/.test(raw)) throw new Error(`expected a whole number between ${min} and ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`expected a whole number between ${min} and ${max}`);
  return n;
};

const text: Parser<string> = (raw) => raw;

const boolean: Parser<boolean> = (raw) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error('expected true or false');
};

const url = (protocols: string[]): Parser<string> => (raw) => {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`expected a URL (${protocols.join(', ')})`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new Error(`expected a URL with scheme ${protocols.join(' or ')}`);
  }
  return raw.replace(/\/$/, '');
};

const origins: Parser<string[]> = (raw) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((origin) => {
      if (origin === '*') return origin;
      const notAnOrigin = new Error(`"${origin}" is not an origin (scheme://host[:port])`);
      // URL's own "Invalid URL" would not say what is expected.
      const parsed = URL.parse(origin);
      if (!parsed || parsed.origin !== origin.replace(/\/$/, '')) throw notAnOrigin;
      return parsed.origin;
    });

const databaseUrl: Parser<string> = (raw) => {
  if (/^(postgres|postgresql):\/\//.test(raw)) return url(['postgres', 'postgresql'])(raw);
  if (/^sqlite:/.test(raw)) return raw;
  throw new Error('expected postgres://user@host/db or sqlite:path/to/file.db');
};

const logLevel: Parser<string> = (raw) => {
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(raw)) {
    throw new Error('expected one of fatal, error, warn, info, debug, trace, silent');
  }
  return raw;
};

const secret: Parser<string> = (raw) => {
  if (raw.length < 32) throw new Error('expected at least 32 characters of random text');
  return raw;
};

export const settings = {
  port: { env: 'PORT', help: 'HTTP port to listen on', default: 8080, parse: integer(0, 65535) },
  host: { env: 'HOST', help: 'Interface to bind', default: '0.0.0.0', parse: text },
  dataDir: { env: 'DATA_DIR', help: 'Directory for the SQLite database and generated files', default: './data', parse: text },
  databaseUrl: {
    env: 'DATABASE_URL',
    help: 'sqlite:PATH or postgres://user:pass@host:5432/db; default sqlite:DATA_DIR/colloquy.db',
    default: (env: NodeJS.ProcessEnv) => `sqlite:${join(env.DATA_DIR ?? './data', 'colloquy.db')}`,
    parse: databaseUrl,
  },
  redisUrl: {
    env: 'REDIS_URL',
    help: 'redis://host:6379 to run many nodes: live events and cache invalidation cross between them',
    default: null,
    parse: url(['redis', 'rediss']),
  },
  secret: {
    env: 'COLLOQUY_SECRET',
    help: 'At least 32 random characters; keys visitor hashes. Required in production; in development one is generated into DATA_DIR',
    default: null,
    parse: secret,
  },
  demoOrigins: {
    env: 'DEMO_ORIGINS',
    help: 'Comma-separated origins allowed to embed the "demo" site, or *; default http://localhost:PORT and http://127.0.0.1:PORT',
    default: (env: NodeJS.ProcessEnv) => [`http://localhost:${env.PORT ?? 8080}`, `http://127.0.0.1:${env.PORT ?? 8080}`],
    parse: origins,
  },
  rateLimits: { env: 'RATE_LIMITS', help: 'Flood limits on posting, voting and editing (429 with Retry-After); shared through Redis when REDIS_URL is set', default: true, parse: boolean },
  seedDemo: { env: 'SEED_DEMO', help: 'Create the "demo" site at start', default: true, parse: boolean },
  logLevel: { env: 'LOG_LEVEL', help: 'fatal, error, warn, info, debug, trace or silent', default: 'info', parse: logLevel },
  trustProxy: { env: 'TRUST_PROXY', help: 'Trust X-Forwarded-* headers from a reverse proxy', default: false, parse: boolean },
  bodyLimit: { env: 'BODY_LIMIT', help: 'Largest accepted request body in bytes', default: 64 * 1024, parse: integer(1024, 10 * 1024 * 1024) },
  cacheEntries: { env: 'CACHE_ENTRIES', help: 'Pre-serialised thread pages kept in memory', default: 5000, parse: integer(0, 1_000_000) },
} satisfies Record<string, Setting<unknown>>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') {
      values[key] = typeof setting.default === 'function' ? (setting.default as (e: NodeJS.ProcessEnv) => unknown)(env) : setting.default;
      continue;
    }
    try {
      values[key] = setting.parse(raw);
    } catch (error) {
      problems.push(`${setting.env}=${JSON.stringify(raw)}: ${(error as Error).message}`);
    }
  }
  const isProduction = env.NODE_ENV === 'production';
  if (values.secret === null && isProduction) problems.push('COLLOQUY_SECRET: required when NODE_ENV=production');
  if (problems.length) throw new ConfigError(problems);
  const config = { ...values, isProduction } as Config;
  if (config.secret === null) config.secret = developmentSecret(config.dataDir);
  return config;
}

// Zero-config start: a generated secret kept beside the database so that visitor
// identities survive restarts. Production must set COLLOQUY_SECRET instead.
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export function configHelp(): string {
  return Object.values(settings as Record<string, Setting<unknown>>)
    .map((s) => `${s.env.padEnd(16)} ${s.help}`)
    .join('\n');
}
