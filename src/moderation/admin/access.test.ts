// Who may call which admin route, on SQLite and PostgreSQL. Every route of the admin API (read
// from the OpenAPI document, so a new route without an entry here fails) is called by:
// nobody (401), a reader with a visitor token and a bearer token (401), a moderator of another
// site (403), a staff user of the wrong role (403), and the right role (neither). Every
// state-changing route refuses a missing or wrong CSRF token (403).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, newVisitor } from '../../../test/helpers/api.ts';
import { send, staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { useServer } from '../../../test/helpers/suite.ts';
import { insertOutbox } from '../../notify/outbox-store.ts';

/** moderator and admin: of the site `demo`; global: global admin; self: any signed-in staff user (about themselves). */
type Need = 'self' | 'moderator' | 'admin' | 'global';

interface Fixture {
  comment: string;
  ban: string;
  staff: string;
  /** Webhook endpoints of the site: one to act on, one to remove; a failed outbox row to retry. */
  webhook: string;
  doomedWebhook: string;
  failedOutbox: string;
  question: string;
}

interface Route {
  method: string;
  path: string;
  need: Need;
  url(f: Fixture): string;
  body?(f: Fixture): unknown;
  /** A body for the right-role call that fails validation (400), where a valid one would change things for later cases. */
  harmless?: unknown;
  /** The right role's status when it is not a 2xx (a request refused on its merits, after the role check). */
  refused?: number;
}

const D = 'demo';
const QUESTION = {
  site: D, page: 'access-article', url: 'https://publisher.example/access-article', question: 'Agreed?',
  anchor: { quote: { exact: 'the plan', prefix: 'approved ', suffix: ' on Tuesday' }, position: { start: 9, end: 17 } },
};
const ROUTES: Route[] = [
  { method: 'GET', path: '/api/v1/admin/me', need: 'self', url: () => '/api/v1/admin/me' },
  { method: 'DELETE', path: '/api/v1/admin/session', need: 'self', url: () => '/api/v1/admin/session' },
  { method: 'PUT', path: '/api/v1/admin/me/password', need: 'self', url: () => '/api/v1/admin/me/password', body: () => ({ current: 'x', password: 'a new passphrase here' }), harmless: { current: 'x' } },
  { method: 'GET', path: '/api/v1/admin/sites', need: 'self', url: () => '/api/v1/admin/sites' },
  { method: 'GET', path: '/api/v1/admin/staff', need: 'global', url: () => '/api/v1/admin/staff' },
  { method: 'POST', path: '/api/v1/admin/staff', need: 'global', url: () => '/api/v1/admin/staff', body: () => ({ email: `new-${Date.now()}@staff.example`, password: 'a long enough password' }), harmless: { email: 'x@staff.example' } },
  { method: 'PUT', path: '/api/v1/admin/staff/{id}/roles', need: 'global', url: (f) => `/api/v1/admin/staff/${f.staff}/roles`, body: () => ({ globalAdmin: false, roles: [] }), harmless: { roles: [] } },
  { method: 'GET', path: '/api/v1/admin/queues', need: 'moderator', url: () => `/api/v1/admin/queues?site=${D}` },
  ...['pending', 'reported', 'recent', 'rejected'].map((q): Route => ({ method: 'GET', path: '/api/v1/admin/queues/{queue}', need: 'moderator', url: () => `/api/v1/admin/queues/${q}?site=${D}` })),
  { method: 'GET', path: '/api/v1/admin/comments/{id}', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}` },
  { method: 'POST', path: '/api/v1/admin/comments/{id}/moderate', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/moderate`, body: () => ({ action: 'reject' }), harmless: { action: 'nothing' } },
  { method: 'POST', path: '/api/v1/admin/comments/{id}/moderate', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/moderate`, body: () => ({ action: 'hold' }), harmless: { action: 'hold', note: 42 } },
  { method: 'POST', path: '/api/v1/admin/comments/{id}/ban', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/ban`, body: () => ({ kinds: ['visitor'], mode: 'ban', durationSeconds: 3600, reason: 'test' }), harmless: { kinds: [] } },
  { method: 'POST', path: '/api/v1/admin/comments/bulk', need: 'moderator', url: () => '/api/v1/admin/comments/bulk', body: (f) => ({ site: D, ids: [f.comment], action: 'spam' }), harmless: { site: D, ids: [] } },
  { method: 'POST', path: '/api/v1/admin/comments/{id}/reports/resolve', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/reports/resolve`, body: () => ({ resolution: 'upheld' }), harmless: { resolution: 'maybe' } },
  { method: 'GET', path: '/api/v1/admin/comments/{id}/author', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/author` },
  { method: 'GET', path: '/api/v1/admin/comments/{id}/sockpuppets', need: 'moderator', url: (f) => `/api/v1/admin/comments/${f.comment}/sockpuppets` },
  { method: 'GET', path: '/api/v1/admin/bans', need: 'moderator', url: () => `/api/v1/admin/bans?site=${D}` },
  { method: 'POST', path: '/api/v1/admin/bans', need: 'moderator', url: () => '/api/v1/admin/bans', body: () => ({ site: D, kind: 'email', value: 'troll@example.com', mode: 'ban', durationSeconds: null, reason: 'spam' }), harmless: { site: D, kind: 'planet' } },
  { method: 'DELETE', path: '/api/v1/admin/bans/{id}', need: 'moderator', url: (f) => `/api/v1/admin/bans/${f.ban}` },
  { method: 'GET', path: '/api/v1/admin/reports', need: 'moderator', url: () => `/api/v1/admin/reports?site=${D}` },
  { method: 'GET', path: '/api/v1/admin/sites/{site}/settings', need: 'admin', url: () => `/api/v1/admin/sites/${D}/settings` },
  { method: 'PUT', path: '/api/v1/admin/sites/{site}/settings', need: 'admin', url: () => `/api/v1/admin/sites/${D}/settings`, body: () => ({ version: 0, settings: { maxDepth: 4 } }), harmless: { settings: {} } },
  { method: 'GET', path: '/api/v1/admin/audit', need: 'admin', url: () => `/api/v1/admin/audit?site=${D}` },
  { method: 'GET', path: '/api/v1/admin/audit', need: 'admin', url: (f) => `/api/v1/admin/audit?site=${D}&action=comment&author=${f.comment}&from=2025-01-01&to=2999-01-01` },
  { method: 'POST', path: '/api/v1/admin/moderation/preview', need: 'moderator', url: () => '/api/v1/admin/moderation/preview', body: () => ({ site: D, text: 'hello' }) },
  { method: 'GET', path: '/api/v1/admin/me/alerts', need: 'self', url: () => '/api/v1/admin/me/alerts' },
  { method: 'PUT', path: '/api/v1/admin/me/alerts/{site}', need: 'moderator', url: () => `/api/v1/admin/me/alerts/${D}`, body: () => ({ pending: true, reports: false, mode: 'daily' }), harmless: { pending: true } },
  { method: 'GET', path: '/api/v1/admin/webhooks', need: 'admin', url: () => `/api/v1/admin/webhooks?site=${D}` },
  { method: 'POST', path: '/api/v1/admin/webhooks', need: 'admin', url: () => '/api/v1/admin/webhooks', body: () => ({ site: D, url: 'https://hooks.example/new', events: ['comment.created'] }), harmless: { site: D, url: 'ftp://hooks.example/', events: ['comment.created'] } },
  { method: 'PATCH', path: '/api/v1/admin/webhooks/{id}', need: 'admin', url: (f) => `/api/v1/admin/webhooks/${f.webhook}`, body: () => ({ active: true }), harmless: { events: [] } },
  { method: 'POST', path: '/api/v1/admin/webhooks/{id}/secret', need: 'admin', url: (f) => `/api/v1/admin/webhooks/${f.webhook}/secret` },
  { method: 'GET', path: '/api/v1/admin/webhooks/{id}/deliveries', need: 'admin', url: (f) => `/api/v1/admin/webhooks/${f.webhook}/deliveries` },
  { method: 'POST', path: '/api/v1/admin/webhooks/{id}/test', need: 'admin', url: (f) => `/api/v1/admin/webhooks/${f.webhook}/test` },
  { method: 'DELETE', path: '/api/v1/admin/webhooks/{id}', need: 'admin', url: (f) => `/api/v1/admin/webhooks/${f.doomedWebhook}` },
  { method: 'GET', path: '/api/v1/admin/outbox', need: 'global', url: () => '/api/v1/admin/outbox' },
  { method: 'POST', path: '/api/v1/admin/outbox/{id}/retry', need: 'global', url: (f) => `/api/v1/admin/outbox/${f.failedOutbox}/retry` },
  { method: 'GET', path: '/api/v1/admin/inline/articles', need: 'admin', url: () => `/api/v1/admin/inline/articles?site=${D}` },
  // A URL off the site's origins: refused (400) before anything is fetched, after the role check.
  { method: 'GET', path: '/api/v1/admin/inline/article', need: 'admin', url: () => `/api/v1/admin/inline/article?site=${D}&url=https%3A%2F%2Felsewhere.example%2F`, refused: 400 },
  { method: 'GET', path: '/api/v1/admin/inline/questions', need: 'admin', url: () => `/api/v1/admin/inline/questions?site=${D}` },
  { method: 'POST', path: '/api/v1/admin/inline/questions', need: 'admin', url: () => '/api/v1/admin/inline/questions', body: () => QUESTION, harmless: { ...QUESTION, question: '' } },
  { method: 'PATCH', path: '/api/v1/admin/inline/questions/{id}', need: 'admin', url: (f) => `/api/v1/admin/inline/questions/${f.question}`, body: () => ({ question: 'Changed?' }), harmless: { question: '' } },
  { method: 'DELETE', path: '/api/v1/admin/inline/questions/{id}', need: 'admin', url: (f) => `/api/v1/admin/inline/questions/${f.question}` },
];

const writes = ROUTES.filter((r) => r.method !== 'GET');
const label = (r: Route) => `${r.method} ${r.path}`;

for (const engine of ENGINES) {
  describe(`admin API access (${engine.name})`, () => {
    const h = useServer(engine);
    const f = {} as Fixture;
    let global: AdminClient;
    let moderator: AdminClient;
    let siteAdmin: AdminClient;
    let otherModerator: AdminClient;
    let noRole: AdminClient;

    before(async () => {
      await h.addSite('other', ['https://other.example']);
      ({ client: global } = await staffClient(h.server, 'global', 'global'));
      ({ client: moderator } = await staffClient(h.server, [{ site: D, role: 'moderator' }], 'mod'));
      ({ client: siteAdmin } = await staffClient(h.server, [{ site: D, role: 'admin' }], 'admin'));
      ({ client: otherModerator } = await staffClient(h.server, [{ site: 'other', role: 'admin' }], 'other'));
      const roleless = await staffClient(h.server, [], 'none');
      noRole = roleless.client;
      f.staff = roleless.id;
      f.comment = (await h.api.comment({ page: newPage('access'), visitor: newVisitor() })).id;
      const ban = await global.request('POST', '/api/v1/admin/bans', { site: D, kind: 'email', value: 'fixture@example.com', mode: 'ban', durationSeconds: null, reason: 'fixture' });
      assert.equal(ban.status, 201, ban.text);
      f.ban = ban.body.ban.id;
      const { webhooks, outbox } = h.server.app.notify;
      f.webhook = (await webhooks.add(D, 'https://hooks.example/a')).id;
      f.doomedWebhook = (await webhooks.add(D, 'https://hooks.example/b')).id;
      // Due far ahead, so no worker touches it before it is marked failed.
      await insertOutbox(h.server.app.database.db, { kind: 'email', dedupeKey: 'access-fixture', payload: { to: 'nobody@example.com', subject: 'S' }, notBefore: Date.now() + 86_400_000 });
      const failed = (await outbox.byKey('access-fixture'))!;
      await h.server.app.database.db.updateTable('outbox').set({ failed_at: Date.now() }).where('id', '=', failed.id).execute();
      f.failedOutbox = failed.id;
      const question = await global.request('POST', '/api/v1/admin/inline/questions', QUESTION);
      assert.equal(question.status, 201, question.text);
      f.question = question.body.question.id;
    });

    const call = (client: AdminClient | null, r: Route, headers: Record<string, string> = {}) =>
      client ? client.request(r.method, r.url(f), r.body?.(f), { headers }) : send(h.server, r.method, r.url(f), r.body?.(f), headers);

    it('covers every admin route in the OpenAPI document', async () => {
      const doc = (await send(h.server, 'GET', '/api/docs/json')).body as { paths: Record<string, Record<string, unknown>> };
      const documented = Object.entries(doc.paths)
        .filter(([path]) => path.startsWith('/api/v1/admin/') && !path.startsWith('/api/v1/admin/support'))
        .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
        .filter((route) => route !== 'POST /api/v1/admin/session');
      assert.deepEqual([...new Set(ROUTES.map(label))].sort(), documented.sort());
    });

    it('answers 401 to nobody, and to a reader with visitor, edit and bearer tokens', async () => {
      const reader = { 'x-colloquy-visitor': newVisitor(), 'x-edit-token': 'some-edit-token', authorization: 'Bearer not-staff' };
      for (const r of ROUTES) {
        for (const headers of [{}, reader]) {
          const res = await call(null, r, headers);
          assert.equal(res.status, 401, `${label(r)} ${JSON.stringify(headers)} → ${res.status} ${res.text}`);
          assert.equal(res.body.error.code, 'unauthenticated');
        }
      }
    });

    it('answers 403 to a moderator of another site and to a staff user of the wrong role', async () => {
      for (const r of ROUTES.filter((r) => r.need !== 'self')) {
        const wrongRole = r.need === 'global' ? siteAdmin : r.need === 'admin' ? moderator : noRole;
        for (const [who, client] of [['moderator of another site', otherModerator], ['wrong role', wrongRole]] as const) {
          const res = await call(client, r);
          assert.equal(res.status, 403, `${label(r)} as ${who} → ${res.status} ${res.text}`);
          assert.equal(res.body.error.code, 'forbidden');
        }
      }
    });

    it('refuses a missing or wrong CSRF token on every state-changing route', async () => {
      for (const r of writes) {
        for (const csrf of [false, 'wrong-token-0123456789abcdef', global.csrf] as const) {
          const res = await moderator.request(r.method, r.url(f), r.body?.(f), { csrf });
          assert.equal(res.status, 403, `${label(r)} csrf=${csrf} → ${res.status}`);
          assert.equal(res.body.error.code, 'csrf_failed');
        }
      }
    });

    it('lets the right role through', async () => {
      for (const r of ROUTES.filter((r) => r.path !== '/api/v1/admin/session')) {
        const client = r.need === 'global' ? global : r.need === 'admin' ? siteAdmin : moderator;
        const res = r.harmless === undefined ? await call(client, r) : await client.request(r.method, r.url(f), r.harmless);
        assert.ok(res.status !== 401 && res.status !== 403, `${label(r)} → ${res.status} ${res.text}`);
        if (r.harmless !== undefined) assert.equal(res.status, 400, `${label(r)} harmless body → ${res.status} ${res.text}`);
        else if (r.refused) assert.equal(res.status, r.refused, `${label(r)} → ${res.status} ${res.text}`);
        else assert.ok(res.status < 300, `${label(r)} → ${res.status} ${res.text}`);
      }
      // Global admins are admins of every site.
      assert.equal((await global.request('GET', `/api/v1/admin/sites/${D}/settings`)).status, 200);
      assert.equal((await global.request('GET', '/api/v1/admin/sites/nowhere/settings')).status, 404);
      assert.equal((await moderator.request('GET', '/api/v1/admin/sites/nowhere/settings')).status, 403, 'others learn nothing of other sites');
    });
  });
}
