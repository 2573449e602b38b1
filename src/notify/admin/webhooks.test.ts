// The webhook and outbox admin API on SQLite and PostgreSQL, against a local receiver: a site
// admin adds an endpoint (https only, http to localhost outside production), sees the secret
// once, sees each delivery's state, sends a test event, rotates the secret, switches the
// endpoint off; a global admin sees the outbox and retries what failed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newPage, SITE } from '../../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { useServer } from '../../../test/helpers/suite.ts';
import { startReceiver, verify, type Receiver } from '../../../test/helpers/webhook-receiver.ts';
import { insertOutbox } from '../outbox-store.ts';

const waitFor = async (predicate: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; !(await predicate()); i++) {
    if (i > 400) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

for (const engine of ENGINES) {
  describe(`webhook and outbox admin API (${engine.name})`, () => {
    const h = useServer(engine, { OUTBOX_RETRY_SECONDS: '1' });
    let receiver: Receiver;
    let admin: AdminClient;
    let global: AdminClient;
    before(async () => {
      receiver = await startReceiver();
      ({ client: admin } = await staffClient(h.server, [{ site: SITE, role: 'admin' }], 'hooks'));
      ({ client: global } = await staffClient(h.server, 'global', 'root'));
    });
    after(async () => receiver?.close());

    let endpoint: { id: string };
    let secret: string;
    const deliveries = async () => (await admin.request('GET', `/api/v1/admin/webhooks/${endpoint.id}/deliveries`)).body.deliveries as Array<Record<string, any>>;

    test('an endpoint needs https (or http to localhost here), known events, once each; bad input adds nothing', async () => {
      const cases: Array<[object, string]> = [
        [{ site: SITE, url: 'http://hooks.example/x', events: ['comment.created'] }, 'url'],
        [{ site: SITE, url: 'https://user:pw@hooks.example/x', events: ['comment.created'] }, 'url'],
        [{ site: SITE, url: 'javascript:alert(1)', events: ['comment.created'] }, 'url'],
        [{ site: SITE, url: 'https://hooks.example/x', events: ['comment.voted'] }, 'events'],
        [{ site: SITE, url: 'https://hooks.example/x', events: [] }, 'events'],
      ];
      for (const [body, field] of cases) {
        const res = await admin.request('POST', '/api/v1/admin/webhooks', body);
        assert.equal(res.status, 400, `${JSON.stringify(body)} → ${res.status}`);
        assert.match(res.body.error.field, new RegExp(`^/?${field}`));
      }
      assert.deepEqual((await admin.request('GET', `/api/v1/admin/webhooks?site=${SITE}`)).body.endpoints, []);

      const created = await admin.request('POST', '/api/v1/admin/webhooks', { site: SITE, url: receiver.url, events: ['comment.created', 'comment.approved'] });
      assert.equal(created.status, 201, created.text);
      assert.match(created.body.secret, /^whsec_/);
      ({ endpoint, secret } = created.body);
      const listed = await admin.request('GET', `/api/v1/admin/webhooks?site=${SITE}`);
      assert.equal(listed.body.endpoints.length, 1);
      assert.deepEqual(listed.body.endpoints[0].events, ['comment.created', 'comment.approved']);
      assert.ok(!listed.text.includes(secret), 'the secret is shown once');
    });

    test('a posted comment is delivered, signed; the log shows each delivery, failures with the code and the next retry', async () => {
      receiver.fail(1, 500);
      const c = await h.api.comment({ page: newPage('hook'), body: 'Delivered to the publisher' });
      await waitFor(async () => (await deliveries()).some((d) => d.state === 'pending' && d.statusCode === 500), 'a failed attempt');
      const failing = (await deliveries())[0]!;
      assert.equal(failing.event, 'comment.created');
      assert.equal(failing.attempts, 1);
      assert.equal(failing.lastError, `webhook to ${receiver.url}: HTTP 500`);
      assert.ok(Date.parse(failing.nextRetryAt) > Date.parse(failing.lastAttemptAt));
      await waitFor(async () => (await deliveries())[0]!.state === 'delivered', 'the retry');
      const done = (await deliveries())[0]!;
      assert.deepEqual([done.state, done.attempts, done.statusCode, done.nextRetryAt], ['delivered', 2, 204, null]);
      const hit = receiver.of('comment.created').at(-1)!;
      assert.equal(JSON.parse(hit.body).data.comment.id, c.id);
      assert.ok(verify(secret, String(hit.headers['colloquy-signature']), hit.body));
    });

    test('a test event is signed with the rotated secret; a switched-off endpoint hears nothing more', async () => {
      const rotated = await admin.request('POST', `/api/v1/admin/webhooks/${endpoint.id}/secret`);
      assert.equal(rotated.status, 200);
      assert.notEqual(rotated.body.secret, secret);
      const sent = await admin.request('POST', `/api/v1/admin/webhooks/${endpoint.id}/test`);
      assert.equal(sent.status, 202);
      await waitFor(() => receiver.of('webhook.test').length === 1, 'the test event');
      const hit = receiver.of('webhook.test')[0]!;
      assert.ok(verify(rotated.body.secret, String(hit.headers['colloquy-signature']), hit.body));
      assert.ok(!verify(secret, String(hit.headers['colloquy-signature']), hit.body), 'the old secret no longer signs');
      await waitFor(async () => (await deliveries()).find((d) => d.id === sent.body.deliveryId)?.state === 'delivered', 'the test delivery logged');

      const off = await admin.request('PATCH', `/api/v1/admin/webhooks/${endpoint.id}`, { active: false });
      assert.equal(off.body.endpoint.active, false);
      const count = receiver.hits.length;
      await h.api.comment({ page: newPage('quiet'), body: 'Nobody listens' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(receiver.hits.length, count);
      const bad = await admin.request('PATCH', `/api/v1/admin/webhooks/${endpoint.id}`, { url: 'http://elsewhere.example/' });
      assert.equal(bad.status, 400);
      assert.equal((await admin.request('GET', `/api/v1/admin/webhooks?site=${SITE}`)).body.endpoints[0].url, receiver.url, 'a refused change changes nothing');

      // Every change is in the audit log (the refused one is not), and no secret ever is.
      const audit = await admin.request('GET', `/api/v1/admin/audit?site=${SITE}&target=${endpoint.id}&action=webhook`);
      assert.equal(audit.status, 200, audit.text);
      assert.deepEqual(audit.body.entries.map((e: { action: string }) => e.action).reverse(), ['webhook.create', 'webhook.rotate-secret', 'webhook.update']);
      const switchedOff = audit.body.entries.find((e: { action: string }) => e.action === 'webhook.update');
      assert.equal(switchedOff.before.active, true);
      assert.equal(switchedOff.after.active, false);
      assert.doesNotMatch(audit.text, new RegExp(`${secret}|${rotated.body.secret}`));
    });

    test('the outbox overview counts and lists failures; a failed item is retried from scratch; others are refused', async () => {
      const { db } = h.server.app.database;
      await insertOutbox(db, { kind: 'email', dedupeKey: `given-up-${engine.name}`, payload: { to: 'gone@example.com', subject: 'Lost <mail>' }, notBefore: Date.now() + 86_400_000 });
      const row = (await h.server.app.notify.outbox.byKey(`given-up-${engine.name}`))!;
      await db.updateTable('outbox').set({ failed_at: Date.now(), attempts: 12, last_error: '550 Mailbox unavailable' }).where('id', '=', row.id).execute();

      const overview = await global.request('GET', '/api/v1/admin/outbox');
      assert.equal(overview.status, 200);
      assert.equal(overview.body.counts.failed, 1);
      const [failed] = overview.body.failed;
      assert.deepEqual([failed.id, failed.kind, failed.state, failed.summary, failed.attempts, failed.lastError], [row.id, 'email', 'failed', 'gone@example.com: Lost <mail>', 12, '550 Mailbox unavailable']);
      assert.equal((await admin.request('GET', '/api/v1/admin/outbox')).status, 403, 'site admins do not see every site’s mail');

      const retried = await global.request('POST', `/api/v1/admin/outbox/${row.id}/retry`);
      assert.equal(retried.status, 200, retried.text);
      assert.equal(retried.body.item.attempts, 0);
      assert.notEqual(retried.body.item.state, 'failed');
      assert.equal((await global.request('GET', '/api/v1/admin/outbox')).body.counts.failed, 0);
      assert.equal((await global.request('POST', `/api/v1/admin/outbox/${row.id}/retry`)).status, 409);
      assert.equal((await global.request('POST', '/api/v1/admin/outbox/0000000000000000/retry')).status, 404);
    });
  });
}
