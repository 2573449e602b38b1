// A reader's own data on SQLite and PostgreSQL: profile and avatar choice, the export (theirs
// and only theirs), and deleting the account in both of the publisher's modes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ENGINES } from '../../test/helpers/databases.ts';
import { flatten, newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { SSO_SECRET, ssoSignIn } from './test-kit.ts';

for (const engine of ENGINES) {
  describe(`profile, export and account deletion (${engine.name})`, () => {
    const h = useServer(engine, { SSO_SECRET });
    const db = () => h.server.app.database.db;

    it('changes the display name and avatar, on the profile and on every comment', async () => {
      const page = newPage();
      const { headers } = await ssoSignIn(h.api, { name: 'Before', email: 'Avatar.User@Example.com' });
      await h.api.comment({ page, headers });
      const patch = (body: unknown) => h.api.request('PATCH', '/api/v1/me/profile', { body, headers });
      const renamed = await patch({ name: '  Ren\u0065\u0301e\r\nBcc: x@y.example ' });
      assert.equal(renamed.status, 200, renamed.text);
      assert.equal(renamed.body.name, 'Ren\u00e9e Bcc: x@y.example');
      assert.equal((await h.api.list(page)).body.comments[0].author.name, 'Ren\u00e9e Bcc: x@y.example');

      const gravatar = await patch({ avatar: 'gravatar' });
      const md5 = createHash('md5').update('avatar.user@example.com').digest('hex');
      assert.equal(gravatar.body.avatar.mode, 'gravatar');
      assert.equal(gravatar.body.avatar.url, `https://www.gravatar.com/avatar/${md5}?s=80&d=identicon`);
      assert.equal((await h.api.list(page)).body.comments[0].author.avatar, gravatar.body.avatar.url);
      const back = await patch({ avatar: 'identicon' });
      assert.match(back.body.avatar.url, /^\/avatar\//);
      const list = await h.api.list(page);
      assert.equal(list.body.comments[0].author.avatar, back.body.avatar.url);
      assert.ok(!list.text.includes(md5), 'no Gravatar hash once the reader took it back');

      for (const [body, field] of [[{ name: '' }, 'name'], [{ name: '\u200b\u0000 ' }, 'name'], [{ name: 'x'.repeat(81) }, 'name'], [{ avatar: 'photo' }, 'avatar'], [{}, undefined]] as const) {
        const res = await patch(body);
        assert.equal(res.status, 400, JSON.stringify(body));
        if (field) assert.equal(res.body.error.field, field);
      }
    });

    it('exports exactly the account’s data', async () => {
      const page = newPage();
      const me = await ssoSignIn(h.api, { name: 'Exporter', email: 'exporter@example.com' });
      const other = await ssoSignIn(h.api, { name: 'Someone', email: 'someone@example.com' });
      const mine = await h.api.comment({ page, body: 'my words', headers: me.headers });
      const theirs = await h.api.comment({ page, body: 'their words', headers: other.headers });
      const guest = await h.api.comment({ page, body: 'guest words', visitor: newVisitor() });
      const reply = await h.api.reply(theirs, { page, body: 'my reply', headers: me.headers });
      await h.api.request('PUT', `/api/v1/comments/${theirs.id}/vote`, { body: { value: 1 }, headers: me.headers });
      await h.api.request('PUT', `/api/v1/comments/${guest.id}/vote`, { body: { value: -1 }, headers: other.headers });
      await h.api.request('PUT', `/api/v1/comments/${mine.id}/vote`, { body: { value: 1 }, headers: other.headers });

      const res = await h.api.request('GET', '/api/v1/me/export', { headers: me.headers });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="colloquy-demo-[0-9A-Z]{16}\.json"$/);
      assert.match(res.headers.get('cache-control') ?? '', /no-store/);
      const data = res.body;
      assert.equal(data.account.email, 'exporter@example.com');
      assert.deepEqual(data.comments.map((c: any) => [c.id, c.body, c.page]).sort(), [[mine.id, 'my words', page], [reply.id, 'my reply', page]].sort());
      assert.deepEqual(data.votes.map((v: any) => [v.commentId, v.value]), [[theirs.id, 1]]);
      assert.equal(data.sessions.length, 1);
      for (const text of ['their words', 'guest words', 'someone@example.com', 'Someone', me.bearer.split('.')[1]]) assert.ok(!res.text.includes(text), `export holds ${text}`);
      assert.ok(!/token_hash|ip_hash|author_key|edit_token/.test(res.text));
    });

    it('deletes an account keeping its comments as "deleted user" (anonymise, the default)', async () => {
      const page = newPage();
      const { headers, account } = await ssoSignIn(h.api, { sub: 'leaving-1', name: 'Leaving Soon', email: 'leaving@example.com' });
      const c = await h.api.comment({ page, body: 'words that stay', headers });
      const res = await h.api.request('DELETE', '/api/v1/me', { headers });
      assert.deepEqual(res.body, { deleted: true, comments: 'anonymised' });
      const shown = (await h.api.list(page)).body.comments[0];
      assert.deepEqual([shown.id, shown.author.name, shown.author.avatar, shown.html], [c.id, 'deleted user', null, '<p>words that stay</p>']);
      const row = await db().selectFrom('comments').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.deepEqual([row.account_id, row.author_email, row.author_key, row.ip_hash], [null, null, null, null]);
      const stored = await db().selectFrom('accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
      assert.deepEqual([stored.email, stored.name, stored.sso_sub, typeof stored.deleted_at], [null, '', null, 'number']);
      assert.equal((await h.api.request('GET', '/api/v1/me/profile', { headers })).status, 401, 'its tokens are gone');
      const again = await ssoSignIn(h.api, { sub: 'leaving-1', name: 'Back Again' });
      assert.notEqual(again.account.id, account.id, 'signing in again makes a fresh account');
    });

    it('deletes an account removing its comments, keeping replies by others under a placeholder', async () => {
      await h.addSite('forgetful', ['https://forgetful.example'], { onAccountDelete: 'remove' });
      const page = newPage();
      const leaving = await ssoSignIn(h.api, { name: 'Gone Soon', aud: 'forgetful' }, 'forgetful');
      const staying = await ssoSignIn(h.api, { name: 'Staying', aud: 'forgetful' }, 'forgetful');
      const root = await h.api.comment({ site: 'forgetful', page, body: 'root by leaver', headers: leaving.headers });
      await h.api.reply(root, { site: 'forgetful', page, body: 'reply by stayer', headers: staying.headers });
      await h.api.comment({ site: 'forgetful', page, body: 'lonely by leaver', headers: leaving.headers });
      const res = await h.api.request('DELETE', '/api/v1/me', { headers: leaving.headers });
      assert.deepEqual(res.body, { deleted: true, comments: 'removed' });
      const list = await h.api.list(page, { site: 'forgetful' });
      const all = flatten(list.body.comments);
      assert.deepEqual(all.map((c) => [c.deleted, c.author.name, c.html]), [[true, '', ''], [false, 'Staying', '<p>reply by stayer</p>']]);
      assert.equal(list.body.thread.commentCount, 1);
      assert.ok(!list.text.includes('Gone Soon') && !list.text.includes('by leaver'));
      const rows = await db().selectFrom('comments').select(['body', 'author_name', 'account_id']).where('thread_id', '=', list.body.thread.id!).execute();
      assert.ok(!JSON.stringify(rows).includes('Gone Soon') && !JSON.stringify(rows).includes('by leaver'));
    });
  });
}
