// Console sessions over HTTP, on SQLite and PostgreSQL: the cookie, sign-in answers that give
// nothing away, sign-out, expiry, rate limits, the first admin from the environment.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { createStaff, send, signIn, STAFF_PASSWORD, cookiesOf } from '../../test/helpers/admin.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`console sessions (${engine.name})`, () => {
    const h = useServer(engine);

    it('signs in with a session cookie the browser keeps from scripts and other sites', async () => {
      const user = await createStaff(h.server, [{ site: 'demo', role: 'moderator' }]);
      const res = await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email.toUpperCase(), password: STAFF_PASSWORD });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.user, { id: user.id, email: user.email, globalAdmin: false, roles: [{ site: 'demo', role: 'moderator' }] });
      assert.match(res.body.csrfToken, /^[A-Za-z0-9_-]{20,}$/);
      const [session, csrf] = res.headers.getSetCookie();
      assert.match(session!, /^colloquy_session=[A-Za-z0-9_-]{40,};/);
      for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Path=/api/v1/admin', 'Max-Age=43']) assert.ok(session!.includes(attribute), `${attribute} in ${session}`);
      assert.ok(!session!.includes('Secure'), 'no Secure over plain http (the browser would drop it)');
      assert.ok(csrf!.startsWith(`colloquy_csrf=${res.body.csrfToken};`) && !csrf!.includes('HttpOnly') && csrf!.includes('SameSite=Strict'));
      assert.equal(res.headers.get('cache-control'), 'no-store');
      // The token in the cookie is not what the database holds.
      const token = session!.split(';')[0]!.split('=')[1]!;
      const rows = await h.server.app.database.db.selectFrom('staff_sessions').selectAll().where('user_id', '=', user.id).execute();
      assert.equal(rows.length, 1);
      assert.ok(rows[0]!.token_hash !== token && !JSON.stringify(rows).includes(token));
    });

    it('answers a wrong password and an unknown e-mail alike', async () => {
      const user = await createStaff(h.server, 'global');
      const wrong = await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email, password: 'not the password at all' });
      const unknown = await send(h.server, 'POST', '/api/v1/admin/session', { email: 'nobody@staff.example', password: STAFF_PASSWORD });
      assert.equal(wrong.status, 401);
      assert.equal(unknown.status, 401);
      assert.deepEqual(wrong.body, unknown.body);
      assert.equal(wrong.body.error.code, 'invalid_credentials');
      assert.equal(wrong.headers.getSetCookie().length, 0);
    });

    it('knows the user at /me, and forgets them after sign-out (which needs the CSRF token)', async () => {
      const user = await createStaff(h.server, 'global');
      const client = await signIn(h.server, user.email);
      const me = await client.request('GET', '/api/v1/admin/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.email, user.email);
      assert.equal(me.body.user.globalAdmin, true);
      assert.equal(me.body.csrfToken, client.csrf);
      assert.equal((await send(h.server, 'GET', '/api/v1/admin/me')).status, 401);

      const noCsrf = await client.request('DELETE', '/api/v1/admin/session', undefined, { csrf: false });
      assert.equal(noCsrf.status, 403);
      assert.equal(noCsrf.body.error.code, 'csrf_failed');
      const out = await client.request('DELETE', '/api/v1/admin/session');
      assert.equal(out.status, 204);
      assert.ok(out.headers.getSetCookie().every((c) => c.includes('Max-Age=0')));
      const after = await client.request('GET', '/api/v1/admin/me');
      assert.equal(after.status, 401);
      assert.equal(after.body.error.code, 'unauthenticated');
    });

    it('ends sessions that expired or whose user was disabled', async () => {
      const db = h.server.app.database.db;
      const expired = await createStaff(h.server, 'global');
      const a = await signIn(h.server, expired.email);
      await db.updateTable('staff_sessions').set({ expires_at: Date.now() - 1 }).where('user_id', '=', expired.id).execute();
      assert.equal((await a.request('GET', '/api/v1/admin/me')).status, 401);
      const disabled = await createStaff(h.server, 'global');
      const b = await signIn(h.server, disabled.email);
      await db.updateTable('staff_users').set({ disabled: 1 }).where('id', '=', disabled.id).execute();
      assert.equal((await b.request('GET', '/api/v1/admin/me')).status, 401);
      assert.equal((await send(h.server, 'POST', '/api/v1/admin/session', { email: disabled.email, password: STAFF_PASSWORD })).status, 401);
    });

    it('refuses a CSRF token of another session, and cross-site requests even with the right one', async () => {
      const user = await createStaff(h.server, 'global');
      const mine = await signIn(h.server, user.email);
      const other = await signIn(h.server, user.email);
      const foreign = await mine.request('DELETE', '/api/v1/admin/session', undefined, { csrf: other.csrf });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.error.code, 'csrf_failed');
      const evil = await mine.request('DELETE', '/api/v1/admin/session', undefined, { headers: { origin: 'https://evil.example' } });
      assert.equal(evil.status, 403);
      assert.equal(evil.body.error.code, 'origin_not_allowed');
      const fetched = await mine.request('DELETE', '/api/v1/admin/session', undefined, { headers: { 'sec-fetch-site': 'cross-site' } });
      assert.equal(fetched.status, 403);
      const signInFromEvil = await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email, password: STAFF_PASSWORD }, { origin: 'https://evil.example' });
      assert.equal(signInFromEvil.status, 403, 'no sign-in forced from another site');
      const sameOrigin = await mine.request('DELETE', '/api/v1/admin/session', undefined, { headers: { origin: h.server.url } });
      assert.equal(sameOrigin.status, 204);
    });

    it('changes a password with the current one, signing out the other sessions', async () => {
      const user = await createStaff(h.server, 'global');
      const here = await signIn(h.server, user.email);
      const elsewhere = await signIn(h.server, user.email);
      const wrong = await here.request('PUT', '/api/v1/admin/me/password', { current: 'not it at all', password: 'a brand new passphrase' });
      assert.equal(wrong.status, 403);
      const weak = await here.request('PUT', '/api/v1/admin/me/password', { current: STAFF_PASSWORD, password: 'short' });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.error.field, 'password');
      assert.equal((await here.request('PUT', '/api/v1/admin/me/password', { current: STAFF_PASSWORD, password: 'a brand new passphrase' })).status, 204);
      assert.equal((await here.request('GET', '/api/v1/admin/me')).status, 200);
      assert.equal((await elsewhere.request('GET', '/api/v1/admin/me')).status, 401);
      assert.equal((await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email, password: STAFF_PASSWORD })).status, 401);
      await signIn(h.server, user.email, 'a brand new passphrase');
    });

    it('limits sign-in attempts per account (whatever the password) and per IP, with Retry-After', async () => {
      const user = await createStaff(h.server, 'global');
      for (let i = 0; i < 5; i++) {
        assert.equal((await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email, password: `guess number ${i}` })).status, 401);
      }
      const limited = await send(h.server, 'POST', '/api/v1/admin/session', { email: user.email, password: STAFF_PASSWORD });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      const unknown = await send(h.server, 'POST', '/api/v1/admin/session', { email: 'ghost@staff.example', password: 'x' });
      assert.equal(unknown.status, 401, 'another account is not limited by this one');

      // Per IP: many accounts from one address run into the IP's limit (20 in 15 minutes).
      let status = 0;
      for (let i = 0; i < 25 && status !== 429; i++) {
        status = (await send(h.server, 'POST', '/api/v1/admin/session', { email: `spray-${i}@staff.example`, password: 'spray' })).status;
      }
      assert.equal(status, 429);
    });
  });
}

describe('console sessions behind an https proxy, and the first admin from the environment', () => {
  const h = useServer(ENGINES[0]!, { TRUST_PROXY: 'true', ADMIN_EMAIL: 'Chief@Courier.example', ADMIN_PASSWORD: 'the chief editor passphrase' });

  it('creates the ADMIN_EMAIL admin at start, a global admin', async () => {
    const client = await signIn(h.server, 'chief@courier.example', 'the chief editor passphrase');
    const me = await client.request('GET', '/api/v1/admin/me');
    assert.equal(me.body.user.globalAdmin, true);
  });

  it('marks the cookies Secure when the request came over https', async () => {
    const res = await send(h.server, 'POST', '/api/v1/admin/session', { email: 'chief@courier.example', password: 'the chief editor passphrase' }, { 'x-forwarded-proto': 'https' });
    assert.equal(res.status, 200);
    const cookies = res.headers.getSetCookie();
    assert.equal(cookies.length, 2);
    for (const cookie of cookies) assert.match(cookie, /; Secure/);
    assert.ok(cookiesOf(res.headers).startsWith('colloquy_session='));
  });
});
