// Bearer tokens on SQLite and PostgreSQL: scoped to their site, expiring, revocable one at a
// time or all at once; malformed or tampered ones are refused, never taken for a guest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { SSO_SECRET, ssoSignIn } from './test-kit.ts';

for (const engine of ENGINES) {
  describe(`bearer sessions (${engine.name})`, () => {
    const h = useServer(engine, { SSO_SECRET });
    const profile = (headers: Record<string, string>) => h.api.request('GET', '/api/v1/me/profile', { headers });

    it('asks for a sign-in when no token is sent', async () => {
      const res = await profile({});
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'sign_in_required');
      assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    });

    it('refuses malformed, tampered and unknown tokens with 401 invalid_token', async () => {
      const { bearer } = await ssoSignIn(h.api);
      const last = bearer.at(-1) === 'A' ? 'B' : 'A';
      for (const authorization of [
        'Bearer', 'Bearer ', `Basic ${bearer}`, `Token ${bearer}`, `Bearer ${bearer} extra`, `Bearer ${bearer.slice(0, -1)}${last}`,
        `Bearer ${bearer.split('.')[0]}`, 'Bearer 0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', `Bearer ${'x'.repeat(5000)}`,
      ]) {
        const res = await profile({ authorization });
        assert.equal(res.status, 401, authorization.slice(0, 80));
        assert.equal(res.body.error.code, 'invalid_token');
        assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
      }
      assert.equal((await profile({ authorization: `bearer ${bearer}` })).status, 200, 'the scheme is case-insensitive');
    });

    it('refuses a bad token on comment writes rather than posting as a guest', async () => {
      const page = newPage();
      const res = await h.api.post({ page, headers: { authorization: 'Bearer 0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } });
      assert.equal(res.status, 401);
      assert.equal((await h.api.list(page)).body.comments.length, 0);
    });

    it('signs out one token, leaving the others working', async () => {
      const one = await ssoSignIn(h.api, { sub: 'two-devices' });
      const two = await ssoSignIn(h.api, { sub: 'two-devices' });
      const out = await h.api.request('DELETE', '/api/v1/auth/session', { headers: one.headers });
      assert.deepEqual([out.status, out.body.revoked], [200, 1]);
      assert.equal((await profile(one.headers)).status, 401);
      assert.equal((await profile(two.headers)).status, 200);
      assert.equal((await h.api.request('DELETE', '/api/v1/auth/session', { headers: one.headers })).status, 401, 'a revoked token cannot sign out again');
    });

    it('signs out everywhere: every token of the account stops working, other accounts do not', async () => {
      const devices = [await ssoSignIn(h.api, { sub: 'everywhere' }), await ssoSignIn(h.api, { sub: 'everywhere' }), await ssoSignIn(h.api, { sub: 'everywhere' })];
      const bystander = await ssoSignIn(h.api);
      const out = await h.api.request('DELETE', '/api/v1/auth/sessions', { headers: devices[1].headers });
      assert.deepEqual([out.status, out.body.revoked], [200, 3]);
      for (const device of devices) assert.equal((await profile(device.headers)).status, 401);
      assert.equal((await profile(bystander.headers)).status, 200);
      const page = newPage();
      assert.equal((await h.api.post({ page, headers: devices[0].headers })).status, 401);
    });

    it('refuses an expired token', async () => {
      const { bearer, headers } = await ssoSignIn(h.api);
      await h.server.app.database.db.updateTable('sessions').set({ expires_at: Date.now() - 1 }).where('id', '=', bearer.split('.')[0]).execute();
      const res = await profile(headers);
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'invalid_token');
    });

    it('stores only a hash of the token', async () => {
      const { bearer } = await ssoSignIn(h.api);
      const [id, secret] = bearer.split('.');
      const row = await h.server.app.database.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.notEqual(row.token_hash, secret);
      assert.ok(!JSON.stringify(row).includes(secret));
    });

    it('keeps a token to its site: another site refuses it, and so does a page the site does not allow', async () => {
      await h.addSite('other', ['https://other.example']);
      const { headers } = await ssoSignIn(h.api);
      const elsewhere = await h.api.post({ site: 'other', page: newPage(), headers });
      assert.equal(elsewhere.status, 401);
      assert.equal(elsewhere.body.error.code, 'invalid_token');
      const evil = await profile({ ...headers, origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.body.error.code, 'origin_not_allowed');
      assert.equal((await profile({ ...headers, origin: 'https://publisher.example' })).status, 200);
    });
  });
}
