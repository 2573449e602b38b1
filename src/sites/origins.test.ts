// Which pages may use a site: unknown sites, allowed origins, CORS preflight, and
// server-to-server calls, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { ALLOWED_ORIGIN, newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

const EVIL = 'https://evil.example';

for (const engine of ENGINES) {
  describe(`sites and origins (${engine.name})`, () => {
    const h = useServer(engine);

    it('answers 404 naming the site when it does not exist', async () => {
      const page = newPage();
      for (const res of [
        await h.api.list(page, { site: 'nowhere' }),
        await h.api.post({ page, site: 'nowhere' }),
        await h.api.request('GET', `/api/v1/counts?site=nowhere&page=${page}`),
        await h.api.request('GET', `/api/v1/me?site=nowhere&page=${page}`),
      ]) {
        assert.equal(res.status, 404);
        assert.equal(res.body.error.code, 'site_not_found');
        assert.match(res.body.error.message, /nowhere/);
      }
      assert.equal((await h.api.request('GET', `/embed/thread?site=nowhere&page=${page}`)).status, 404);
    });

    it('refuses reads from an origin the site does not allow (403)', async () => {
      const page = newPage();
      await h.api.comment({ page });
      const origin = { origin: EVIL };
      for (const res of [
        await h.api.list(page, {}, origin),
        await h.api.counts([page], origin),
        await h.api.request('GET', `/api/v1/me?site=${SITE}&page=${page}`, { headers: origin }),
      ]) {
        assert.equal(res.status, 403, res.text);
        assert.equal(res.body.error.code, 'origin_not_allowed');
        assert.ok(!res.text.includes('A comment'));
      }
    });

    it('refuses writes from an origin the site does not allow (403), storing nothing', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const headers = { origin: EVIL };
      const post = await h.api.post({ page, body: 'from evil', headers });
      assert.equal(post.status, 403);
      assert.equal(post.body.error.code, 'origin_not_allowed');
      const vote = await h.api.request('PUT', `/api/v1/comments/${c.id}/vote`, { body: { value: 1 }, headers: { ...headers, 'x-colloquy-visitor': newVisitor() } });
      assert.equal(vote.status, 403);
      const edit = await h.api.request('PATCH', `/api/v1/comments/${c.id}`, { body: { body: 'x' }, headers: { ...headers, 'x-edit-token': c.editToken } });
      assert.equal(edit.status, 403);
      const del = await h.api.request('DELETE', `/api/v1/comments/${c.id}`, { headers: { ...headers, 'x-edit-token': c.editToken } });
      assert.equal(del.status, 403);
      assert.equal((await h.api.request('GET', `/api/v1/comments/${c.id}/replies`, { headers })).status, 403);
      const list = await h.api.list(page);
      assert.equal(list.body.thread.commentCount, 1);
      assert.equal(list.body.comments[0].score, 0);
      assert.equal(list.body.comments[0].html, '<p>A comment</p>');
    });

    it('serves an allowed origin with Access-Control-Allow-Origin', async () => {
      const page = newPage();
      const headers = { origin: ALLOWED_ORIGIN };
      const post = await h.api.post({ page, headers });
      assert.equal(post.status, 201);
      assert.equal(post.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      const list = await h.api.list(page, {}, headers);
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      assert.match(list.headers.get('vary') ?? '', /Origin/i);
      assert.match(list.headers.get('access-control-expose-headers') ?? '', /ETag/);
      const vote = await h.api.request('PUT', `/api/v1/comments/${post.body.comment.id}/vote`, { body: { value: 1 }, headers: { ...headers, 'x-colloquy-visitor': newVisitor() } });
      assert.equal(vote.status, 200);
      assert.equal((await h.api.counts([page], headers)).status, 200);
    });

    it('answers the CORS preflight with 204 and the headers the widget sends', async () => {
      const res = await fetch(`${h.server.url}/api/v1/comments`, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-colloquy-visitor' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), ALLOWED_ORIGIN);
      const methods = res.headers.get('access-control-allow-methods') ?? '';
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) assert.match(methods, new RegExp(`\\b${method}\\b`));
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['content-type', 'x-colloquy-visitor', 'x-edit-token']) assert.ok(allowed.includes(header), header);
      const vote = await fetch(`${h.server.url}/api/v1/comments/0000000000000000/vote`, { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'PUT' } });
      assert.equal(vote.status, 204);
    });

    it('lets server-to-server calls without Origin, and same-origin pages, through', async () => {
      const page = newPage();
      assert.equal((await h.api.post({ page })).status, 201);
      const list = await h.api.list(page);
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('access-control-allow-origin'), null);
      const same = await h.api.list(page, {}, { origin: h.server.url });
      assert.equal(same.status, 200);
    });

    it('lets a site allowing * be embedded anywhere, and only then a sandboxed (null) origin', async () => {
      await h.addSite('open', ['*']);
      const page = newPage();
      assert.equal((await h.api.post({ site: 'open', page, headers: { origin: EVIL } })).status, 201);
      assert.equal((await h.api.list(page, { site: 'open' }, { origin: 'null' })).status, 200);
      assert.equal((await h.api.list(page, {}, { origin: 'null' })).status, 403);
    });
  });
}
