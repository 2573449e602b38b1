// A signed-in reader's "Notify of" data on SQLite and PostgreSQL: their subscriptions listed
// and cancelled on their profile (nobody else's), included in their export, and gone with
// their account, along with digest items held for them and e-mails not yet sent to them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { insertOutbox } from '../notify/outbox-store.ts';
import { newId } from '../platform/ids.ts';
import { SSO_SECRET, ssoSignIn } from './test-kit.ts';
import { issueToken } from './tokens.ts';

const DAY = 86_400_000;

for (const engine of ENGINES) {
  describe(`my notifications (${engine.name})`, () => {
    const h = useServer(engine, { SSO_SECRET });
    const db = () => h.server.app.database.db;

    /** A thread with a title and URL, and the reader subscribed to it and to replies anywhere. */
    async function subscribed(reader: Awaited<ReturnType<typeof ssoSignIn>>, site = 'demo') {
      const page = newPage();
      await h.api.comment({ site, page, title: `Article ${page}`, url: `https://publisher.example/${page}`, body: 'first', name: 'Someone' });
      const res = await h.api.request('POST', '/api/v1/subscriptions', { body: { site, page, kind: 'both' }, headers: reader.headers });
      assert.equal(res.status, 201, res.text);
      return page;
    }
    const mine = (headers: Record<string, string>) => h.api.request('GET', '/api/v1/me/subscriptions', { headers });

    it('lists the reader’s own subscriptions, per thread and global, with the thread’s title and link', async () => {
      const me = await ssoSignIn(h.api, { email: 'lister@readers.example' });
      const other = await ssoSignIn(h.api, { email: 'other-lister@readers.example' });
      const page = await subscribed(me);
      await subscribed(other);
      const res = await mine(me.headers);
      assert.equal(res.status, 200, res.text);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const subs = res.body.subscriptions.map((s: any) => [s.kind, s.page, s.title, s.url, s.mode, s.confirmed]);
      assert.deepEqual(subs.sort(), [
        ['replies', null, null, null, 'immediate', true],
        ['thread', page, `Article ${page}`, `https://publisher.example/${page}`, 'immediate', true],
      ]);
      assert.ok(!res.text.includes('other-lister'), 'another reader’s subscriptions leaked');
    });

    it('cancels one subscription for its owner only; others get 404 and change nothing', async () => {
      const me = await ssoSignIn(h.api, { email: 'canceller@readers.example' });
      const other = await ssoSignIn(h.api, { email: 'intruder@readers.example' });
      await subscribed(me);
      const [thread, replies] = ((await mine(me.headers)).body.subscriptions as any[]).sort((a, b) => (a.kind < b.kind ? 1 : -1));
      assert.equal(thread.kind, 'thread');

      const stolen = await h.api.request('DELETE', `/api/v1/me/subscriptions/${thread.id}`, { headers: other.headers });
      assert.equal(stolen.status, 404);
      assert.equal(stolen.body.error.code, 'subscription_not_found');
      const anonymous = await h.api.request('DELETE', `/api/v1/me/subscriptions/${thread.id}`);
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'sign_in_required');
      assert.equal((await h.api.request('GET', '/api/v1/me/subscriptions')).status, 401);
      assert.equal((await h.api.request('DELETE', '/api/v1/me/subscriptions/not-an-id', { headers: me.headers })).status, 400);
      assert.equal((await mine(me.headers)).body.subscriptions.length, 2, 'refused requests changed nothing');

      const done = await h.api.request('DELETE', `/api/v1/me/subscriptions/${thread.id}`, { headers: me.headers });
      assert.equal(done.status, 200, done.text);
      assert.deepEqual((await mine(me.headers)).body.subscriptions.map((s: any) => s.id), [replies.id]);
      assert.equal((await h.api.request('DELETE', `/api/v1/me/subscriptions/${thread.id}`, { headers: me.headers })).status, 404, 'gone is gone');
    });

    it('shows none for an account without an address (SSO without e-mail)', async () => {
      const anon = await ssoSignIn(h.api, { email: undefined, sub: `no-mail-${Date.now()}` });
      assert.equal(anon.account.email, null);
      assert.deepEqual((await mine(anon.headers)).body, { subscriptions: [] });
    });

    it('exports the subscriptions with the rest of the reader’s data', async () => {
      const me = await ssoSignIn(h.api, { email: 'export-subs@readers.example' });
      const other = await ssoSignIn(h.api, { email: 'export-other@readers.example' });
      const page = await subscribed(me);
      await subscribed(other);
      const res = await h.api.request('GET', '/api/v1/me/export', { headers: me.headers });
      assert.equal(res.status, 200);
      const { notifications } = res.body;
      assert.equal(notifications.address.email, 'export-subs@readers.example');
      assert.deepEqual(notifications.subscriptions.map((s: any) => [s.kind, s.page]).sort(), [['replies', null], ['thread', page]]);
      assert.ok(!res.text.includes('export-other'));
    });

    it('deleting the account forgets its subscriptions, held digest items and unsent e-mails, and nobody else’s', async () => {
      await h.addSite('elsewhere', ['https://elsewhere.example']);
      const email = 'forget-me@readers.example';
      const me = await ssoSignIn(h.api, { email });
      const other = await ssoSignIn(h.api, { email: 'stays@readers.example' });
      await subscribed(me);
      await subscribed(other);
      const sameAddressElsewhere = await ssoSignIn(h.api, { email, aud: 'elsewhere' }, 'elsewhere');
      await subscribed(sameAddressElsewhere, 'elsewhere');
      const recipient = async (site: string, address: string) =>
        (await db().selectFrom('notify_recipients').select('id').where('site_id', '=', site).where('email_lower', '=', address).executeTakeFirstOrThrow()).id;
      const mineId = await recipient('demo', email);
      const otherId = await recipient('demo', 'stays@readers.example');
      const elsewhereId = await recipient('elsewhere', email);

      // Held for tomorrow's digest, and mails still waiting in the outbox (due tomorrow, so the worker leaves them).
      const at = Date.now();
      for (const rid of [mineId, otherId, elsewhereId]) {
        await db().insertInto('digest_items').values({ id: newId(), site_id: 'demo', recipient_id: rid, comment_id: newId(), kind: 'comment', day: '2099-01-01', payload: '{}', created_at: at }).execute();
      }
      // A sign-in link asked for and not yet mailed.
      const { id: linkId, hash } = issueToken(at);
      await db().insertInto('magic_links').values({ id: linkId, site_id: 'demo', email, email_lower: email, name: null, token_hash: hash, created_at: at, expires_at: at + 600_000, used_at: null }).execute();
      const later = { notBefore: at + DAY };
      const mail = (to: string, key: string) => insertOutbox(db(), { kind: 'email', dedupeKey: `email:${key}`, payload: { to, subject: key, text: key, html: key, headers: {} }, ...later }, at);
      // A comment of theirs held for moderation: its "approved" e-mail may be queued; one elsewhere too.
      const held = await h.api.post({ page: newPage(), body: 'you idiot, held', headers: me.headers });
      const heldElsewhere = await h.api.post({ site: 'elsewhere', page: newPage(), body: 'you idiot, held there', headers: sameAddressElsewhere.headers });
      assert.deepEqual([held.body.status, heldElsewhere.body.status], ['pending', 'pending']);
      const gone = [`comment:C1:${mineId}`, `digest:${mineId}:2099-01-01`, `magic-link:${linkId}`, `approved:${held.body.comment.id}`, 'confirm:HASH-OF-MINE'];
      const kept = [`comment:C1:${otherId}`, `comment:C1:${elsewhereId}`, `digest:${elsewhereId}:2099-01-01`, `approved:${heldElsewhere.body.comment.id}`, 'support-thanks:E1'];
      for (const key of gone.slice(0, 4)) await mail(email, key);
      await db().updateTable('subscriptions').set({ confirm_hash: 'HASH-OF-MINE' }).where('recipient_id', '=', mineId).execute();
      await mail(email, 'confirm:HASH-OF-MINE');
      await mail('stays@readers.example', kept[0]);
      await mail(email, kept[1]);
      await mail(email, kept[2]);
      await mail(email, kept[3]);
      await mail(email, kept[4]);

      const res = await h.api.request('DELETE', '/api/v1/me', { headers: me.headers });
      assert.equal(res.status, 200, res.text);

      assert.equal((await db().selectFrom('subscriptions').select('id').where('recipient_id', '=', mineId).execute()).length, 0);
      assert.equal(await db().selectFrom('notify_recipients').select('id').where('id', '=', mineId).executeTakeFirst(), undefined, 'the address is forgotten');
      assert.deepEqual((await db().selectFrom('digest_items').select('recipient_id').execute()).map((r) => r.recipient_id).sort(), [otherId, elsewhereId].sort());
      const keys = (await db().selectFrom('outbox').select('dedupe_key').where('sent_at', 'is', null).execute()).map((r) => r.dedupe_key.slice('email:'.length));
      for (const key of gone) assert.ok(!keys.includes(key), `unsent ${key} survived`);
      for (const key of kept) assert.ok(keys.includes(key), `${key} was deleted but is not the reader’s on this site`);
      // The other reader and the same address on another site are untouched.
      assert.equal((await mine(other.headers)).body.subscriptions.length, 2);
      assert.equal((await mine(sameAddressElsewhere.headers)).body.subscriptions.length, 2);
    });
  });
}
