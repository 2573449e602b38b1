// Fuzzes every write route with bad input and holds the server to the house rule: a clear 4xx
// with { error: { code, message, field? } }, never a 5xx or a stack trace, and a rejected
// request changes nothing. Requests go out as raw bytes over TCP (see raw-http.ts), so
// invalid UTF-8 and broken framing reach the server exactly as written.
//
// Data-driven: ROUTES lists the write routes with a valid request each; GENERATORS turn a
// route into cases. A new write route is one entry in ROUTES.
//
// The seeded part is reproducible: FUZZ_SEED=<n> picks the seed (printed with every failure),
// FUZZ_CASES=<n> how many random cases to run.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ENGINES, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { createSiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';
import { encodeRequest, sendRaw, utf8Header, type RawRequest, type RawResult } from './raw-http.ts';
import { startStripeFake, stripeEnv, type StripeFake } from '../helpers/stripe-fake.ts';
import { signHs, SSO_SECRET } from '../../src/identity/test-kit.ts';
import { issueToken } from '../../src/identity/tokens.ts';
import { insertOutbox } from '../../src/notify/outbox-store.ts';
import { staffClient } from '../helpers/admin.ts';
import { SETTINGS_BODY_LIMIT } from '../../src/moderation/admin/site-routes.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SITE = 'demo';
/** New campaigns go to a site of their own: one made active would end the demo campaign that checkout uses. */
const CAMPAIGN_SITE = 'fuzz-campaigns';
/** Settings are fuzzed on a site of their own: a valid mutation (a one-second edit window, premoderation) must not break the other routes' fixtures. */
const SETTINGS_SITE = 'fuzz-settings';
const SETTINGS_PATH = `/api/v1/admin/sites/${SETTINGS_SITE}/settings`;
const SEED = Number(process.env.FUZZ_SEED ?? 0xc0110 /* any fixed number: runs are reproducible */);
const RANDOM_CASES = Number(process.env.FUZZ_CASES ?? 200);
// SQLite by default; FUZZ_ENGINES=sqlite,postgres runs the whole fuzzer on each.
const ENGINE_NAMES = (process.env.FUZZ_ENGINES ?? 'sqlite').split(',');
// FUZZ_ROUTES=<text> fuzzes only the routes whose name contains it (while working on one).
const ROUTE_FILTER = process.env.FUZZ_ROUTES ?? '';

// Browser identities (16 to 128 base64url characters), one for authors and one for voters.
const AUTHOR = 'fuzz-author-0000000001';
const VOTER = 'fuzz-voter-00000000001';
const BYSTANDER = 'fuzz-bystander-000001';
// The support console's bearer token; the support routes reach Stripe through a local fake.
const SUPPORT_ADMIN_TOKEN = 'fuzz-support-admin-token-01';
let stripe: StripeFake;

/** A fresh comment on a fresh page, made before each case: what the case aims at. */
interface Fixture {
  page: string;
  id: string;
  editToken: string;
  /** Filled by a route's prepare(): a signed-in reader's bearer token, a sign-in link's token, a publisher's JWT. */
  bearer?: string;
  linkToken?: string;
  ssoToken?: string;
  /** An unsubscribe link's token for a fresh subscriber. */
  unsubscribeToken?: string;
  /** The site settings' current version, which a save must carry. */
  settingsVersion?: number;
}

// ---------------------------------------------------------------------------------------------
// The routes under test.

interface WriteRoute {
  name: string;
  method: string;
  path(f: Fixture): string;
  /** A valid JSON body; absent for routes that take none. */
  body?(f: Fixture): JsonObject;
  /** Headers a legitimate caller sends. */
  headers(f: Fixture): Record<string, string>;
  /** Status of the valid request. */
  ok: number;
  /** Body fields the schema requires, as dotted paths: removing one must be a 400 naming it. */
  required?: string[];
  /**
   * What proves the right to act: a bad X-Edit-Token must be a 403, a missing visitor a 400, a
   * bad bearer token a 401; console: a staff session cookie (401) with its CSRF token (403),
   * from this server's own pages only (a publisher's Origin is refused), visitor header ignored.
   */
  auth: 'edit-token' | 'visitor' | 'bearer' | 'console' | 'none';
  /** Makes what this route's valid request needs beyond the fixture comment (a fresh account, a link). */
  prepare?(f: Fixture): Promise<void>;
  /** The error code of a well-formed unknown id in the path; default comment_not_found. */
  notFound?: string;
  /** Fields the injection case would add that are this route's own, validated ones (a campaign's status). */
  ownFields?: string[];
  /** Objects at and under this path refuse unknown keys (a 400 naming the key) rather than drop them. */
  strictUnder?: string;
  /** The route's own body limit, when it is not BODY_LIMIT. */
  bodyLimit?: number;
}

let subjects = 0;

/** A fresh publisher JWT for a user of the demo site, as the host page would pass it. */
async function prepareSso(f: Fixture): Promise<void> {
  const sub = `fuzz-user-${++subjects}`;
  f.ssoToken = await signHs({ sub, name: 'Fuzz Account', email: `${sub}@readers.example`, aud: SITE });
}

/** A fresh signed-in reader, by SSO. */
async function prepareAccount(f: Fixture): Promise<void> {
  await prepareSso(f);
  const res = await api('POST', '/api/v1/auth/sso', { site: SITE, token: f.ssoToken });
  assert.equal(res.status, 200, `could not sign a fixture in: ${JSON.stringify(res.body)}`);
  f.bearer = res.body.token;
}

/** A fresh unused sign-in link, stored as the magic-link route stores one. */
async function prepareLink(f: Fixture): Promise<void> {
  const at = Date.now();
  const { id, token, hash } = issueToken(at);
  const email = `fuzz-link-${++subjects}@readers.example`;
  await server.app.database.db
    .insertInto('magic_links')
    .values({ id, site_id: SITE, email, email_lower: email, name: null, token_hash: hash, created_at: at, expires_at: at + 600_000, used_at: null })
    .execute();
  f.linkToken = token;
}

/** A fresh confirmed subscriber and the token of their "stop all e-mail" link. */
async function prepareSubscriber(f: Fixture): Promise<void> {
  const { subscriptions } = server.app.notify;
  const email = `fuzz-subscriber-${++subjects}@readers.example`;
  const site = { id: SITE, name: 'Fuzz', origins: [], settings: {} as never };
  await subscriptions.subscribe(server.app.database.db, { site, page: f.page, email, kinds: ['thread', 'replies'], mode: 'immediate', chain: false, verified: true });
  const recipient = await server.app.database.db.selectFrom('notify_recipients').select('id').where('email_lower', '=', email).executeTakeFirstOrThrow();
  f.unsubscribeToken = new URL(subscriptions.unsubscribeUrl(recipient.id, 'all')).searchParams.get('token')!;
}

/** A fresh signed-in reader subscribed to the fixture's thread; f.id becomes the subscription's id. */
async function prepareSubscribedAccount(f: Fixture): Promise<void> {
  await prepareAccount(f);
  const made = await api('POST', '/api/v1/subscriptions', { site: SITE, page: f.page, kind: 'thread' }, { Authorization: `Bearer ${f.bearer}` });
  assert.equal(made.status, 201, `could not subscribe a fixture: ${JSON.stringify(made.body)}`);
  const listed = await api('GET', '/api/v1/me/subscriptions', undefined, { Authorization: `Bearer ${f.bearer}` });
  f.id = listed.body.subscriptions[0].id;
}

const bearerHeaders = (f: Fixture) => ({ Authorization: `Bearer ${f.bearer}`, 'X-Colloquy-Visitor': VOTER });

/** A global admin's console session (cookie and CSRF token), made when the server starts. */
let consoleSession: { cookie: string; csrf: string };
const consoleHeaders = () => ({ Cookie: consoleSession.cookie, 'X-CSRF-Token': consoleSession.csrf, 'X-Colloquy-Visitor': VOTER });

/**
 * A fresh webhook endpoint of the site, as the path's id: switched off, and for approvals,
 * which no fuzzed route makes, so the thousands of cases queue no deliveries.
 */
async function prepareWebhook(f: Fixture): Promise<void> {
  const { webhooks } = server.app.notify;
  f.id = (await webhooks.add(SITE, 'https://127.0.0.1:9/fuzz', ['comment.approved'])).id;
  await webhooks.setActive(f.id, false);
}

/** A fresh outbox row given up on, as the path's id. */
async function prepareFailedOutbox(f: Fixture): Promise<void> {
  const key = `fuzz-failed-${++subjects}`;
  await insertOutbox(server.app.database.db, { kind: 'email', dedupeKey: key, payload: { to: 'gone@example.com', subject: 'Fuzz' }, notBefore: Date.now() + 86_400_000 });
  const row = (await server.app.notify.outbox.byKey(key))!;
  await server.app.database.db.updateTable('outbox').set({ failed_at: Date.now() }).where('id', '=', row.id).execute();
  f.id = row.id;
}
/** An editor question placed through the console: a fresh one on the fixture's page, whose id the route's path takes. */
const QUESTION_ANCHOR = { quote: { exact: 'a park with a community garden', prefix: 'the site will become ', suffix: ', a skate area and a path' }, position: { start: 120, end: 150 }, textHash: '0a1b2c3d4e5f60' };
async function prepareQuestion(f: Fixture): Promise<void> {
  const res = await api('POST', '/api/v1/admin/inline/questions', { site: SITE, page: f.page, url: 'https://publisher.example/articles/fuzz', question: 'Fuzz question?', anchor: QUESTION_ANCHOR }, consoleHeaders());
  assert.equal(res.status, 201, `could not place a fixture question: ${JSON.stringify(res.body)}`);
  f.id = res.body.question.id;
}

/** The settings' version as it is now: every accepted save bumps it, and a stale one is a 409. */
async function prepareSettingsVersion(f: Fixture): Promise<void> {
  const res = await api('GET', SETTINGS_PATH, undefined, consoleHeaders());
  assert.equal(res.status, 200, `could not read the settings: ${JSON.stringify(res.body)}`);
  f.settingsVersion = res.body.version;
}

/** What the console's routes share: its session. */
const CONSOLE = { headers: consoleHeaders, auth: 'console' } satisfies Partial<WriteRoute>;
const QUESTION_BY_ID = { ...CONSOLE, notFound: 'question_not_found', prepare: prepareQuestion } satisfies Partial<WriteRoute>;

const ROUTES: WriteRoute[] = [
  {
    name: 'POST /api/v1/comments',
    method: 'POST',
    path: () => '/api/v1/comments',
    body: (f) => ({
      site: SITE,
      page: f.page,
      url: 'https://publisher.example/articles/fuzz',
      title: 'Fuzzed article',
      parentId: f.id,
      author: { name: 'Fuzz Reader', email: 'reader@example.com' },
      body: 'A *valid* reply with a [link](https://example.com).',
    }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 201,
    required: ['site', 'page', 'author', 'author.name', 'body'],
    auth: 'none',
  },
  {
    // Inline feedback: a top-level comment about a passage (src/inline/validate.ts).
    name: 'POST /api/v1/comments with a passage anchor',
    method: 'POST',
    path: () => '/api/v1/comments',
    body: (f) => ({
      site: SITE,
      page: f.page,
      author: { name: 'Fuzz Reader' },
      body: 'About *this* passage.',
      anchor: {
        quote: { exact: 'a park with a community garden', prefix: 'the site will become ', suffix: ', a skate area and a path' },
        position: { start: 120, end: 150 },
        feedbackId: 'garden-question',
        textHash: '0a1b2c3d4e5f60',
      },
    }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 201,
    required: ['site', 'page', 'author', 'author.name', 'body', 'anchor.quote', 'anchor.quote.exact', 'anchor.quote.prefix', 'anchor.quote.suffix', 'anchor.position', 'anchor.position.start', 'anchor.position.end'],
    auth: 'none',
  },
  {
    name: 'PATCH /api/v1/comments/:id',
    method: 'PATCH',
    path: (f) => `/api/v1/comments/${f.id}`,
    body: () => ({ body: 'Edited **text**' }),
    headers: (f) => ({ 'X-Edit-Token': f.editToken, 'X-Colloquy-Visitor': AUTHOR }),
    ok: 200,
    required: ['body'],
    auth: 'edit-token',
  },
  {
    name: 'DELETE /api/v1/comments/:id',
    method: 'DELETE',
    path: (f) => `/api/v1/comments/${f.id}`,
    headers: (f) => ({ 'X-Edit-Token': f.editToken, 'X-Colloquy-Visitor': AUTHOR }),
    ok: 200,
    auth: 'edit-token',
  },
  {
    name: 'PUT /api/v1/comments/:id/vote',
    method: 'PUT',
    path: (f) => `/api/v1/comments/${f.id}/vote`,
    body: () => ({ value: 1 }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['value'],
    auth: 'visitor',
  },
  {
    name: 'POST /api/v1/comments/:id/report',
    method: 'POST',
    path: (f) => `/api/v1/comments/${f.id}/report`,
    body: () => ({ reason: 'abuse', note: 'Name-calling in the second paragraph' }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 201,
    required: ['reason'],
    auth: 'visitor',
  },
  {
    name: 'POST /api/v1/auth/magic-link',
    method: 'POST',
    path: () => '/api/v1/auth/magic-link',
    body: () => ({ site: SITE, email: 'fuzz.reader@example.com', returnUrl: 'https://publisher.example/articles/fuzz', name: 'Fuzz Reader' }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 202,
    required: ['site', 'email'],
    auth: 'none',
  },
  {
    name: 'POST /api/v1/auth/verify',
    method: 'POST',
    path: () => '/api/v1/auth/verify',
    body: (f) => ({ token: f.linkToken ?? 'sample-token' }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['token'],
    auth: 'none',
    prepare: prepareLink,
  },
  {
    name: 'POST /api/v1/auth/sso',
    method: 'POST',
    path: () => '/api/v1/auth/sso',
    body: (f) => ({ site: SITE, token: f.ssoToken ?? 'sample-token' }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['site', 'token'],
    auth: 'none',
    prepare: prepareSso,
  },
  {
    name: 'POST /api/v1/subscriptions',
    method: 'POST',
    path: () => '/api/v1/subscriptions',
    body: (f) => ({ site: SITE, page: f.page, email: 'fuzz.subscriber@example.com', kind: 'both', mode: 'digest', chain: true }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 202,
    required: ['site', 'page', 'kind'],
    auth: 'none',
  },
  {
    name: 'POST /api/v1/subscriptions/unsubscribe',
    method: 'POST',
    path: (f) => `/api/v1/subscriptions/unsubscribe?token=${encodeURIComponent(f.unsubscribeToken ?? 'sample-token')}`,
    headers: () => ({ Accept: 'application/json' }),
    ok: 200,
    auth: 'none',
    prepare: prepareSubscriber,
  },
  {
    name: 'PATCH /api/v1/me/profile',
    method: 'PATCH',
    path: () => '/api/v1/me/profile',
    body: () => ({ name: 'Fuzz Renamed', avatar: 'gravatar' }),
    headers: bearerHeaders,
    ok: 200,
    auth: 'bearer',
    prepare: prepareAccount,
  },
  {
    name: 'DELETE /api/v1/me',
    method: 'DELETE',
    path: () => '/api/v1/me',
    headers: bearerHeaders,
    ok: 200,
    auth: 'bearer',
    prepare: prepareAccount,
  },
  {
    name: 'DELETE /api/v1/me/subscriptions/:id',
    method: 'DELETE',
    path: (f) => `/api/v1/me/subscriptions/${f.id}`,
    headers: bearerHeaders,
    ok: 200,
    auth: 'bearer',
    prepare: prepareSubscribedAccount,
    notFound: 'subscription_not_found',
  },
  {
    name: 'DELETE /api/v1/auth/session',
    method: 'DELETE',
    path: () => '/api/v1/auth/session',
    headers: bearerHeaders,
    ok: 200,
    auth: 'bearer',
    prepare: prepareAccount,
  },
  {
    name: 'DELETE /api/v1/auth/sessions',
    method: 'DELETE',
    path: () => '/api/v1/auth/sessions',
    headers: bearerHeaders,
    ok: 200,
    auth: 'bearer',
    prepare: prepareAccount,
  },
  {
    name: 'POST /api/v1/support/checkout',
    method: 'POST',
    path: () => '/api/v1/support/checkout',
    body: () => ({
      site: SITE,
      campaign: 'demo-fundraiser',
      amount: 2500,
      currency: 'USD',
      interval: 'once',
      name: 'Fuzz Donor',
      anonymous: false,
      email: 'donor@example.com',
      returnUrl: 'https://publisher.example/articles/fuzz',
    }),
    headers: () => ({ 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['site', 'campaign', 'amount', 'currency', 'interval'],
    auth: 'none',
  },
  {
    name: 'POST /api/v1/admin/support/campaigns/:id/entries',
    method: 'POST',
    path: () => '/api/v1/admin/support/campaigns/demo-fundraiser/entries',
    body: () => ({ amount: 2500, currency: 'USD', method: 'bank_transfer', donorName: 'Fuzz Donor', anonymous: false, email: 'donor@example.com', note: 'Fuzzed transfer', occurredAt: '2025-01-02T03:04:05Z' }),
    headers: () => ({ Authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}`, 'X-Colloquy-Visitor': VOTER }),
    ok: 201,
    required: ['amount', 'currency', 'method', 'note'],
    auth: 'none',
  },
  {
    name: 'POST /api/v1/admin/support/campaigns',
    method: 'POST',
    path: () => '/api/v1/admin/support/campaigns',
    // Nullable fields (donorGoal, ticks, endsAt) and status stay out: this fuzzer takes null, or
    // an injected "status", for a wrong value. src/support/admin.test.ts covers them.
    body: () => ({ site: CAMPAIGN_SITE, title: 'Fuzz drive', currency: 'EUR', goal: 300_000, thankYou: 'Thanks', startsAt: '2025-01-01T00:00:00Z', exclusive: false }),
    headers: () => ({ Authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}`, 'X-Colloquy-Visitor': VOTER }),
    ok: 201,
    required: ['site', 'title', 'currency', 'goal'],
    auth: 'none',
    ownFields: ['status'],
  },
  {
    name: 'PATCH /api/v1/admin/support/campaigns/:id',
    method: 'PATCH',
    path: () => '/api/v1/admin/support/campaigns/demo-fundraiser',
    body: () => ({ thankYou: 'Thank you, from the fuzzer', goal: 600_000, exclusive: false }),
    headers: () => ({ Authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}`, 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    auth: 'none',
    ownFields: ['status'],
  },
  {
    name: 'POST /api/v1/admin/support/preview',
    method: 'POST',
    path: () => '/api/v1/admin/support/preview',
    body: () => ({ site: CAMPAIGN_SITE, title: 'Previewed drive', currency: 'USD', goal: 250_000 }),
    headers: () => ({ Authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}`, 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['site', 'title', 'currency', 'goal'],
    auth: 'none',
    ownFields: ['status'],
  },
  {
    name: 'POST /api/v1/admin/inline/questions',
    method: 'POST',
    path: () => '/api/v1/admin/inline/questions',
    body: (f) => ({ site: SITE, page: f.page, url: 'https://publisher.example/articles/fuzz', question: 'Who should pay for the *upkeep*?', anchor: structuredClone(QUESTION_ANCHOR) }),
    ok: 201,
    required: ['site', 'page', 'url', 'question', 'anchor', 'anchor.quote', 'anchor.quote.exact', 'anchor.quote.prefix', 'anchor.quote.suffix', 'anchor.position', 'anchor.position.start', 'anchor.position.end'],
    ...CONSOLE,
  },
  {
    name: 'PATCH /api/v1/admin/inline/questions/:id',
    method: 'PATCH',
    path: (f) => `/api/v1/admin/inline/questions/${f.id}`,
    body: () => ({ question: 'Who should pay, and how much?', url: 'https://publisher.example/articles/fuzz-moved', anchor: structuredClone(QUESTION_ANCHOR) }),
    ok: 200,
    ...QUESTION_BY_ID,
  },
  {
    name: 'DELETE /api/v1/admin/inline/questions/:id',
    method: 'DELETE',
    path: (f) => `/api/v1/admin/inline/questions/${f.id}`,
    ok: 200,
    ...QUESTION_BY_ID,
  },
  {
    name: 'PUT /api/v1/admin/support/settings',
    method: 'PUT',
    path: () => `/api/v1/admin/support/settings?site=${SITE}`,
    body: () => ({ text: 'Support us', amounts: { once: [1000, 2500], month: [500] }, card: true, links: [{ label: 'Ko-fi', url: 'https://ko-fi.com/fuzz' }], crypto: [{ label: 'Bitcoin', address: 'bc1qfuzz' }] }),
    headers: () => ({ Authorization: `Bearer ${SUPPORT_ADMIN_TOKEN}`, 'X-Colloquy-Visitor': VOTER }),
    ok: 200,
    required: ['text', 'amounts', 'amounts.once', 'amounts.month', 'card', 'links', 'crypto'],
    auth: 'none',
  },
  {
    name: 'PUT /api/v1/admin/sites/:site/settings',
    method: 'PUT',
    path: () => SETTINGS_PATH,
    // Nullable settings (thresholds, autoCloseDays, inline.root) stay out: this fuzzer takes
    // null for a wrong value. src/moderation/admin tests cover them.
    body: (f) => ({
      version: f.settingsVersion ?? 0,
      settings: {
        maxDepth: 4,
        theme: 'dark',
        inline: { attraction: 'pulse', readerSelection: true },
        moderation: {
          premoderation: { mode: 'first', firstCount: 2 },
          terms: { suspect: ['fuzzword', { term: 'fuzzstem', match: 'stem' }] },
          links: { max: 2, allow: ['example.org'] },
          reports: { threshold: 4 },
        },
      },
    }),
    ok: 200,
    required: ['version', 'settings'],
    strictUnder: 'settings',
    bodyLimit: SETTINGS_BODY_LIMIT,
    prepare: prepareSettingsVersion,
    ...CONSOLE,
  },
  {
    name: 'POST /api/v1/admin/comments/:id/moderate',
    method: 'POST',
    path: (f) => `/api/v1/admin/comments/${f.id}/moderate`,
    // hold: the fixture comment (approved) goes back to pending.
    body: () => ({ action: 'hold' }),
    headers: consoleHeaders,
    ok: 200,
    required: ['action'],
    auth: 'console',
  },
  {
    name: 'POST /api/v1/admin/comments/bulk',
    method: 'POST',
    path: () => '/api/v1/admin/comments/bulk',
    body: (f) => ({ site: SITE, ids: [f.id], action: 'hold' }),
    headers: consoleHeaders,
    ok: 200,
    required: ['site', 'ids', 'action'],
    auth: 'console',
  },
  {
    name: 'PUT /api/v1/admin/me/alerts/:site',
    method: 'PUT',
    path: () => `/api/v1/admin/me/alerts/${SITE}`,
    body: () => ({ pending: true, reports: false, mode: 'hourly' }),
    headers: consoleHeaders,
    ok: 200,
    required: ['pending', 'reports', 'mode'],
    auth: 'console',
  },
  {
    name: 'POST /api/v1/admin/webhooks',
    method: 'POST',
    path: () => '/api/v1/admin/webhooks',
    body: () => ({ site: SITE, url: 'https://127.0.0.1:9/fuzz-new', events: ['comment.approved'] }),
    headers: consoleHeaders,
    ok: 201,
    required: ['site', 'url', 'events'],
    auth: 'console',
  },
  {
    name: 'PATCH /api/v1/admin/webhooks/:id',
    method: 'PATCH',
    path: (f) => `/api/v1/admin/webhooks/${f.id}`,
    body: () => ({ url: 'https://127.0.0.1:9/fuzz-changed', events: ['comment.approved'], active: false }),
    headers: consoleHeaders,
    ok: 200,
    auth: 'console',
    prepare: prepareWebhook,
    notFound: 'endpoint_not_found',
  },
  ...(['secret', 'test'] as const).map((action): WriteRoute => ({
    name: `POST /api/v1/admin/webhooks/:id/${action}`,
    method: 'POST',
    path: (f) => `/api/v1/admin/webhooks/${f.id}/${action}`,
    headers: consoleHeaders,
    ok: action === 'test' ? 202 : 200,
    auth: 'console',
    prepare: prepareWebhook,
    notFound: 'endpoint_not_found',
  })),
  {
    name: 'DELETE /api/v1/admin/webhooks/:id',
    method: 'DELETE',
    path: (f) => `/api/v1/admin/webhooks/${f.id}`,
    headers: consoleHeaders,
    ok: 204,
    auth: 'console',
    prepare: prepareWebhook,
    notFound: 'endpoint_not_found',
  },
  {
    name: 'POST /api/v1/admin/outbox/:id/retry',
    method: 'POST',
    path: (f) => `/api/v1/admin/outbox/${f.id}/retry`,
    headers: consoleHeaders,
    ok: 200,
    auth: 'console',
    prepare: prepareFailedOutbox,
    notFound: 'outbox_item_not_found',
  },
];

// ---------------------------------------------------------------------------------------------
// Cases and what they expect beyond the invariants every response must meet.

interface Expect {
  /** Exact status, or one of several. */
  status?: number | number[];
  /** Any 4xx. */
  reject?: boolean;
  code?: string;
  /** error.field must name this. */
  field?: string;
  /** The request is cut off mid-body: the client half-closes, and the server may hang up without answering. */
  cutOff?: boolean;
  /** Node's HTTP parser itself answers with an empty body, before any app code (no Host). */
  bare?: boolean;
  /** More than one request on the connection: the answer may be to the second, so a 4xx does not mean nothing happened. */
  pipelined?: boolean;
  /** Text that must appear neither in the response nor in what was stored. */
  absent?: string[];
}

interface Case {
  name: string;
  route: WriteRoute;
  /** The request as parts, or the exact bytes to send. */
  build(f: Fixture): RawRequest | Buffer;
  expect?: Expect;
}

type Generator = (route: WriteRoute) => Case[];

interface Override {
  body?: string | Buffer;
  /** null leaves the Content-Type out. */
  contentType?: string | null;
  /** Header changes; null removes a header the route would send. */
  headers?: Record<string, string | null>;
  /** Headers added as they are, after the others (to send one twice). */
  append?: Array<[string, string]>;
  path?: string;
}

/** The route's valid request with some parts replaced. */
function request(route: WriteRoute, f: Fixture, override: Override = {}): RawRequest {
  const headers: Record<string, string> = { ...route.headers(f) };
  for (const [name, value] of Object.entries(override.headers ?? {})) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing) delete headers[existing];
    if (value !== null) headers[name] = value;
  }
  const body = 'body' in override ? override.body : route.body ? JSON.stringify(route.body(f)) : undefined;
  const contentType = override.contentType === undefined ? 'application/json' : override.contentType;
  const list = [...Object.entries(headers), ...(override.append ?? [])];
  if (body !== undefined && contentType !== null) list.push(['Content-Type', contentType]);
  return { method: route.method, path: override.path ?? route.path(f), headers: list, body };
}

/** The valid body, or {} for routes without one (JSON sent to them is still parsed). */
const baseBody = (route: WriteRoute, f: Fixture): JsonObject => route.body?.(f) ?? {};

const REJECT: Expect = { reject: true };
const bodyRejects = (route: WriteRoute, expect: Expect = REJECT): Expect | undefined => (route.body ? expect : undefined);

// ---------------------------------------------------------------------------------------------
// JSON tree helpers.

/** Every property below the root, objects included, as a path and its value. */
function nodesOf(value: Json, path: string[] = []): Array<{ path: string[]; value: Json }> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [{ path: [...path, key], value: child }, ...nodesOf(child, [...path, key])]);
}

function setAt(root: JsonObject, path: string[], value: Json | undefined): JsonObject {
  const copy = structuredClone(root);
  let node: JsonObject = copy;
  for (const key of path.slice(0, -1)) node = node[key] as JsonObject;
  if (value === undefined) delete node[path.at(-1)!];
  else Object.defineProperty(node, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The body serialised with `raw` (any text, valid JSON or not) in place of the node at `path`. */
function spliceRaw(root: JsonObject, path: string[], raw: string): string {
  const marker = '\u0001SPLICE\u0001';
  return JSON.stringify(setAt(root, path, marker)).replace(JSON.stringify(marker), raw);
}

const jsonType = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const dotted = (path: string[]) => path.join('.');

// ---------------------------------------------------------------------------------------------
// Generators.

const malformedJson: Generator = (route) => {
  const valid = (f: Fixture) => JSON.stringify(baseBody(route, f));
  // Not JSON at all: every route parses a JSON body it is sent, so every route refuses these.
  const broken: Array<[string, (f: Fixture) => string | Buffer]> = [
    ['truncated', (f) => valid(f).slice(0, Math.floor(valid(f).length / 2))],
    ['trailing garbage', (f) => valid(f) + 'garbage'],
    ['two documents', (f) => valid(f) + valid(f)],
    ['extra closing brace', (f) => valid(f) + '}'],
    ['NaN', () => '{"value": NaN, "body": NaN}'],
    ['Infinity', () => '{"value": Infinity}'],
    ['single quotes', () => "{'body': 'x', 'value': 1}"],
    ['unquoted keys', () => '{body: "x", value: 1}'],
    ['trailing comma', () => '{"body": "x", "value": 1,}'],
    ['comment', (f) => `/* hi */${valid(f)}`],
    ['hex number', () => '{"value": 0x1}'],
    ['raw control character in a string', () => '{"body": "a\u0001b", "value": 1}'],
    ['unterminated string', () => '{"body": "never ends'],
    ['bad escape', () => '{"body": "\\x41"}'],
    ['lone minus', () => '-'],
    ['empty body', () => ''],
    ['whitespace only', () => ' \r\n\t '],
    ['NUL bytes', () => Buffer.from([0, 0, 0, 0])],
  ];
  // JSON, but not the object the route wants: a 400 from routes with a body schema.
  const wrongShape: Array<[string, (f: Fixture) => string, 'refused' | 'either']> = [
    ['null', () => 'null', 'refused'],
    ['empty array', () => '[]', 'refused'],
    ['array of the body', (f) => `[${valid(f)}]`, 'refused'],
    ['number', () => '42', 'refused'],
    ['negative float', () => '-1.5e-300', 'refused'],
    ['string', () => '"body"', 'refused'],
    ['true', () => 'true', 'refused'],
    ['huge exponent', () => '{"value": 1e999999, "body": 1e999999}', 'refused'],
    ['UTF-8 byte order mark', (f) => `\uFEFF${valid(f)}`, 'either'],
    ['duplicate keys', (f) => valid(f).replace(/^{/, '{"body":1,"value":"x",'), 'either'],
  ];
  return [
    ...broken.map(([name, body]): Case => ({ name: `malformed JSON: ${name}`, route, build: (f) => request(route, f, { body: body(f) }), expect: { status: 400, code: 'invalid_json' } })),
    ...wrongShape.map(([name, body, outcome]): Case => ({
      name: `JSON of the wrong shape: ${name}`,
      route,
      build: (f) => request(route, f, { body: body(f) }),
      expect: outcome === 'refused' ? bodyRejects(route, { status: 400 }) : undefined,
    })),
  ];
};

const contentTypes: Generator = (route) => {
  const valid = (f: Fixture) => JSON.stringify(baseBody(route, f));
  const unsupported = { status: 415, code: 'unsupported_media_type' };
  const cases: Array<[string, Override | ((f: Fixture) => Override), Expect | undefined]> = [
    ['no Content-Type', { contentType: null }, bodyRejects(route, unsupported)],
    ['text/plain', { contentType: 'text/plain' }, bodyRejects(route, { status: 400 })],
    ['text/plain with invalid UTF-8', { contentType: 'text/plain; charset=utf-8', body: Buffer.from([0xff, 0xfe, 0xc0, 0xaf]) }, bodyRejects(route)],
    ['form-urlencoded', { contentType: 'application/x-www-form-urlencoded', body: 'body=hello&value=1&site=demo' }, bodyRejects(route, unsupported)],
    ['multipart', { contentType: 'multipart/form-data; boundary=XyZ', body: '--XyZ\r\nContent-Disposition: form-data; name="body"\r\n\r\nhello\r\n--XyZ--\r\n' }, bodyRejects(route, unsupported)],
    ['application/xml', { contentType: 'application/xml', body: '<comment><body>hi</body></comment>' }, bodyRejects(route, unsupported)],
    ['text/html', { contentType: 'text/html' }, bodyRejects(route, unsupported)],
    ['*/*', { contentType: '*/*' }, bodyRejects(route, unsupported)],
    ['empty Content-Type', { contentType: '' }, bodyRejects(route, unsupported)],
    ['application/jsonx', { contentType: 'application/jsonx' }, bodyRejects(route, unsupported)],
    ['a +json type', { contentType: 'application/merge-patch+json' }, bodyRejects(route, unsupported)],
    ['two types', { contentType: 'application/json, text/plain' }, undefined],
    ['upper case', { contentType: 'APPLICATION/JSON' }, { status: route.ok }],
    ['charset=utf-8', { contentType: 'application/json; charset=utf-8' }, { status: route.ok }],
    ['quoted charset', { contentType: 'application/json; charset="UTF-8"' }, undefined],
    ['charset=latin1 with a latin1 byte', (f) => ({ contentType: 'application/json; charset=iso-8859-1', body: Buffer.from(valid(f).replace('"A ', '"\u00e9 ').replace('"Edited', '"\u00e9dited'), 'latin1') }), undefined],
    ['charset=utf-16 with UTF-16 bytes', (f) => ({ contentType: 'application/json; charset=utf-16le', body: Buffer.from(valid(f), 'utf16le') }), REJECT],
    ['UTF-16 byte order mark', (f) => ({ body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid(f), 'utf16le')]) }), REJECT],
    ['UTF-32 charset', { contentType: 'application/json; charset=utf-32' }, undefined],
    ['unknown charset', { contentType: 'application/json; charset=x-klingon' }, undefined],
    ['empty parameters', { contentType: 'application/json;;;; ;' }, undefined],
    ['a thousand parameters', { contentType: `application/json${'; a=b'.repeat(1000)}` }, undefined],
    ['gzip-encoded body', (f) => ({ body: gzipSync(valid(f)), headers: { 'Content-Encoding': 'gzip' } }), REJECT],
    ['unknown Content-Encoding', { headers: { 'Content-Encoding': 'x-made-up' } }, undefined],
  ];
  return cases.map(([name, override, expect]) => ({
    name: `content type: ${name}`,
    route,
    build: (f: Fixture) => request(route, f, typeof override === 'function' ? override(f) : override),
    expect,
  }));
};

const OTHER_TYPES: Json[] = [42, 0, -1.5, true, false, null, [], ['x'], {}, { nested: 'object' }, 'a string'];

const wrongTypes: Generator = (route) => {
  if (!route.body) return [];
  const sample = route.body({ page: 'p', id: 'ID', editToken: 't' });
  return nodesOf(sample).flatMap(({ path, value }) =>
    OTHER_TYPES.filter((other) => jsonType(other) !== jsonType(value)).map((other): Case => ({
      name: `wrong type: ${dotted(path)} = ${JSON.stringify(other)}`,
      route,
      build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, other)) }),
      expect: { status: 400, code: 'invalid_request', field: dotted(path) },
    })),
  );
};

const missingAndExtraFields: Generator = (route) => {
  if (!route.body) return [];
  const sample = route.body({ page: 'p', id: 'ID', editToken: 't' });
  const missing = nodesOf(sample).map(({ path }): Case => ({
    name: `missing field: ${dotted(path)}`,
    route,
    build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, undefined)) }),
    expect: route.required?.includes(dotted(path)) ? { status: 400, code: 'invalid_request', field: dotted(path) } : undefined,
  }));
  const objects = [[], ...nodesOf(sample).filter(({ value }) => jsonType(value) === 'object').map(({ path }) => path)];
  const injected: JsonObject = { status: 'approved', score: 1000, up: 1000, html: '<script>alert(1)</script>', id: 'AAAAAAAAAAAAAAAA', deleted: true, isAdmin: true, editToken: 'chosen-token' };
  const strict = (path: string[]) => route.strictUnder !== undefined && (dotted(path) === route.strictUnder || dotted(path).startsWith(`${route.strictUnder}.`));
  const extra = objects.flatMap((path): Case[] => [
    {
      name: `unknown fields in ${dotted(path) || 'the body'} are ${strict(path) ? 'refused' : 'dropped, not trusted'}`,
      route,
      build: (f) => {
        const body = route.body!(f);
        const foreign = Object.fromEntries(Object.entries(injected).filter(([k]) => !route.ownFields?.includes(k)));
        const target = path.length ? setAt(body, path, { ...(nodesOf(body).find((n) => dotted(n.path) === dotted(path))!.value as JsonObject), ...foreign }) : { ...body, ...foreign };
        return request(route, f, { body: JSON.stringify(target) });
      },
      expect: { ...(strict(path) ? { status: 400, code: 'invalid_request', field: dotted(path) } : { status: route.ok }), absent: ['<script', 'AAAAAAAAAAAAAAAA', 'chosen-token', ':1000'] },
    },
  ]);
  const manyKeys: Case = {
    name: 'five thousand unknown fields',
    route,
    build: (f) => request(route, f, { body: JSON.stringify({ ...route.body!(f), ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) }) }),
    expect: { status: route.ok },
  };
  return [...missing, { name: 'empty object', route, build: (f) => request(route, f, { body: '{}' }), expect: { status: 400, code: 'invalid_request' } }, ...extra, manyKeys];
};

const prototypePollution: Generator = (route) => {
  const body = (f: Fixture) => JSON.stringify(baseBody(route, f));
  const inject = (f: Fixture, text: string) => body(f).replace(/^{/, `{${text}${body(f) === '{}' ? '' : ','}`);
  const nested = (f: Fixture, text: string) => (body(f).includes('"author":{') ? body(f).replace('"author":{', `"author":{${text},`) : inject(f, `"inner":{${text}}`));
  const cases: Array<[string, (f: Fixture) => string, Expect | undefined]> = [
    ['__proto__ at the top', (f) => inject(f, '"__proto__":{"polluted":"yes"}'), { status: 400, code: 'invalid_json' }],
    ['__proto__ nested', (f) => nested(f, '"__proto__":{"polluted":"yes"}'), { status: 400, code: 'invalid_json' }],
    ['constructor.prototype', (f) => inject(f, '"constructor":{"prototype":{"polluted":"yes"}}'), { status: 400, code: 'invalid_json' }],
    ['constructor.prototype nested', (f) => nested(f, '"constructor":{"prototype":{"polluted":"yes"}}'), { status: 400, code: 'invalid_json' }],
    ['escaped __proto__ key', (f) => inject(f, '"\\u005f_proto__":{"polluted":"yes"}'), undefined],
    ['__proto__ as a field value', (f) => inject(f, '"prototype":"__proto__"'), undefined],
    ['__proto__ inside an array', (f) => inject(f, '"list":[{"__proto__":{"polluted":"yes"}}]'), { status: 400, code: 'invalid_json' }],
  ];
  return cases.map(([name, build, expect]) => ({ name: `prototype pollution: ${name}`, route, build: (f) => request(route, f, { body: build(f) }), expect }));
};

function hugeValues(bodyLimit: number): Generator {
  return (route) => {
    const limit = route.bodyLimit ?? bodyLimit;
    const MB = 1 << 20;
    const tooLarge: Expect = { status: 413, code: 'body_too_large' };
    const sample = route.body?.({ page: 'p', id: 'ID', editToken: 't' });
    const leaves = sample ? nodesOf(sample).filter(({ value }) => jsonType(value) !== 'object') : [];
    const perField = leaves.flatMap(({ path, value }): Case[] => [
      { name: `huge value: ${dotted(path)} of 1 MB`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, 'x'.repeat(MB))) }), expect: MB > limit ? tooLarge : { status: 400, field: dotted(path) } },
      { name: `huge value: ${dotted(path)} of 60,000 characters`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, 'y'.repeat(60_000))) }), expect: { status: 400, field: dotted(path) } },
      { name: `huge value: ${dotted(path)} as 20,000 numbers`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, Array(20_000).fill(0))) }), expect: { status: 400, field: dotted(path) } },
      { name: `huge value: ${dotted(path)} = 1e308`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, 1e308)) }), expect: { status: 400, field: dotted(path) } },
      { name: `huge value: ${dotted(path)} = 2^53 + 1`, route, build: (f) => request(route, f, { body: spliceRaw(route.body!(f), path, '9007199254740993') }), expect: { status: 400, field: dotted(path) } },
    ]);
    const padded = (f: Fixture, size: number) => {
      const text = JSON.stringify(baseBody(route, f));
      return `${text}${' '.repeat(Math.max(0, size - Buffer.byteLength(text)))}`;
    };
    return [
      ...perField,
      { name: `body one byte over the body limit (${limit})`, route, build: (f) => request(route, f, { body: padded(f, limit + 1) }), expect: tooLarge },
      { name: 'body of 1 MB', route, build: (f) => request(route, f, { body: padded(f, MB) }), expect: MB > limit ? tooLarge : { status: route.ok } },
      { name: 'body exactly at the body limit is accepted', route, build: (f) => request(route, f, { body: padded(f, limit) }), expect: { status: route.ok } },
      { name: 'Content-Length claims 10 GB', route, build: (f) => request(route, f, { headers: { 'Content-Length': String(10 * 1024 ** 3) } }), expect: route.body ? tooLarge : REJECT },
    ];
  };
}

const deepNesting: Generator = (route) => {
  const DEPTH = 10_000;
  const arrays = '['.repeat(DEPTH) + ']'.repeat(DEPTH);
  const objects = '{"a":'.repeat(DEPTH) + '0' + '}'.repeat(DEPTH);
  const sample = route.body?.({ page: 'p', id: 'ID', editToken: 't' });
  const positions = sample ? nodesOf(sample) : [];
  return [
    { name: 'deep nesting: 10,000 arrays as the body', route, build: (f) => request(route, f, { body: arrays }), expect: bodyRejects(route, { status: 400 }) },
    { name: 'deep nesting: 10,000 objects as the body', route, build: (f) => request(route, f, { body: objects }), expect: bodyRejects(route, { status: 400 }) },
    { name: 'deep nesting: 10,000 arrays in an unknown field', route, build: (f) => request(route, f, { body: spliceRaw(baseBody(route, f), ['extra'], arrays) }), expect: { status: route.ok } },
    ...positions.flatMap(({ path, value }): Case[] =>
      [['arrays', arrays] as const, ['objects', objects] as const].map(([kind, raw]) => ({
        name: `deep nesting: 10,000 ${kind} in ${dotted(path)}`,
        route,
        build: (f: Fixture) => request(route, f, { body: spliceRaw(route.body!(f), path, raw) }),
        expect: jsonType(value) === 'object' && kind === 'objects' ? REJECT : { status: 400, field: dotted(path) },
      })),
    ),
  ];
};

const headers: Generator = (route) => {
  const badVisitors: Array<[string, string]> = [
    ['too short', 'short'],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'has spaces in the middle of it'],
    ['with base64 padding', 'abcdefghijklmnop+/=='],
    ['UTF-8', utf8Header('ééééééééééééééééé')],
    ['latin1 bytes', '\u00e9'.repeat(20)],
    ['two values', `${VOTER}, ${BYSTANDER}`],
    ['10 KB', 'v'.repeat(10_000)],
  ];
  const isConsole = route.auth === 'console';
  const cases: Case[] = badVisitors.map(([name, value]) => ({
    name: `invalid X-Colloquy-Visitor: ${name}`,
    route,
    build: (f) => request(route, f, { headers: { 'X-Colloquy-Visitor': value } }),
    expect: isConsole ? { status: route.ok } : { status: 400, code: 'invalid_visitor', field: 'X-Colloquy-Visitor' },
  }));
  cases.push({
    name: 'X-Colloquy-Visitor sent twice',
    route,
    build: (f) => request(route, f, { headers: { 'X-Colloquy-Visitor': null }, append: [['X-Colloquy-Visitor', VOTER], ['X-Colloquy-Visitor', BYSTANDER]] }),
    expect: isConsole ? { status: route.ok } : { status: 400, code: 'invalid_visitor' },
  });
  if (isConsole) {
    const session: Array<[string, Record<string, string | null>, Expect]> = [
      ['no session cookie', { Cookie: null }, { status: 401, code: 'unauthenticated' }],
      ['a made-up session cookie', { Cookie: `colloquy_session=${'A'.repeat(43)}` }, { status: 401, code: 'unauthenticated' }],
      ['no CSRF token', { 'X-CSRF-Token': null }, { status: 403, code: 'csrf_failed' }],
      ['a wrong CSRF token', { 'X-CSRF-Token': 'B'.repeat(32) }, { status: 403, code: 'csrf_failed' }],
      ['the CSRF token sent twice', { 'X-CSRF-Token': `${consoleSession.csrf}, ${consoleSession.csrf}` }, { status: 403, code: 'csrf_failed' }],
      ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }, { status: 403, code: 'origin_not_allowed' }],
    ];
    for (const [name, change, expect] of session) cases.push({ name: `console: ${name}`, route, build: (f) => request(route, f, { headers: change }), expect });
  }
  cases.push({
    name: 'no X-Colloquy-Visitor',
    route,
    build: (f) => request(route, f, { headers: { 'X-Colloquy-Visitor': null } }),
    expect: route.auth === 'visitor' ? { status: 400, code: 'visitor_required' } : { status: route.ok },
  });
  cases.push({
    name: 'empty X-Colloquy-Visitor',
    route,
    build: (f) => request(route, f, { headers: { 'X-Colloquy-Visitor': '' } }),
    expect: route.auth === 'visitor' ? { status: 400, code: 'visitor_required' } : { status: route.ok },
  });
  const badTokens: Array<[string, string | null | ((f: Fixture) => string)]> = [
    ['missing', null],
    ['empty', ''],
    ['wrong', 'not-the-token'],
    ['the token with one character changed', (f) => f.editToken.slice(0, -1) + (f.editToken.endsWith('A') ? 'B' : 'A')],
    ['another comment\u2019s token', () => canary.editToken],
    ['10 KB', 't'.repeat(10_000)],
    ['UTF-8', utf8Header('токен-автора')],
    ['sent twice', (f) => `${f.editToken}, ${f.editToken}`],
  ];
  for (const [name, value] of badTokens) {
    cases.push({
      name: `X-Edit-Token ${name}`,
      route,
      build: (f) => request(route, f, { headers: { 'X-Edit-Token': typeof value === 'function' ? value(f) : value } }),
      expect: route.auth === 'edit-token' ? { status: 403, code: 'not_author' } : { status: route.ok },
    });
  }
  if (route.auth === 'bearer') {
    const badBearers: Array<[string, string | null | ((f: Fixture) => string), string]> = [
      ['missing', null, 'sign_in_required'],
      ['empty', '', 'sign_in_required'],
      ['without the Bearer scheme', (f) => f.bearer!, 'invalid_token'],
      ['Basic scheme', (f) => `Basic ${f.bearer}`, 'invalid_token'],
      ['a made-up token', 'Bearer 0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'invalid_token'],
      ['the token with one character changed', (f) => `Bearer ${f.bearer!.slice(0, -1)}${f.bearer!.endsWith('A') ? 'B' : 'A'}`, 'invalid_token'],
      ['the id alone', (f) => `Bearer ${f.bearer!.split('.')[0]}`, 'invalid_token'],
      ['10 KB', `Bearer ${'t'.repeat(10_000)}`, 'invalid_token'],
      ['UTF-8', utf8Header('Bearer токен-читателя'), 'invalid_token'],
      ['sent twice', (f) => `Bearer ${f.bearer}, Bearer ${f.bearer}`, 'invalid_token'],
    ];
    for (const [name, value, code] of badBearers) {
      cases.push({
        name: `Authorization ${name}`,
        route,
        build: (f) => request(route, f, { headers: { Authorization: typeof value === 'function' ? value(f) : value } }),
        expect: { status: 401, code },
      });
    }
  }
  const others: Array<[string, Record<string, string | null>, Expect | undefined]> = [
    ['an 8 KB header', { 'X-Filler': 'f'.repeat(8 * 1024) }, { status: route.ok }],
    ['a 20 KB header', { 'X-Filler': 'f'.repeat(20 * 1024) }, { status: 431, code: 'headers_too_large' }],
    ['a 20 KB User-Agent', { 'User-Agent': 'u'.repeat(20 * 1024) }, { status: 431, code: 'headers_too_large' }],
    ['200 headers of 100 bytes', Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-H${i}`, 'h'.repeat(100)])), { status: 431, code: 'headers_too_large' }],
    ['a foreign Origin', { Origin: 'https://evil.example' }, { status: 403, code: 'origin_not_allowed' }],
    ['Origin: null', { Origin: 'null' }, { status: 403, code: 'origin_not_allowed' }],
    ['a malformed Origin', { Origin: ':::not a url:::' }, { status: 403, code: 'origin_not_allowed' }],
    ['a 10 KB Origin', { Origin: `https://${'o'.repeat(10_000)}.example` }, { status: 403, code: 'origin_not_allowed' }],
    // A publisher's page may post comments, never drive the console.
    ['the allowed Origin', { Origin: 'https://publisher.example' }, isConsole ? { status: 403, code: 'origin_not_allowed' } : { status: route.ok }],
    ['a junk Authorization', { Authorization: 'Bearer \u00ff\u00fe junk' }, undefined],
    ['a junk X-Forwarded-For', { 'X-Forwarded-For': 'not-an-ip, 999.999.1.1, ::::' }, { status: route.ok }],
    ['a method-override header', { 'X-HTTP-Method-Override': 'GET' }, { status: route.ok }],
    ['a junk Cookie', { Cookie: '\u00ff=\u00fe; ; =;' }, isConsole ? { status: 401, code: 'unauthenticated' } : { status: route.ok }],
    ['a non-numeric Content-Length', { 'Content-Length': 'abc' }, { status: 400, code: 'bad_request' }],
    ['a negative Content-Length', { 'Content-Length': '-1' }, { status: 400, code: 'bad_request' }],
    ['Expect: something-else', { Expect: 'something-else' }, { status: 417, code: 'expectation_failed' }],
    ['Expect: 100-continue', { Expect: '100-continue' }, { status: route.ok }],
  ];
  for (const [name, change, expect] of others) {
    cases.push({ name: `headers: ${name}`, route, build: (f) => request(route, f, { headers: change }), expect });
  }
  return cases;
};

const badIds: Generator = (route) => {
  const probe = { page: 'p', id: 'ID0', editToken: 't' };
  if (route.path(probe) === route.path({ ...probe, id: 'ID1' })) return [];
  const ids: Array<[string, string | ((f: Fixture) => string), Expect]> = [
    ['empty', '', REJECT],
    ['15 characters', 'A'.repeat(15), { status: 400, field: 'id' }],
    ['17 characters', 'A'.repeat(17), { status: 400, field: 'id' }],
    ['200 characters', 'A'.repeat(200), { status: 400, field: 'id' }],
    ['201 characters', 'A'.repeat(201), { status: 414, code: 'url_too_long' }],
    ['5,000 characters', 'A'.repeat(5000), { status: 414, code: 'url_too_long' }],
    ['lower case', (f) => f.id.toLowerCase(), { status: 400, field: 'id' }],
    ['well-formed but unknown', '0000000000000000', { status: 404, code: route.notFound ?? 'comment_not_found' }],
    ['letters Crockford leaves out', 'IIIIIIIIIIIIIIII', { status: 404, code: route.notFound ?? 'comment_not_found' }],
    ['dot segments', '../..', REJECT],
    ['encoded dot segments', '..%2F..%2Fhealthz', REJECT],
    ['double-encoded dot segments', '%252e%252e%252f', REJECT],
    ['percent-encoded NUL', '%00', { status: 400, field: 'id' }],
    ['id then percent-encoded NUL', (f) => `${f.id}%00`, { status: 400, field: 'id' }],
    ['lone percent sign', '%', { status: 400, code: 'bad_url' }],
    ['invalid percent escape', '%zz', { status: 400, code: 'bad_url' }],
    ['truncated UTF-8 escape', '%E0%A4%A', { status: 400, code: 'bad_url' }],
    ['encoded lone surrogate', '%ED%A0%80', { status: 400, code: 'bad_url' }],
    ['percent-encoded unicode', '%C3%A9'.repeat(16), { status: 400, field: 'id' }],
    ['percent-encoded emoji', '%F0%9F%92%A9'.repeat(4), { status: 400, field: 'id' }],
    ['fullwidth digits', encodeURIComponent('０１２３４５６７８９ＡＢＣＤＥＦ'), { status: 400, field: 'id' }],
    ['raw UTF-8 bytes', utf8Header('éééééééééééééééé'), { status: 400 }],
    ['with a query string', (f) => `${f.id.slice(0, 8)}?id=${f.id}`, REJECT],
    ['with a fragment', (f) => `${f.id}#top`, {}],
    ['with a matrix parameter', (f) => `${f.id};v=1`, { status: 400, field: 'id' }],
    ['with an extra segment', (f) => `${f.id}/extra`, { status: 404, code: 'not_found' }],
    ['SQL', encodeURIComponent("' OR '1'='1"), { status: 400, field: 'id' }],
  ];
  const cases = ids.map(([name, id, expect]): Case => ({
    name: `bad id in the path: ${name}`,
    route,
    build: (f) => request(route, f, { path: route.path({ ...f, id: typeof id === 'function' ? id(f) : id }) }),
    expect,
  }));
  // Another author's comment, with this fixture's token: the token is tied to its comment.
  if (route.auth === 'edit-token') {
    cases.push({ name: 'another author\u2019s comment', route, build: (f) => request(route, f, { path: route.path({ ...f, id: canary.id }) }), expect: { status: 403, code: 'not_author' } });
  }
  return cases;
};

/** Valid-looking references to things that do not exist, or are not this thread's. */
const danglingReferences: Generator = (route) => {
  if (!route.body) return [];
  const sample = route.body({ page: 'p', id: 'ID-MARK', editToken: 't' });
  const cases: Case[] = [];
  for (const { path, value } of nodesOf(sample)) {
    if (value === 'ID-MARK') {
      const refs: Array<[string, (f: Fixture) => string]> = [
        ['unknown comment', () => '0000000000000000'],
        ['a comment on another page', () => canary.id],
        ['a deleted comment', () => deleted.id],
      ];
      for (const [name, ref] of refs) {
        cases.push({ name: `${dotted(path)} names ${name}`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, ref(f))) }), expect: { status: 400, field: dotted(path) } });
      }
    }
    if (value === SITE) {
      const sites: Array<[string, string, Expect]> = [
        ['an unknown site', 'no-such-site', { status: 404, code: 'site_not_found' }],
        ['the site in upper case', SITE.toUpperCase(), { status: 404, code: 'site_not_found' }],
        ['a site id with NUL', `${SITE}\u0000`, { status: 400, field: dotted(path) }],
        ['a site id with a newline', `${SITE}\n`, { status: 400, field: dotted(path) }],
        ['a site id with a lone surrogate', `${SITE}\ud800`, { status: 404, code: 'site_not_found' }],
        ['a site id with a zero-width space', `${SITE}\u200b`, { status: 404, code: 'site_not_found' }],
      ];
      for (const [name, site, expect] of sites) {
        cases.push({ name: `${dotted(path)} is ${name}`, route, build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, site)) }), expect });
      }
    }
  }
  return cases;
};

/** Text that should come out cleaned (or be refused): it must never come back raw. */
const ODD_TEXT: Array<[string, string]> = [
  ['lone high surrogate', 'before \ud800 after'],
  ['lone low surrogate', '\udfff'],
  ['reversed surrogate pair', 'x\udc00\ud800y'],
  ['NUL bytes', 'a\u0000b\u0000'],
  ['only NUL', '\u0000'],
  ['C0 and C1 controls', 'a\u0001\u0007\u001b[31mred\u0085\u009b'],
  ['zero-width characters only', '\u200b\u200c\u200d\u2060\ufeff'],
  ['zero-width joiners inside a word', 'ad\u200bmin\u200d'],
  ['RTL override', 'user\u202egnp.exe'],
  ['bidi isolates', '\u2066\u2067\u2068abc\u2069'],
  ['Unicode line and paragraph separators', 'a\u2028b\u2029c'],
  ['combining-mark flood', 'Z' + '\u0336\u0301\u0327'.repeat(1500)],
  ['decomposed accents (NFD)', 'Cafe\u0301 de\u0301ja\u0300 vu'],
  ['emoji with skin tones, ZWJ families and flags', '👍🏽 👨‍👩‍👧‍👦 🇺🇦 🏳️‍🌈'],
  ['CRLF and a fake header', 'line\r\nX-Injected: yes\r\n\r\nbody'],
  ['whitespace only', ' \t\n\r '],
  ['empty', ''],
  ['entity-encoded bidi override', 'a &#x202E;evil&#x202C; b'],
  ['entity-encoded zero-width characters', 'x&#8203;y&ZeroWidthSpace;z&#xFEFF;'],
  ['entity-encoded decomposed accent', 'e&#x301;'],
  ['entity-encoded controls', '&#0;&#1;&#x85;&#xD800;'],
];

/** Byte sequences that are not UTF-8, put inside a JSON string. */
const BAD_UTF8: Array<[string, number[]]> = [
  ['0xFF', [0xff]],
  ['overlong slash', [0xc0, 0xaf]],
  ['encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
  ['truncated sequence', [0xe2, 0x82]],
  ['5-byte form', [0xf8, 0x88, 0x80, 0x80, 0x80]],
  ['lone continuation bytes', [0x80, 0xbf]],
];

const oddText: Generator = (route) => {
  if (!route.body) return [];
  const sample = route.body({ page: 'p', id: 'ID', editToken: 't' });
  const strings = nodesOf(sample).filter(({ value }) => typeof value === 'string');
  return strings.flatMap(({ path }) => [
    ...ODD_TEXT.map(([name, text]): Case => ({
      name: `odd text in ${dotted(path)}: ${name}`,
      route,
      build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, text)) }),
    })),
    ...BAD_UTF8.map(([name, bytes]): Case => ({
      name: `invalid UTF-8 in ${dotted(path)}: ${name}`,
      route,
      build: (f) => {
        const [head, tail] = spliceRaw(route.body!(f), path, '"ok \u0002 ok"').split('\u0002');
        return request(route, f, { body: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]) });
      },
    })),
  ]);
};

/** Broken HTTP framing, built by editing the bytes of the valid request. */
const framing: Generator = (route) => {
  const bytes = (f: Fixture, override: Override = {}) => encodeRequest(request(route, f, { body: JSON.stringify(baseBody(route, f)), ...override }));
  const split = (f: Fixture, override: Override = {}) => {
    const all = bytes(f, override);
    const end = all.indexOf('\r\n\r\n');
    return { head: all.subarray(0, end).toString('latin1'), body: all.subarray(end + 4) };
  };
  const join = (head: string, body: Buffer | string) => Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1')]);
  const chunked = (f: Fixture, chunks: (body: Buffer) => string) => {
    const { head, body } = split(f);
    return join(head.replace(/\r\nContent-Length: \d+/, '\r\nTransfer-Encoding: chunked'), chunks(body));
  };
  const cases: Array<[string, (f: Fixture) => Buffer, Expect | undefined]> = [
    ['valid chunked body', (f) => chunked(f, (b) => `${b.length.toString(16)}\r\n${b.toString('latin1')}\r\n0\r\n\r\n`), { status: route.ok }],
    ['chunked body in one-byte chunks', (f) => chunked(f, (b) => [...b.toString('latin1')].map((c) => `1\r\n${c}\r\n`).join('') + '0\r\n\r\n'), { status: route.ok }],
    ['invalid chunk size', (f) => chunked(f, (b) => `zz\r\n${b.toString('latin1')}\r\n0\r\n\r\n`), { status: 400, code: 'bad_request' }],
    ['chunk longer than announced', (f) => chunked(f, (b) => `1\r\n${b.toString('latin1')}\r\n0\r\n\r\n`), { status: 400, code: 'bad_request' }],
    ['no last chunk', (f) => chunked(f, (b) => `${b.length.toString(16)}\r\n${b.toString('latin1')}\r\n`), { reject: true, cutOff: true }],
    ['chunk extensions', (f) => chunked(f, (b) => `${b.length.toString(16)};name=value\r\n${b.toString('latin1')}\r\n0\r\n\r\n`), undefined],
    ['Content-Length and Transfer-Encoding', (f) => { const { head, body } = split(f); return join(`${head}\r\nTransfer-Encoding: chunked`, `${body.length.toString(16)}\r\n${body.toString('latin1')}\r\n0\r\n\r\n`); }, { status: 400, code: 'bad_request' }],
    ['Transfer-Encoding: gzip, chunked', (f) => { const { head, body } = split(f); return join(head.replace(/\r\nContent-Length: \d+/, '\r\nTransfer-Encoding: gzip, chunked'), `${body.length.toString(16)}\r\n${body.toString('latin1')}\r\n0\r\n\r\n`); }, undefined],
    ['two different Content-Lengths', (f) => { const { head, body } = split(f); return join(`${head}\r\nContent-Length: ${body.length + 1}`, body); }, { status: 400, code: 'bad_request' }],
    ['Content-Length longer than the body', (f) => { const { head, body } = split(f); return join(head.replace(/Content-Length: \d+/, `Content-Length: ${body.length + 50}`), body); }, { reject: true, cutOff: true }],
    ['Content-Length shorter than the body', (f) => { const { head, body } = split(f); return join(head.replace(/Content-Length: \d+/, `Content-Length: ${Math.max(1, body.length - 5)}`), body); }, { status: 400 }],
    ['LF-only line endings', (f) => Buffer.from(bytes(f).toString('latin1').replaceAll('\r\n', '\n'), 'latin1'), { status: 400, code: 'bad_request' }],
    ['folded header line', (f) => { const { head, body } = split(f); return join(`${head}\r\nX-Folded: first\r\n  second`, body); }, { status: 400, code: 'bad_request' }],
    ['header without a colon', (f) => { const { head, body } = split(f); return join(`${head}\r\nNoColonHere`, body); }, { status: 400, code: 'bad_request' }],
    ['space before the colon', (f) => { const { head, body } = split(f); return join(head.replace('Content-Type:', 'Content-Type :'), body); }, { status: 400, code: 'bad_request' }],
    ['NUL in a header value', (f) => { const { head, body } = split(f); return join(`${head}\r\nX-Nul: a\u0000b`, body); }, { status: 400, code: 'bad_request' }],
    ['bare CR in a header value', (f) => { const { head, body } = split(f); return join(`${head}\r\nX-Cr: a\rb`, body); }, { status: 400, code: 'bad_request' }],
    ['raw UTF-8 in a header value', (f) => { const { head, body } = split(f); return join(`${head}\r\nX-Utf8: ${utf8Header('naïve – “quoted” 🎉')}`, body); }, { status: route.ok }],
    ['control byte in the path', (f) => { const { head, body } = split(f); return join(head.replace(' HTTP/1.1', '\u0001 HTTP/1.1'), body); }, { status: 400, code: 'bad_request' }],
    ['space in the path', (f) => { const { head, body } = split(f); return join(head.replace(' HTTP/1.1', 'x y HTTP/1.1'), body); }, { status: 400, code: 'bad_request' }],
    ['lower-case method', (f) => { const { head, body } = split(f); return join(head.replace(route.method, route.method.toLowerCase()), body); }, { status: 400, code: 'bad_request' }],
    ['unknown method', (f) => { const { head, body } = split(f); return join(head.replace(route.method, 'BREW'), body); }, { status: 400, code: 'bad_request' }],
    ['HTTP/1.1 without Host', (f) => { const { head, body } = split(f); return join(head.replace('Host: 127.0.0.1\r\n', ''), body); }, { status: 400, bare: true }],
    ['HTTP/1.0', (f) => { const { head, body } = split(f); return join(head.replace('HTTP/1.1', 'HTTP/1.0'), body); }, { status: route.ok }],
    ['HTTP/9.9', (f) => { const { head, body } = split(f); return join(head.replace('HTTP/1.1', 'HTTP/9.9'), body); }, REJECT],
    ['absolute-form request target', (f) => { const { head, body } = split(f); return join(head.replace(`${route.method} /`, `${route.method} http://127.0.0.1/`), body); }, undefined],
    ['HTTP/2 preface', () => Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'), { status: 400, code: 'bad_request' }],
    ['binary garbage', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)), { status: 400, code: 'bad_request' }],
    // Pipelined: Node answers the garbage at once (as its own default handler does), which may
    // come back before the valid request's answer; that request still commits.
    ['valid request then garbage on the same connection', (f) => Buffer.concat([bytes(f, { headers: { Connection: 'keep-alive' } }), Buffer.from('GARBAGE\r\n\r\n')]), { status: [route.ok, 400], pipelined: true }],
  ];
  return cases.map(([name, build, expect]) => ({ name: `framing: ${name}`, route, build, expect }));
};

// ---------------------------------------------------------------------------------------------
// The seeded random mutator.

/** mulberry32: small, fast, and the same sequence everywhere for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_VALUES: Json[] = [
  null, true, false, 0, -1, 1, 2, -0.5, 1e308, -1e308, 2 ** 53 + 2, '', ' ', '0', '-1', 'null', 'true', '[]', '{}',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; DROP TABLE comments; --", '%00', '\u0000', '\ud800',
  '\u202e', '\u200b', '\ufeff', 'e\u0301', '👨‍👩‍👧', '\r\n', '../../../etc/passwd', '${7*7}', '{{7*7}}', 'A'.repeat(300),
  'x'.repeat(70_000), [], [1, 2, 3], [null], {}, { a: 1 }, { __proto__x: 1 }, '0000000000000000', 'ZZZZZZZZZZZZZZZZ',
  ...ODD_TEXT.map(([, text]) => text),
];
const NASTY_KEYS = ['extra', '', ' ', 'body ', 'Body', 'BODY', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '\u0000', 'site\u0000', 'a.b', '$where', 'value', 'body', 'author', 'name'];
const NASTY_BYTES: number[][] = [[0x00], [0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x22], [0x5c], [0x7b], [0x7d], [0x5b], [0x2c], [0x0a], [0x0d, 0x0a], [0xef, 0xbb, 0xbf]];
const NASTY_CONTENT_TYPES = [null, 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json;charset=', 'multipart/form-data', 'APPLICATION/JSON', 'application/json '];
const NASTY_IDS = ['', '%00', '%', '..', 'a'.repeat(16), 'A'.repeat(17), '0000000000000000', '%C3%A9', 'ZZZZZZZZZZZZZZZZ'];

function randomCase(route: WriteRoute, index: number, seed: number): Case {
  const random = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const chance = (p: number) => random() < p;
  // Decide everything up front, so the case is the same whatever the fixture's ids are.
  const plan = {
    structural: Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ op: pick(['replace', 'delete', 'insert', 'wrap'] as const), at: random(), key: pick(NASTY_KEYS), value: pick(NASTY_VALUES) })),
    bytes: chance(0.3) ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({ op: pick(['flip', 'insert', 'truncate', 'duplicate'] as const), at: random(), bits: 1 + Math.floor(random() * 255), insert: pick(NASTY_BYTES) })) : [],
    dropHeader: chance(0.15),
    contentType: chance(0.15) ? { value: pick(NASTY_CONTENT_TYPES) } : undefined,
    id: chance(0.1) ? pick(NASTY_IDS) : undefined,
  };
  return {
    name: `random #${index} (FUZZ_SEED=${seed})`,
    route,
    build: (f) => {
      let body: Json = baseBody(route, f);
      for (const step of plan.structural) body = mutateTree(body, step);
      let bytes = Buffer.from(JSON.stringify(body));
      for (const step of plan.bytes) {
        const at = Math.floor(step.at * bytes.length);
        if (step.op === 'flip' && bytes.length) bytes[Math.min(at, bytes.length - 1)] ^= step.bits;
        if (step.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(step.insert), bytes.subarray(at)]);
        if (step.op === 'truncate') bytes = bytes.subarray(0, at);
        if (step.op === 'duplicate') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at / 2)]);
      }
      const headersChange: Record<string, string | null> = {};
      if (plan.dropHeader) for (const name of Object.keys(route.headers(f))) headersChange[name] = null;
      return request(route, f, {
        body: bytes,
        headers: headersChange,
        ...(plan.contentType ? { contentType: plan.contentType.value } : {}),
        ...(plan.id !== undefined ? { path: route.path({ ...f, id: plan.id }) } : {}),
      });
    },
  };
}

type TreeStep = { op: 'replace' | 'delete' | 'insert' | 'wrap'; at: number; key: string; value: Json };

/** Applies one structural change at the node `step.at` of the way through the tree. */
function mutateTree(root: Json, step: TreeStep): Json {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return step.op === 'wrap' ? [root] : step.value;
  const nodes = nodesOf(root);
  const objects: string[][] = [[], ...nodes.filter(({ value }) => jsonType(value) === 'object').map(({ path }) => path)];
  if (step.op === 'insert' || nodes.length === 0) {
    const path = objects[Math.floor(step.at * objects.length)];
    return setAt(root, [...path, step.key], step.value);
  }
  const { path, value } = nodes[Math.floor(step.at * nodes.length)];
  if (step.op === 'delete') return setAt(root, path, undefined);
  if (step.op === 'wrap') return setAt(root, path, step.key.length % 2 ? [value] : { [step.key]: value });
  return setAt(root, path, step.value);
}

const randomMutations: Generator = (route) => {
  const share = Math.ceil(RANDOM_CASES / ROUTES.length);
  return Array.from({ length: share }, (_, i) => randomCase(route, ROUTES.indexOf(route) * share + i, SEED));
};

// ---------------------------------------------------------------------------------------------
// Invariants.

// Must never appear in stored or returned text: controls other than tab and newline, bidi
// overrides, isolates and marks, invisible format characters (as src/comments/text.ts removes;
// zero-width joiners stay, emoji and several scripts need them).
const FORBIDDEN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Signs of a leaked stack trace or server internals.
const LEAKS = [/\bat [\w.<>]+ \(/, /\bat (file|node):/, /node_modules/, /\/(src|test|work|tmp|home|root)\//, /\.ts:\d+/, /"stack"/, /FST_ERR_/, /SQLITE_[A-Z]/, /syntax error at or near/];

function judge(c: Case, result: RawResult): string[] {
  const expect = c.expect ?? {};
  if (result.kind === 'none') return expect.cutOff ? [] : [`no response: ${result.reason}`];
  const { status, headers, text } = result.response;
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  for (const leak of LEAKS) if (leak.test(text)) problems.push(`the body leaks internals (${leak})`);

  let json: any;
  if (status >= 400 && !(expect.bare && text === '')) {
    if (!/^application\/json\b/.test(headers['content-type'] ?? '')) problems.push(`a ${status} with Content-Type ${headers['content-type'] ?? '(none)'}`);
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`a ${status} whose body is not JSON`);
    }
    const error = json?.error;
    if (typeof error?.code !== 'string' || !error.code) problems.push('error.code missing');
    if (typeof error?.message !== 'string' || !error.message) problems.push('error.message missing');
    if (error?.field !== undefined && typeof error.field !== 'string') problems.push('error.field is not a string');
    if (json && Object.keys(json).join() !== 'error') problems.push(`unexpected top-level keys ${Object.keys(json).join()}`);
  }
  if (status >= 200 && status < 300 && text) {
    try {
      json = JSON.parse(text);
      problems.push(...uncleanStrings(json));
    } catch {
      problems.push(`a ${status} whose body is not JSON`);
    }
  }

  const statuses = expect.status === undefined ? undefined : [expect.status].flat();
  if (statuses && !statuses.includes(status)) problems.push(`expected status ${statuses.join(' or ')}, got ${status}`);
  if (expect.reject && !(status >= 400 && status < 500)) problems.push(`expected a 4xx, got ${status}`);
  if (expect.code && json?.error?.code !== expect.code) problems.push(`expected error.code ${expect.code}, got ${json?.error?.code}`);
  // A field inside the one expected (an array's element, links.0) names it precisely enough.
  const field: unknown = json?.error?.field;
  if (expect.field && field !== expect.field && !(typeof field === 'string' && field.startsWith(`${expect.field}.`))) problems.push(`expected error.field ${expect.field}, got ${field}`);
  return problems;
}

/** Strings in a success response must be well-formed, NFC and free of controls and invisible format characters. */
function uncleanStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) return [`${path} holds a lone surrogate`];
    if (FORBIDDEN_TEXT.test(value)) return [`${path} holds U+${value.codePointAt(value.search(FORBIDDEN_TEXT))!.toString(16).toUpperCase().padStart(4, '0')}`];
    if (value !== value.normalize('NFC')) return [`${path} is not NFC`];
    return [];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => uncleanStrings(child, `${path}.${key}`));
  return [];
}

function preview(bytes: Buffer, max = 300): string {
  const text = JSON.stringify(bytes.subarray(0, max).toString('latin1'));
  return bytes.length > max ? `${text}… (${bytes.length} bytes)` : text;
}

// ---------------------------------------------------------------------------------------------
// The run.

let server: TestServer;
let database: TestDatabase;
let port: number;
let canary: Fixture & { snapshot: Stored };
let deleted: Fixture;
let fixtures = 0;
let casesRun = 0;

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

async function newFixture(label = 'fuzz'): Promise<Fixture> {
  const page = `${label}-${++fixtures}`;
  const res = await api('POST', '/api/v1/comments', { site: SITE, page, author: { name: 'Fixture author' }, body: 'The fixture comment.' }, { 'X-Colloquy-Visitor': AUTHOR });
  assert.equal(res.status, 201, `could not create a fixture: ${JSON.stringify(res.body)}`);
  return { page, id: res.body.comment.id, editToken: res.body.editToken };
}

/** Everything stored about a page's thread, read from the database itself (the API caches). */
async function stored(page: string) {
  const db = server.app.database.db;
  const thread = await db.selectFrom('threads').selectAll().where('site_id', '=', SITE).where('page_key', '=', page).executeTakeFirst();
  const comments = thread ? await db.selectFrom('comments').selectAll().where('thread_id', '=', thread.id).orderBy('id').execute() : [];
  const questions = await db.selectFrom('inline_questions').selectAll().where('site_id', '=', SITE).where('page_key', '=', page).orderBy('id').execute();
  const votes = thread ? await db.selectFrom('votes').selectAll().where('thread_id', '=', thread.id).orderBy('comment_id').orderBy('voter_key').execute() : [];
  const totals = {
    threads: Number((await db.selectFrom('threads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    comments: Number((await db.selectFrom('comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    votes: Number((await db.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    questions: Number((await db.selectFrom('inline_questions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    ledger: Number((await db.selectFrom('support_ledger').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    // Signing in and out: a refused request makes no account, no session and no link, and uses up or revokes none.
    accounts: Number((await db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n),
    sessions: Number((await db.selectFrom('sessions').select((eb) => eb.fn.countAll().as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow()).n),
    links: Number((await db.selectFrom('magic_links').select((eb) => eb.fn.countAll().as('n')).where('used_at', 'is', null).executeTakeFirstOrThrow()).n),
    // Console writes: a refused request adds, changes or removes no endpoint, alert choice or outbox retry.
    webhooks: await db.selectFrom('webhook_endpoints').select(['id', 'url', 'events', 'active', 'secret']).orderBy('id').execute(),
    alerts: await db.selectFrom('moderator_alerts').select(['user_id', 'site_id', 'pending', 'reports', 'mode']).orderBy('user_id').execute(),
    failedOutbox: Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('failed_at', 'is not', null).executeTakeFirstOrThrow()).n),
    subscriptions: Number((await db.selectFrom('subscriptions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    // A refused settings save stores nothing and bumps no version.
    settings: (await db.selectFrom('sites').select('settings').where('id', '=', SETTINGS_SITE).executeTakeFirst())?.settings,
  };
  return { thread, comments, votes, questions, totals };
}

type Stored = Awaited<ReturnType<typeof stored>>;

async function run(cases: Case[]): Promise<void> {
  const failures: string[] = [];
  for (const c of cases) {
    const f = await newFixture();
    await c.route.prepare?.(f);
    const before = await stored(f.page);
    const built = c.build(f);
    const bytes = Buffer.isBuffer(built) ? built : encodeRequest(built);
    const result = await sendRaw(port, bytes, { halfClose: c.expect?.cutOff });
    casesRun++;
    const problems = judge(c, result);
    const status = result.kind === 'response' ? result.response.status : 0;
    const after = await stored(f.page);
    for (const text of c.expect?.absent ?? []) {
      if (result.kind === 'response' && result.response.text.includes(text)) problems.push(`the response contains ${JSON.stringify(text)}`);
      if (JSON.stringify(after).includes(text)) problems.push(`the stored data contains ${JSON.stringify(text)}`);
    }
    if ((status < 200 || status >= 300) && !c.expect?.pipelined) {
      if (!isDeepStrictEqual(before, after)) problems.push(`a rejected request changed stored data:\n      before ${JSON.stringify(before).slice(0, 1500)}\n      after  ${JSON.stringify(after).slice(0, 1500)}`);
    } else {
      problems.push(...uncleanStrings({ thread: after.thread, comments: after.comments, questions: after.questions }, 'stored'));
    }
    const canaryNow = await stored(canary.page);
    if (!isDeepStrictEqual(canaryNow.comments, canary.snapshot.comments)) problems.push('the canary comment changed');
    if (problems.length) {
      const answer = result.kind === 'response' ? `${result.response.status} ${result.response.text.slice(0, 300)}` : `(no response: ${result.reason})`;
      failures.push(`✗ ${c.route.name} · ${c.name}\n    ${problems.join('\n    ')}\n    sent: ${preview(bytes)}\n    got:  ${answer}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} of ${cases.length} cases broke the house rule (FUZZ_SEED=${SEED}):\n\n${failures.slice(0, 25).join('\n\n')}`);
}

/** Anchors that look like anchors but are not acceptable, on routes whose body has one. */
const anchors: Generator = (route) => {
  const sample = route.body?.({ page: 'p', id: 'ID', editToken: 't' });
  if (!sample || !('anchor' in sample)) return [];
  const bad: Array<[string, string[], Json, string]> = [
    ['end before start', ['anchor', 'position'], { start: 150, end: 120 }, 'anchor.position.end'],
    ['an empty span', ['anchor', 'position'], { start: 120, end: 120 }, 'anchor.position.end'],
    ['a span a thousand times the quote', ['anchor', 'position'], { start: 0, end: 30_000 }, 'anchor.position.end'],
    ['offsets past the limit', ['anchor', 'position', 'end'], 50_000_001, 'anchor.position.end'],
    ['a quote of white space and zero-width characters', ['anchor', 'quote', 'exact'], ' \u200b\ufeff\n\t', 'anchor.quote.exact'],
    ['a quote of 2,001 units after normalisation', ['anchor', 'quote', 'exact'], 'e\u0301'.repeat(1000) + 'x'.repeat(1001), 'anchor.quote.exact'],
    ['a prefix of 201 units', ['anchor', 'quote', 'prefix'], 'p'.repeat(201), 'anchor.quote.prefix'],
    ['a feedbackId with markup', ['anchor', 'feedbackId'], '<img src=x onerror=alert(1)>', 'anchor.feedbackId'],
    ['a feedbackId of 129 characters', ['anchor', 'feedbackId'], 'f'.repeat(129), 'anchor.feedbackId'],
    ['a textHash with spaces', ['anchor', 'textHash'], 'not a hash', 'anchor.textHash'],
    ['an anchor that is an array', ['anchor'], [], 'anchor'],
  ];
  // Editors' questions carry no feedbackId (the server gives one) and are never replies.
  const readers = 'feedbackId' in (sample.anchor as JsonObject);
  const cases = bad.filter(([, path]) => readers || !path.includes('feedbackId')).map(([name, path, value, field]): Case => ({
    name: `anchor: ${name}`,
    route,
    build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), path, value)) }),
    expect: { status: 400, field },
  }));
  if (readers) cases.push({
    name: 'anchor: on a reply',
    route,
    build: (f) => request(route, f, { body: JSON.stringify({ ...route.body!(f), parentId: f.id }) }),
    expect: { status: 400, code: 'anchor_on_reply', field: 'anchor' },
  });
  cases.push({
    name: 'anchor: markup in the quote is stored as text, never rendered',
    route,
    build: (f) => request(route, f, { body: JSON.stringify(setAt(route.body!(f), ['anchor', 'quote', 'exact'], '<script>alert(1)</script>')) }),
    expect: { status: route.ok },
  });
  return cases;
};

const fuzzed = () => ROUTES.filter((route) => route.name.includes(ROUTE_FILTER));

const GENERATORS: Record<string, Generator> = {
  'passage anchors': anchors,
  'malformed JSON and bodies of the wrong shape': malformedJson,
  'content types and charsets': contentTypes,
  'wrong types for every field': wrongTypes,
  'missing, unknown and injected fields': missingAndExtraFields,
  'prototype-pollution keys': prototypePollution,
  'huge values and bodies over BODY_LIMIT': (route) => hugeValues(server.app.http.initialConfig.bodyLimit!)(route),
  'deeply nested values': deepNesting,
  'identity, token and oversized headers': headers,
  'bad ids in the path': badIds,
  'dangling references': danglingReferences,
  'invalid UTF-8, surrogates, controls, bidi and combining marks': oddText,
  'broken HTTP framing': framing,
  'seeded random mutations': randomMutations,
};

for (const engine of ENGINES.filter((e) => ENGINE_NAMES.includes(e.name))) describe(`write-route fuzzer (${engine.name})`, () => {
  before(async () => {
    database = await engine.create();
    // Flood limits off: every case posts its own fixture from one address.
    stripe = await startStripeFake();
    server = await startServer({ RATE_LIMITS: 'false', SSO_SECRET, ...stripeEnv(stripe), SUPPORT_ADMIN_TOKEN }, database);
    const { client } = await staffClient(server, 'global', 'fuzz');
    consoleSession = { cookie: client.cookie, csrf: client.csrf };
    const sites = createSiteService(createSiteStore(server.app.database.db));
    await sites.ensure(CAMPAIGN_SITE, 'Fuzz campaigns', ['https://publisher.example'], {});
    await sites.ensure(SETTINGS_SITE, 'Fuzz settings', ['https://publisher.example'], {});
    casesRun = 0;
    port = Number(new URL(server.url).port);
    // A comment everyone can see, with a vote on it, that no case may change.
    const made = await newFixture('canary');
    const vote = await api('PUT', `/api/v1/comments/${made.id}/vote`, { value: 1 }, { 'X-Colloquy-Visitor': BYSTANDER });
    assert.equal(vote.status, 200);
    canary = { ...made, snapshot: await stored(made.page) };
    deleted = await newFixture('deleted');
    assert.equal((await api('DELETE', `/api/v1/comments/${deleted.id}`, undefined, { 'X-Edit-Token': deleted.editToken })).status, 200);
  });

  after(async () => {
    await server?.stop();
    await stripe?.close();
    await database?.drop();
  });

  test('each route accepts its valid request (the baseline every mutation starts from)', async () => {
    await run(fuzzed().map((route) => ({ name: 'valid request', route, build: (f) => request(route, f), expect: { status: route.ok } })));
  });

  for (const [name, generate] of Object.entries(GENERATORS)) {
    test(name, async () => {
      await run(fuzzed().flatMap((route) => generate(route)));
    });
  }

  test('afterwards: nothing was lost, nothing polluted, the server still answers', async (t) => {
    const now = await stored(canary.page);
    assert.deepEqual(now, { ...canary.snapshot, totals: now.totals }, 'the canary thread changed');
    const page = await api('GET', `/api/v1/comments?site=${SITE}&page=${canary.page}`);
    assert.equal(page.status, 200);
    const [comment] = page.body.comments;
    assert.equal(comment.html, '<p>The fixture comment.</p>');
    assert.equal(comment.author.name, 'Fixture author');
    assert.deepEqual([comment.score, comment.up, comment.down, comment.deleted, comment.editedAt], [1, 1, 0, false, null]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    assert.equal((await api('GET', '/healthz')).status, 200);
    // The fuzzed site settings still load, and what they load saves back unchanged.
    const settings = await api('GET', SETTINGS_PATH, undefined, consoleHeaders());
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.equal(settings.body.site, SETTINGS_SITE);
    assert.ok(Number.isSafeInteger(settings.body.version) && settings.body.version > 0, `version ${settings.body.version}: the fuzzer saved settings`);
    const saved = await api('PUT', SETTINGS_PATH, settings.body, consoleHeaders());
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body, { ...settings.body, version: settings.body.version + 1 }, 'the settings round-trip unchanged');
    assert.deepEqual((await api('GET', SETTINGS_PATH, undefined, consoleHeaders())).body, saved.body);
    assert.ok(casesRun > 500, `only ${casesRun} cases ran`);
    t.diagnostic(`${casesRun} cases, FUZZ_SEED=${SEED}`);
  });
});
