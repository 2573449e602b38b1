// Comments by signed-in readers on SQLite and PostgreSQL: the account's name and avatar, never
// its e-mail; edits and deletions by the owner without an edit token; votes per account.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { SSO_SECRET, ssoSignIn } from './test-kit.ts';

for (const engine of ENGINES) {
  describe(`comments by accounts (${engine.name})`, () => {
    const h = useServer(engine, { SSO_SECRET });

    it("posts under the account's name and identicon, ignoring the guest fields, and never shows the e-mail", async () => {
      const page = newPage();
      const { headers, account } = await ssoSignIn(h.api, { name: 'Grace Hopper', email: 'grace@navy.example' });
      const res = await h.api.post({ page, name: 'Someone Else', email: 'spoof@example.com', headers });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.comment.author.name, 'Grace Hopper');
      assert.match(res.body.comment.author.avatar!, /^\/avatar\/[A-Za-z0-9_-]{24}\.svg$/);
      assert.equal(res.body.comment.author.avatar, account.avatar.identicon);
      const list = await h.api.list(page);
      const embed = await h.api.embed(page);
      for (const text of [res.text, list.text, embed.text]) {
        assert.ok(!text.includes('grace@navy.example'), 'the e-mail leaked');
        assert.ok(!text.includes('spoof@example.com'));
        assert.ok(!text.includes('Someone Else'));
      }
      assert.equal(list.body.comments[0].author.avatar, res.body.comment.author.avatar);
      const stored = await h.server.app.database.db.selectFrom('comments').selectAll().where('id', '=', res.body.comment.id).executeTakeFirstOrThrow();
      assert.equal(stored.account_id, account.id);
      assert.equal(stored.author_email, 'grace@navy.example', 'kept for notifications');
    });

    it('serves the identicon: the same SVG for the same hash, cacheable, and refuses odd names', async () => {
      const { account } = await ssoSignIn(h.api);
      const one = await fetch(h.server.url + account.avatar.identicon);
      const svg = await one.text();
      assert.equal(one.status, 200);
      assert.match(one.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      assert.match(one.headers.get('cache-control') ?? '', /max-age=31536000/);
      assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.doesNotMatch(svg, /<script|on\w+=/i);
      assert.equal(await (await fetch(h.server.url + account.avatar.identicon)).text(), svg);
      assert.notEqual(await (await fetch(`${h.server.url}/avatar/another-hash-0001.svg`)).text(), svg);
      for (const bad of ['short.svg', `${'a'.repeat(65)}.svg`, '%3Cscript%3E1234.svg']) {
        assert.equal((await fetch(`${h.server.url}/avatar/${bad}`)).status, 400, bad);
      }
    });

    it('lets the owner edit and delete within the window without an edit token; nobody else', async () => {
      const page = newPage();
      const owner = await ssoSignIn(h.api);
      const other = await ssoSignIn(h.api);
      const c = await h.api.comment({ page, headers: owner.headers });
      const byOther = await h.api.request('PATCH', `/api/v1/comments/${c.id}`, { body: { body: 'hijacked' }, headers: other.headers });
      assert.equal(byOther.status, 403);
      assert.equal(byOther.body.error.code, 'not_author');
      assert.equal((await h.api.request('PATCH', `/api/v1/comments/${c.id}`, { body: { body: 'guest try' } })).status, 403);
      const edit = await h.api.request('PATCH', `/api/v1/comments/${c.id}`, { body: { body: 'Edited by **me**' }, headers: owner.headers });
      assert.equal(edit.status, 200, edit.text);
      assert.equal(edit.body.comment.html, '<p>Edited by <strong>me</strong></p>');
      assert.equal((await h.api.request('DELETE', `/api/v1/comments/${c.id}`, { headers: other.headers })).status, 403);
      const del = await h.api.request('DELETE', `/api/v1/comments/${c.id}`, { headers: owner.headers });
      assert.equal(del.status, 200);
      assert.equal((await h.api.list(page)).body.comments.length, 0);
    });

    it('closes the edit window for accounts too', async () => {
      await h.addSite('strict', ['https://strict.example'], { editWindowSeconds: 0 });
      const owner = await ssoSignIn(h.api, { aud: 'strict' }, 'strict');
      const c = await h.api.comment({ site: 'strict', page: newPage(), headers: owner.headers });
      const res = await h.api.request('PATCH', `/api/v1/comments/${c.id}`, { body: { body: 'late' }, headers: owner.headers });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'edit_window_closed');
    });

    it('keys votes to the account: one vote across browsers, none on its own comments', async () => {
      const page = newPage();
      const author = await ssoSignIn(h.api);
      const voter = await ssoSignIn(h.api);
      const c = await h.api.comment({ page, headers: author.headers });
      const vote = (headers: Record<string, string>, value: number) => h.api.request('PUT', `/api/v1/comments/${c.id}/vote`, { body: { value }, headers });
      assert.equal((await vote({ ...voter.headers, 'x-colloquy-visitor': newVisitor() }, 1)).body.score, 1);
      assert.equal((await vote({ ...voter.headers, 'x-colloquy-visitor': newVisitor() }, 1)).body.score, 1, 'a second browser of the same account changes nothing');
      assert.equal((await vote(voter.headers, 1)).body.score, 1, 'no visitor header needed when signed in');
      const own = await vote({ ...author.headers, 'x-colloquy-visitor': newVisitor() }, 1);
      assert.equal(own.status, 403);
      assert.equal(own.body.error.code, 'own_comment');
      const me = await h.api.request('GET', `/api/v1/me?site=demo&page=${page}`, { headers: voter.headers });
      assert.deepEqual(me.body.votes, { [c.id]: 1 });
    });

    it("lists the account's own comments, newest first, page by page, across threads", async () => {
      const reader = await ssoSignIn(h.api);
      const stranger = await ssoSignIn(h.api);
      const pages = [newPage('mine'), newPage('mine')];
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await h.api.comment({ page: pages[i % 2], body: `mine ${i}`, headers: reader.headers })).id);
      await h.api.comment({ page: pages[0], body: 'not mine', headers: stranger.headers });
      await h.api.comment({ page: pages[0], body: 'guest' });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await h.api.request('GET', `/api/v1/me/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: reader.headers });
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.comments.length <= 2);
        for (const c of res.body.comments) {
          assert.ok(pages.includes(c.page));
          assert.equal(c.status, 'approved');
          seen.push(c.id);
        }
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, [...ids].reverse());
      assert.equal((await h.api.request('GET', '/api/v1/me/comments?cursor=garbage', { headers: reader.headers })).status, 400);
    });

    it('lists a held comment as pending to its author only; anonymous readers get 401', async () => {
      const page = newPage('held');
      const reader = await ssoSignIn(h.api);
      const stranger = await ssoSignIn(h.api);
      const held = await h.api.post({ page, body: 'you idiot, held for review', headers: reader.headers });
      assert.equal(held.body.status, 'pending', 'the default scorer holds it');
      const mine = await h.api.request('GET', '/api/v1/me/comments', { headers: reader.headers });
      assert.deepEqual(mine.body.comments.map((c: any) => [c.id, c.status, c.page]), [[held.body.comment.id, 'pending', page]]);
      const theirs = await h.api.request('GET', '/api/v1/me/comments', { headers: stranger.headers });
      assert.deepEqual(theirs.body.comments, []);
      const anonymous = await h.api.request('GET', '/api/v1/me/comments');
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.code, 'sign_in_required');
    });
  });
}
