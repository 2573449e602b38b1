// Environment → typed, validated config. Every setting lives here once: its variable,
// default, parser and help text. README's configuration table lists the same entries.
import { createHmac, randomBytes } from 'node:crypto';
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
  /** The "demo" site, when created at start, asks guests for ALTCHA proof of work. */
  demoAltcha: boolean;
  /** The console may read articles from private and loopback addresses (intranets, local tests). */
  inlineFetchPrivate: boolean;
  logLevel: string;
  trustProxy: boolean;
  bodyLimit: number;
  cacheEntries: number;
  isProduction: boolean;
  sessionDays: number;
  magicLinkMinutes: number;
  ssoSecret: string | null;
  /** SSO_SECRET_<SITE> variables by the site id's variable form (see ssoSecretVariable). */
  ssoSiteSecrets: Record<string, string>;
  ssoMaxLifetime: number;
  jwksCooldown: number;
  stripeSecretKey: string | null;
  stripeWebhookSecret: string | null;
  stripeApiBase: string | null;
  stripeWebhookTolerance: number;
  supportAdminToken: string | null;
  /** Signs ALTCHA challenges; derived from `secret` unless ALTCHA_HMAC_KEY is set. */
  altchaHmacKey: string;
  perspectiveApiKey: string | null;
  perspectiveUrl: string | null;
  akismetApiKey: string | null;
  akismetBlogUrl: string | null;
  akismetUrl: string | null;
  classifierUrl: string | null;
  classifierToken: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
  outboxLeaseSeconds: number;
  outboxRetrySeconds: number;
  /** The first console admin, created at start if no staff user has this e-mail. */
  adminEmail: string | null;
  adminPassword: string | null;
  adminSessionHours: number;
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

// One sender, as an address or "Name <address>", with nothing a header could be split on.
const mailFrom: Parser<string> = (raw) => {
  const address = /<([^<>\s]+)>\s*$/.exec(raw)?.[1] ?? raw.trim();
  if (/[\r\n]/.test(raw) || !/^[^\s@<>]+@[^\s@<>]+$/.test(address)) throw new Error('expected an e-mail address or "Name <address>"');
  return raw.trim();
};

const secret: Parser<string> = (raw) => {
  if (raw.length < 32) throw new Error('expected at least 32 characters of random text');
  return raw;
};

const adminEmail: Parser<string> = (raw) => {
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(raw.trim())) throw new Error('expected an e-mail address');
  return raw.trim().toLowerCase();
};

const adminPassword: Parser<string> = (raw) => {
  if ([...raw].length < 12) throw new Error('expected at least 12 characters');
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
  demoAltcha: { env: 'DEMO_ALTCHA', help: 'The "demo" site, when SEED_DEMO creates it, asks guests for ALTCHA proof of work (its bots.altcha setting); false for test servers posting without the widget', default: true, parse: boolean },
  inlineFetchPrivate: { env: 'INLINE_FETCH_PRIVATE', help: 'Let the console read articles (to place inline questions) from loopback, private and link-local addresses; off, only public addresses are fetched (SSRF guard)', default: false, parse: boolean },
  logLevel: { env: 'LOG_LEVEL', help: 'fatal, error, warn, info, debug, trace or silent', default: 'info', parse: logLevel },
  trustProxy: { env: 'TRUST_PROXY', help: 'Trust X-Forwarded-* headers from a reverse proxy', default: false, parse: boolean },
  bodyLimit: { env: 'BODY_LIMIT', help: 'Largest accepted request body in bytes', default: 64 * 1024, parse: integer(1024, 10 * 1024 * 1024) },
  cacheEntries: { env: 'CACHE_ENTRIES', help: 'Pre-serialised thread pages kept in memory', default: 5000, parse: integer(0, 1_000_000) },
  smtpUrl: {
    env: 'SMTP_URL',
    help: 'smtp://user:pass@host:587 or smtps://…:465 for outgoing e-mail; unset: e-mail goes to the development mailbox (logged, and at /api/v1/dev/mailbox outside production)',
    default: null,
    parse: url(['smtp', 'smtps']),
  },
  mailFrom: { env: 'MAIL_FROM', help: 'Sender of e-mail, "Name <address>" or an address; notifications show the site\'s name with this address', default: 'Colloquy <colloquy@localhost>', parse: mailFrom },
  publicUrl: {
    env: 'PUBLIC_URL',
    help: 'The URL readers reach this server at, for confirm and unsubscribe links in e-mail; default http://localhost:PORT',
    default: (env: NodeJS.ProcessEnv) => `http://localhost:${env.PORT ?? 8080}`,
    parse: url(['http', 'https']),
  },
  outboxLeaseSeconds: { env: 'OUTBOX_LEASE_SECONDS', help: 'How long a node holds an outbox row it is sending; after a crash another node retries it then', default: 120, parse: integer(2, 3600) },
  outboxRetrySeconds: { env: 'OUTBOX_RETRY_SECONDS', help: 'Delay before the first retry of a failed e-mail or webhook; doubles with each attempt (up to 6 h, 12 attempts)', default: 30, parse: integer(1, 86_400) },
  stripeSecretKey: { env: 'STRIPE_SECRET_KEY', help: 'Stripe secret key (sk_live_… or sk_test_…) for card donations through Stripe Checkout; unset: no card option', default: null, parse: text },
  stripeWebhookSecret: { env: 'STRIPE_WEBHOOK_SECRET', help: 'Signing secret (whsec_…) of the Stripe webhook endpoint /api/v1/support/stripe/webhook', default: null, parse: text },
  stripeApiBase: { env: 'STRIPE_API_BASE', help: 'Base URL of the Stripe API, for tests and proxies; default Stripe itself', default: null, parse: url(['http', 'https']) },
  stripeWebhookTolerance: { env: 'STRIPE_WEBHOOK_TOLERANCE', help: 'Seconds a signed Stripe webhook stays acceptable (replay protection)', default: 300, parse: integer(1, 86_400) },
  supportAdminToken: { env: 'SUPPORT_ADMIN_TOKEN', help: 'Bearer token for scripts calling /api/v1/admin/support (the console uses staff sessions); unset: only staff sessions', default: null, parse: text },
  sessionDays: { env: 'SESSION_DAYS', help: "Days a reader's sign-in (bearer token) lasts before they sign in again", default: 30, parse: integer(1, 365) },
  magicLinkMinutes: { env: 'MAGIC_LINK_MINUTES', help: 'Minutes an e-mailed sign-in link stays valid (it works once)', default: 15, parse: integer(1, 24 * 60) },
  ssoSecret: {
    env: 'SSO_SECRET',
    help: "Shared secret (32+ characters) for publishers' HS256 SSO tokens, the site named in `aud`; SSO_SECRET_<SITE> (site id upper-cased, other characters as _) sets one site's own",
    default: null,
    parse: secret,
  },
  ssoMaxLifetime: { env: 'SSO_MAX_LIFETIME', help: 'Longest accepted lifetime (exp − iat) of an SSO token, in seconds', default: 600, parse: integer(10, 86_400) },
  jwksCooldown: { env: 'SSO_JWKS_COOLDOWN', help: 'Least seconds between fetches of a JWKS URL for an unknown key id (key rotation)', default: 30, parse: integer(0, 3600) },
  altchaHmacKey: { env: 'ALTCHA_HMAC_KEY', help: "HMAC key (32+ characters) signing the ALTCHA proof-of-work challenges guests solve; default derived from COLLOQUY_SECRET", default: null, parse: secret },
  perspectiveApiKey: { env: 'PERSPECTIVE_API_KEY', help: 'Perspective API key; sites can then enable the Perspective classifier (TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, THREAT, INSULT)', default: null, parse: text },
  perspectiveUrl: { env: 'PERSPECTIVE_URL', help: 'Base URL of the Perspective API (tests, proxies); default https://commentanalyzer.googleapis.com/v1alpha1', default: null, parse: url(['http', 'https']) },
  akismetApiKey: { env: 'AKISMET_API_KEY', help: 'Akismet API key; with AKISMET_BLOG_URL, sites can enable the Akismet spam check', default: null, parse: text },
  akismetBlogUrl: { env: 'AKISMET_BLOG_URL', help: "The site registered with the Akismet key (Akismet's `blog` parameter)", default: null, parse: url(['http', 'https']) },
  akismetUrl: { env: 'AKISMET_URL', help: 'Base URL of the Akismet API (tests, proxies); default https://rest.akismet.com/1.1', default: null, parse: url(['http', 'https']) },
  classifierUrl: { env: 'CLASSIFIER_URL', help: 'URL of a self-hosted HTTP classifier (JSON; see docs/MODERATION.md); sites can then enable it', default: null, parse: url(['http', 'https']) },
  classifierToken: { env: 'CLASSIFIER_TOKEN', help: 'Bearer token sent to CLASSIFIER_URL', default: null, parse: text },
  adminEmail: { env: 'ADMIN_EMAIL', help: 'E-mail of the first console admin (global), created at start with ADMIN_PASSWORD if no staff user has it; never overwritten', default: null, parse: adminEmail },
  adminPassword: { env: 'ADMIN_PASSWORD', help: 'Password (12+ characters) of the ADMIN_EMAIL admin when it is created; change it in the console afterwards', default: null, parse: adminPassword },
  adminSessionHours: { env: 'ADMIN_SESSION_HOURS', help: 'Hours a console sign-in lasts', default: 12, parse: integer(1, 24 * 30) },
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
  values.ssoSiteSecrets = ssoSiteSecrets(env, problems);
  const isProduction = env.NODE_ENV === 'production';
  if (values.secret === null && isProduction) problems.push('COLLOQUY_SECRET: required when NODE_ENV=production');
  // Links in e-mail would point at localhost.
  if (isProduction && values.smtpUrl && !env.PUBLIC_URL) problems.push('PUBLIC_URL: required with SMTP_URL when NODE_ENV=production (the links in e-mail)');
  if ((values.adminEmail === null) !== (values.adminPassword === null) && !problems.some((p) => p.startsWith('ADMIN_'))) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both, or neither');
  }
  if (problems.length) throw new ConfigError(problems);
  const config = { ...values, isProduction } as Config;
  if (config.secret === null) config.secret = developmentSecret(config.dataDir);
  if (config.altchaHmacKey === null) config.altchaHmacKey = createHmac('sha256', config.secret).update('colloquy altcha hmac key').digest('base64url');
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

/** The variable holding one site's SSO secret: SSO_SECRET_ and the site id upper-cased, other characters as _. */
export function ssoSecretVariable(siteId: string): string {
  return `SSO_SECRET_${siteId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

// Per-site secrets have open-ended names, so they are gathered here rather than in `settings`.
function ssoSiteSecrets(env: NodeJS.ProcessEnv, problems: string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('SSO_SECRET_') || !raw) continue;
    try {
      found[name] = secret(raw);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return found;
}

export function configHelp(): string {
  return Object.values(settings as Record<string, Setting<unknown>>)
    .map((s) => `${s.env.padEnd(16)} ${s.help}`)
    .join('\n');
}
