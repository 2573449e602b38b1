// Publisher SSO on SQLite and PostgreSQL: good tokens map to accounts; forged, stale or
// confused ones are refused with a reason and change nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { newKeyPair, signHs, signWith, SSO_SECRET, ssoSignIn, startJwksServer, unsigned, type KeyPair } from './test-kit.ts';

const SITE_SECRET = 'a-different-secret-for-the-news-site-only-0123456789';

for (const engine of ENGINES) {
  describe(`publisher SSO (${engine.name})`, () => {
    const h = useServer(engine, { SSO_SECRET, SSO_SECRET_NEWS_SITE: SITE_SECRET, SSO_JWKS_COOLDOWN: '0' });
    let jwks: Awaited<ReturnType<typeof startJwksServer>>;
    let first: KeyPair;

    before(async () => {
      first = await newKeyPair('key-1');
      jwks = await startJwksServer([first]);
      await h.addSite('keyed', ['https://keyed.example'], { ssoJwksUrl: jwks.url });
      await h.addSite('news-site', ['https://news.example']);
    });
    after(() => jwks?.close());

    const sso = (token: string, site = 'demo') => h.api.request('POST', '/api/v1/auth/sso', { body: { site, token } });
    const accounts = async () => Number((await h.server.app.database.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    async function refused(token: string, reason: RegExp, site = 'demo', status = 401) {
      const before = await accounts();
      const res = await sso(token, site);
      assert.equal(res.status, status, res.text);
      assert.equal(res.body.error.field, 'token');
      assert.match(res.body.error.message, reason);
      assert.equal(res.body.token, undefined);
      assert.equal(await accounts(), before, 'a refused token made an account');
      return res;
    }

    it('maps a valid HS256 token to an account and a bearer token that signs comments', async () => {
      const token = await signHs({ sub: 'wp-17', name: 'Ada Lovelace', email: 'Ada@Example.com', role: 'moderator', aud: 'demo' });
      const res = await sso(token);
      assert.equal(res.status, 200, res.text);
      assert.match(res.body.token, /^[0-9A-Z]{16}\.[A-Za-z0-9_-]{43}$/);
      assert.ok(Date.parse(res.body.expiresAt) > Date.now() + 29 * 86_400_000);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual([res.body.account.name, res.body.account.email, res.body.account.role, res.body.account.sso], ['Ada Lovelace', 'Ada@Example.com', 'moderator', true]);
      const profile = await h.api.request('GET', '/api/v1/me/profile', { headers: { authorization: `Bearer ${res.body.token}` } });
      assert.equal(profile.status, 200);
      assert.equal(profile.body.id, res.body.account.id);
    });

    it('updates the same account on the next sign-in, and its comments follow the new name', async () => {
      const page = newPage();
      const one = await ssoSignIn(h.api, { sub: 'wp-renamed', name: 'Old Name' });
      await h.api.comment({ page, headers: one.headers });
      const two = await ssoSignIn(h.api, { sub: 'wp-renamed', name: 'New Name', avatar: 'https://cdn.publisher.example/u/9.png' });
      assert.equal(two.account.id, one.account.id);
      const list = await h.api.list(page);
      assert.equal(list.body.comments[0].author.name, 'New Name');
      assert.equal(list.body.comments[0].author.avatar, 'https://cdn.publisher.example/u/9.png');
    });

    it('uses SSO_SECRET_<SITE> for that site and refuses the shared secret there', async () => {
      const own = await sso(await signHs({ sub: 'n1', name: 'N', aud: 'news-site' }, SITE_SECRET), 'news-site');
      assert.equal(own.status, 200, own.text);
      await refused(await signHs({ sub: 'n2', name: 'N', aud: 'news-site' }), /signature/, 'news-site');
    });

    it('refuses a token signed with the wrong key', async () => {
      await refused(await signHs({ sub: 'x', name: 'X', aud: 'demo' }, 'not-the-secret-but-just-as-long-as-the-real-one-0000'), /signature does not match/);
    });

    it('refuses alg none, and algorithms it does not accept', async () => {
      await refused(unsigned({ sub: 'x', name: 'X', aud: 'demo' }), /algorithm "none" is not accepted/);
      const hs512 = await new SignJWT({ sub: 'x', name: 'X', aud: 'demo', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })
        .setProtectedHeader({ alg: 'HS512' })
        .sign(new TextEncoder().encode(SSO_SECRET));
      await refused(hs512, /algorithm "HS512" is not accepted/);
    });

    it('refuses a token for another audience, or none', async () => {
      await refused(await signHs({ sub: 'x', name: 'X', aud: 'news-site' }), /audience/);
      await refused(await signHs({ sub: 'x', name: 'X' }), /audience|"aud"/);
    });

    it('refuses expired tokens, tokens that live too long, and tokens from the future', async () => {
      const now = Math.floor(Date.now() / 1000);
      await refused(await signHs({ sub: 'x', name: 'X', aud: 'demo', iat: now - 400, exp: now - 100 }), /expired/);
      await refused(await signHs({ sub: 'x', name: 'X', aud: 'demo', iat: now, exp: now + 86_400 }), /lives 86400 s; at most 600 s/);
      await refused(await signHs({ sub: 'x', name: 'X', aud: 'demo', iat: now + 3600, exp: now + 3700 }), /future|not valid/);
    });

    it('refuses tokens missing sub, name, exp or iat', async () => {
      const now = Math.floor(Date.now() / 1000);
      const secret = new TextEncoder().encode(SSO_SECRET);
      const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      await refused(await sign({ name: 'X', aud: 'demo', iat: now, exp: now + 60 }), /"sub" is missing/);
      await refused(await sign({ sub: 'x', aud: 'demo', iat: now, exp: now + 60 }), /"name" is missing/);
      await refused(await sign({ sub: 'x', name: 'X', aud: 'demo', iat: now }), /"exp" is missing/);
      await refused(await sign({ sub: 'x', name: 'X', aud: 'demo', exp: now + 60 }), /"iat" is missing/);
    });

    it('refuses tokens that are not JWTs at all', async () => {
      for (const junk of ['not-a-jwt', 'a.b.c', `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.e30.`, '....']) await refused(junk, /not a well-formed|not accepted|signature/);
    });

    it('cleans names and refuses e-mail claims that would inject mail headers', async () => {
      const { account } = await ssoSignIn(h.api, { sub: 'inject-1', name: 'Eve\r\nBcc: all@victims.example\u202e' });
      assert.equal(account.name, 'Eve Bcc: all@victims.example');
      for (const email of ['eve@example.com\r\nBcc: all@victims.example', 'eve@example.com, all@victims.example', '"Eve" <eve@example.com>', 'eve@example.com\nSubject: hi']) {
        const res = await refused(await signHs({ sub: 'inject-2', name: 'Eve', email, aud: 'demo' }), /"email"/, 'demo', 400);
        assert.equal(res.body.error.code, 'invalid_claim');
      }
      await refused(await signHs({ sub: 'inject-3', name: 'Eve', role: 'superuser', aud: 'demo' }), /"role"/, 'demo', 400);
      await refused(await signHs({ sub: 'inject-4', name: 'Eve', avatar: 'javascript:alert(1)', aud: 'demo' }), /"avatar"/, 'demo', 400);
    });

    it('answers 404 for an unknown site', async () => {
      const unknown = await sso(await signHs({ sub: 'x', name: 'X', aud: 'nowhere' }), 'nowhere');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'site_not_found');
    });

    it('accepts RS256 and ES256 tokens signed by a key in the site’s JWKS', async () => {
      const rs = await sso(await signWith(first.privateKey, 'RS256', first.kid, { sub: 'k1', name: 'Keyed', aud: 'keyed' }), 'keyed');
      assert.equal(rs.status, 200, rs.text);
      const ec = await newKeyPair('ec-1', 'ES256');
      jwks.state.keys = [first, ec];
      const es = await sso(await signWith(ec.privateKey, 'ES256', ec.kid, { sub: 'k2', name: 'Keyed EC', aud: 'keyed' }), 'keyed');
      assert.equal(es.status, 200, es.text);
    });

    it('follows key rotation: a new key id is fetched, a retired key is refused', async () => {
      const second = await newKeyPair('key-2');
      jwks.state.keys = [second];
      const fetches = jwks.state.fetches;
      const fresh = await sso(await signWith(second.privateKey, 'RS256', second.kid, { sub: 'k3', name: 'Rotated', aud: 'keyed' }), 'keyed');
      assert.equal(fresh.status, 200, fresh.text);
      assert.ok(jwks.state.fetches > fetches, 'the new key id made the server fetch the JWKS again');
      await refused(await signWith(first.privateKey, 'RS256', first.kid, { sub: 'k4', name: 'Retired', aud: 'keyed' }), /no key in the site's JWKS/, 'keyed');
      jwks.state.keys = [first, second];
    });

    it('refuses HS256 tokens made with the public key as secret (algorithm confusion)', async () => {
      const publicPem = JSON.stringify(first.publicJwk);
      await refused(await signHs({ sub: 'k5', name: 'Confused', aud: 'keyed' }, publicPem), /signature|not accepted/, 'keyed');
      await refused(await signHs({ sub: 'k6', name: 'Confused', aud: 'keyed' }, publicPem, { kid: first.kid }), /signature|not accepted/, 'keyed');
      // And a key from the JWKS never checks a token from another site.
      await refused(await signWith(first.privateKey, 'RS256', first.kid, { sub: 'k7', name: 'Elsewhere', aud: 'demo' }), /not accepted/);
    });
  });

  describe(`publisher SSO without any key configured (${engine.name})`, () => {
    const h = useServer(engine);

    it('answers 403 sso_not_configured and makes no account', async () => {
      const res = await h.api.request('POST', '/api/v1/auth/sso', { body: { site: 'demo', token: await signHs({ sub: 'x', name: 'X', aud: 'demo' }) } });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'sso_not_configured');
      const n = await h.server.app.database.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(n.n), 0);
    });
  });
}
