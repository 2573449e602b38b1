// SSO replay blocking and short lifetimes, on SQLite and PostgreSQL: a token with a jti is
// exchanged once, on whichever node it reaches; a replay is a clear 401 that makes no session.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { startServer, type TestServer } from '../../test/helpers/server.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';
import { signHs, SSO_SECRET } from './test-kit.ts';

for (const engine of ENGINES) {
  describe(`SSO replay blocking (${engine.name})`, () => {
    let database: TestDatabase;
    // Two nodes on one database, as behind a load balancer.
    let one: TestServer;
    let two: TestServer;

    before(async () => {
      database = await engine.create();
      one = await startServer({ SSO_SECRET }, database);
      two = await startServer({ SSO_SECRET }, database);
    });
    after(async () => {
      await one?.stop();
      await two?.stop();
      await database?.drop();
    });

    const exchange = async (node: TestServer, token: string, site = 'demo') => {
      const res = await fetch(`${node.url}/api/v1/auth/sso`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site, token }) });
      return { status: res.status, body: (await res.json()) as any };
    };
    const count = async (table: 'sessions' | 'accounts') =>
      Number((await one.app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('exchanges a token with a jti once; the replay, on another node, is 401 and makes no session', async () => {
      const token = await signHs({ sub: 'replay-1', name: 'Replayed', aud: 'demo', jti: randomUUID() });
      const first = await exchange(one, token);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const sessions = await count('sessions');
      for (const node of [two, one]) {
        const again = await exchange(node, token);
        assert.equal(again.status, 401);
        assert.equal(again.body.error.code, 'sso_token_replayed');
        assert.equal(again.body.error.field, 'token');
        assert.match(again.body.error.message, /used already/);
        assert.equal(again.body.token, undefined);
      }
      assert.equal(await count('sessions'), sessions, 'a replay made a session');
    });

    it('lets exactly one of two simultaneous exchanges of the same token win', async () => {
      const token = await signHs({ sub: 'replay-race', name: 'Racer', aud: 'demo', jti: randomUUID() });
      const results = await Promise.all([exchange(one, token), exchange(two, token), exchange(one, token), exchange(two, token)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 401, 401, 401]);
    });

    it('keeps the jti per site and per token: another jti for the same user works', async () => {
      const jti = randomUUID();
      assert.equal((await exchange(one, await signHs({ sub: 'replay-2', name: 'A', aud: 'demo', jti }))).status, 200);
      // Another site's token with the same id is another token.
      await createSiteService(createSiteStore(one.app.database.db)).ensure('replay-other', 'Other', ['https://other.example']);
      assert.equal((await exchange(one, await signHs({ sub: 'replay-2', name: 'A', aud: 'replay-other', jti }), 'replay-other')).status, 200);
      assert.equal((await exchange(one, await signHs({ sub: 'replay-2', name: 'A', aud: 'demo', jti: randomUUID() }))).status, 200);
      // The same jti signed anew (another iat) is still the same token id: refused.
      const reissued = await exchange(one, await signHs({ sub: 'replay-2', name: 'A', aud: 'demo', jti, iat: Math.floor(Date.now() / 1000) - 5 }));
      assert.equal(reissued.body.error?.code, 'sso_token_replayed');
    });

    it('refuses a jti that is not a short string, making nothing', async () => {
      const accounts = await count('accounts');
      for (const jti of [42, '', 'x'.repeat(256), 'line\nbreak'] as unknown[]) {
        const res = await exchange(one, await signHs({ sub: 'replay-3', name: 'B', aud: 'demo', jti: jti as string }));
        assert.equal(res.status, 400, JSON.stringify(jti));
        assert.equal(res.body.error.code, 'invalid_claim');
        assert.match(res.body.error.message, /"jti"/);
      }
      assert.equal(await count('accounts'), accounts);
    });

    it('refuses tokens that expire more than SSO_MAX_LIFETIME (10 minutes) ahead, or never', async () => {
      const now = Math.floor(Date.now() / 1000);
      const tooLong = await exchange(one, await signHs({ sub: 'replay-4', name: 'C', aud: 'demo', iat: now, exp: now + 11 * 60, jti: randomUUID() }));
      assert.equal(tooLong.status, 401);
      assert.match(tooLong.body.error.message, /lives 660 s; at most 600 s/);
      const backdated = await exchange(one, await signHs({ sub: 'replay-4', name: 'C', aud: 'demo', iat: now - 3600, exp: now + 60 }));
      assert.equal(backdated.status, 401, 'an old iat cannot stretch the lifetime');
      const { SignJWT } = await import('jose');
      const forever = await new SignJWT({ sub: 'replay-4', name: 'C', aud: 'demo', iat: now, jti: randomUUID() }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SSO_SECRET));
      const never = await exchange(one, forever);
      assert.equal(never.status, 401);
      assert.match(never.body.error.message, /"exp" is missing/);
    });

    it('sweeps jtis of tokens long expired, and keeps those still valid', async () => {
      const db = one.app.database.db;
      const hourAgo = Date.now() - 3_600_000;
      await db.insertInto('sso_used_tokens').values({ site_id: 'demo', jti: 'long-expired', expires_at: hourAgo }).execute();
      // A fresh node sweeps on its first claim.
      const three = await startServer({ SSO_SECRET }, database);
      try {
        const live = randomUUID();
        assert.equal((await exchange(three, await signHs({ sub: 'replay-5', name: 'D', aud: 'demo', jti: live }))).status, 200);
        const left = (await db.selectFrom('sso_used_tokens').select('jti').execute()).map((r) => r.jti);
        assert.ok(!left.includes('long-expired'), 'the expired jti was swept');
        assert.ok(left.includes(live));
      } finally {
        await three.stop();
      }
    });
  });
}
