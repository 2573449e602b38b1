// Sign-in by e-mailed link on SQLite and PostgreSQL, end to end through the outbox: the link
// arrives, works once and in time, cannot be sent anywhere the site does not list, and
// asking never tells whether an address has an account.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

for (const engine of ENGINES) {
  describe(`magic-link sign-in (${engine.name})`, () => {
    const h = useServer(engine);
    const db = () => h.server.app.database.db;
    const ask = (body: Record<string, unknown>, headers: Record<string, string> = {}) => h.api.request('POST', '/api/v1/auth/magic-link', { body: { site: 'demo', ...body }, headers });
    const verify = (token: string, headers: Record<string, string> = {}) => h.api.request('POST', '/api/v1/auth/verify', { body: { token }, headers });

    /** Every e-mail queued for `to`, oldest first, as the outbox holds it. */
    async function mailTo(to: string): Promise<Mail[]> {
      const rows = await db().selectFrom('outbox').select(['payload']).where('kind', '=', 'email').orderBy('created_at').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.payload) as Mail).filter((m) => m.to === to);
    }

    /** The sign-in link of the newest e-mail to `to`, and its token. */
    async function linkFor(to: string) {
      const mail = (await mailTo(to)).at(-1);
      assert.ok(mail, `no e-mail to ${to}`);
      const link = /https?:\/\/\S+#colloquy-token=([\w.-]+)/.exec(mail.text);
      assert.ok(link, `no sign-in link in: ${mail.text}`);
      return { url: new URL(link[0]), token: link[1], mail };
    }

    const count = async (table: 'accounts' | 'sessions' | 'magic_links') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('e-mails a link to the article; the link signs in once, making the account', async () => {
      const email = 'First.Reader@Example.com';
      const res = await ask({ email, returnUrl: 'https://publisher.example/articles/park?ref=mail#comments', name: 'First Reader' });
      assert.deepEqual([res.status, res.body], [202, { status: 'sent' }]);
      const { url, token, mail } = await linkFor(email);
      assert.equal(url.origin + url.pathname + url.search, 'https://publisher.example/articles/park?ref=mail');
      assert.equal(mail.subject, 'Sign in to The Riverside Courier');
      assert.ok(mail.html.includes(`#colloquy-token=${token}`));
      assert.ok(!JSON.stringify(await db().selectFrom('magic_links').selectAll().execute()).includes(token.split('.')[1]), 'only a hash is stored');

      const signedIn = await verify(token, { origin: 'https://publisher.example' });
      assert.equal(signedIn.status, 200, signedIn.text);
      assert.equal(signedIn.headers.get('cache-control'), 'no-store');
      assert.deepEqual([signedIn.body.account.email, signedIn.body.account.name, signedIn.body.account.role], [email, 'First Reader', 'reader']);
      const headers = { authorization: `Bearer ${signedIn.body.token}` };
      const page = newPage();
      const posted = await h.api.post({ page, name: 'ignored', headers });
      assert.equal(posted.body.comment.author.name, 'First Reader');

      const replay = await verify(token);
      assert.equal(replay.status, 410);
      assert.equal(replay.body.error.code, 'link_used');
      assert.equal(replay.body.error.field, 'token');
      assert.equal(replay.body.token, undefined);
    });

    it('signs in to the same account with a second link, whatever the case of the address', async () => {
      await ask({ email: 'twice@example.com' });
      const first = await verify((await linkFor('twice@example.com')).token);
      await ask({ email: 'TWICE@example.com' });
      const second = await verify((await linkFor('TWICE@example.com')).token);
      assert.equal(second.body.account.id, first.body.account.id);
      assert.equal(first.body.account.name, 'Reader', 'no part of the address becomes the public name');
    });

    it('answers the same for an address with an account and one without, and sends both a link', async () => {
      await ask({ email: 'known@example.com' });
      await verify((await linkFor('known@example.com')).token);
      const known = await ask({ email: 'known@example.com' });
      const unknown = await ask({ email: 'stranger@example.com' });
      assert.deepEqual([known.status, known.text], [unknown.status, unknown.text]);
      assert.equal((await mailTo('known@example.com')).length, 2);
      assert.equal((await mailTo('stranger@example.com')).length, 1);
    });

    it('refuses an expired link, and gives no token for it', async () => {
      await ask({ email: 'late@example.com' });
      const { token } = await linkFor('late@example.com');
      await db().updateTable('magic_links').set({ expires_at: Date.now() - 1 }).where('id', '=', token.split('.')[0]).execute();
      const sessions = await count('sessions');
      const res = await verify(token);
      assert.equal(res.status, 410);
      assert.equal(res.body.error.code, 'link_expired');
      assert.equal(await count('sessions'), sessions);
    });

    it('refuses malformed, tampered and unknown tokens with a 400 naming the field', async () => {
      await ask({ email: 'tamper@example.com' });
      const { token } = await linkFor('tamper@example.com');
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      for (const bad of ['nonsense', flipped, `${token.split('.')[0]}.`, '0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', `${token} `]) {
        const res = await verify(bad);
        assert.equal(res.status, 400, bad);
        assert.deepEqual([res.body.error.code, res.body.error.field], ['invalid_link', 'token']);
      }
      assert.equal((await verify(token)).status, 200, 'the real token still works after the failed tries');
      const get = await h.api.request('GET', '/api/v1/auth/verify?token=nonsense');
      assert.equal(get.status, 400);
    });

    it('exchanges the token by GET too, once', async () => {
      await ask({ email: 'getter@example.com' });
      const { token } = await linkFor('getter@example.com');
      const res = await h.api.request('GET', `/api/v1/auth/verify?token=${encodeURIComponent(token)}`);
      assert.equal(res.status, 200);
      assert.match(res.body.token, /^[0-9A-Z]{16}\./);
      assert.equal((await h.api.request('GET', `/api/v1/auth/verify?token=${encodeURIComponent(token)}`)).status, 410);
    });

    it('lets one of many simultaneous exchanges of a link win', async () => {
      await ask({ email: 'race@example.com' });
      const { token } = await linkFor('race@example.com');
      const results = await Promise.all(Array.from({ length: 8 }, () => verify(token)));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 410, 410, 410, 410, 410, 410, 410]);
    });

    it('sends links only to pages on the origins the site lists', async () => {
      const links = await count('magic_links');
      for (const returnUrl of ['https://evil.example/phish', 'javascript:alert(1)', 'https://publisher.example.evil.example/', 'not a url', '//evil.example/x']) {
        const res = await ask({ email: 'victim@example.com', returnUrl });
        assert.equal(res.status, 400, returnUrl);
        assert.deepEqual([res.body.error.code, res.body.error.field], ['invalid_return_url', 'returnUrl']);
      }
      assert.equal(await count('magic_links'), links);
      assert.equal((await mailTo('victim@example.com')).length, 0);
      await ask({ email: 'default@example.com' });
      assert.equal((await linkFor('default@example.com')).url.origin, 'https://publisher.example', 'without returnUrl: the first listed origin');
      await h.addSite('anywhere', ['*']);
      const open = await ask({ site: 'anywhere', email: 'victim@example.com', returnUrl: 'https://evil.example/' });
      assert.equal(open.status, 400, 'a site open to every origin cannot name a safe page');
    });

    it('refuses addresses that would inject mail headers, and cleans names', async () => {
      for (const email of ['a@example.com\r\nBcc: everyone@example.com', 'a@example.com, b@example.com', 'A <a@example.com>', 'a@example.com\nSubject: x', '"a"@example.com', 'no-at-sign', 'a@b']) {
        const res = await ask({ email });
        assert.equal(res.status, 400, JSON.stringify(email));
        assert.equal(res.body.error.field, 'email');
      }
      await ask({ email: 'named@example.com', name: 'Mallory\r\nBcc: everyone@example.com' });
      const { token } = await linkFor('named@example.com');
      assert.equal((await verify(token)).body.account.name, 'Mallory Bcc: everyone@example.com');
      const rows = await db().selectFrom('outbox').select('payload').where('kind', '=', 'email').execute();
      assert.ok(rows.every((r) => !JSON.parse(r.payload).to.includes('everyone@')));
    });

    it('refuses a link exchanged from a page the site does not allow, leaving it usable', async () => {
      await ask({ email: 'origin@example.com' });
      const { token } = await linkFor('origin@example.com');
      const res = await verify(token, { origin: 'https://evil.example' });
      assert.equal(res.status, 403);
      assert.equal((await verify(token, { origin: 'https://publisher.example' })).status, 200);
    });
  });

  describe(`magic-link flood limits (${engine.name})`, () => {
    const h = useServer(engine, { RATE_LIMITS: 'true' });

    it('limits links per address (429 with Retry-After) without telling whether it has an account', async () => {
      const ask = (email: string) => h.api.request('POST', '/api/v1/auth/magic-link', { body: { site: 'demo', email }, headers: { 'x-colloquy-visitor': newVisitor() } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await ask('flood@example.com')).status);
      assert.deepEqual(statuses, [202, 202, 202, 429]);
      const limited = await ask('flood@example.com');
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await ask('other@example.com')).status, 202, 'another address is not held up');
    });
  });
}
