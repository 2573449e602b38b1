// Posting as a guest through the real HTTP API, on SQLite and on PostgreSQL: what is
// accepted, what is refused (naming the field) and what never leaks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

const EMAIL = 'reader.private@example.org';

function assertError(res: { status: number; body: any }, status: number, field: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(typeof res.body.error?.code, 'string');
  assert.equal(typeof res.body.error?.message, 'string');
  assert.equal(res.body.error.field, field, `error should name ${field}: ${JSON.stringify(res.body)}`);
}

for (const engine of ENGINES) {
  describe(`posting comments (${engine.name})`, () => {
    const h = useServer(engine);

    it('accepts a guest comment: 201 with the comment, status approved and an edit token', async () => {
      const page = newPage();
      const res = await h.api.post({ page, name: 'Ann', email: EMAIL, body: 'Hello *world*', url: 'https://publisher.example/a', title: 'An article' });
      assert.equal(res.status, 201);
      assert.equal(res.body.status, 'approved');
      assert.match(res.body.editToken, /^[A-Za-z0-9_-]{32,}$/);
      const c = res.body.comment;
      assert.match(c.id, /^[0-9A-Z]{16}$/);
      assert.equal(c.parentId, null);
      assert.equal(c.depth, 0);
      assert.deepEqual(c.author, { name: 'Ann', avatar: null });
      assert.equal(c.html, '<p>Hello <em>world</em></p>');
      assert.equal(c.deleted, false);
      assert.equal(c.editedAt, null);
      assert.deepEqual([c.score, c.up, c.down], [0, 0, 0]);
      assert.ok(Math.abs(Date.parse(c.createdAt) - Date.now()) < 60_000);

      const list = await h.api.list(page);
      assert.equal(list.status, 200);
      assert.equal(list.body.thread.commentCount, 1);
      assert.equal(list.body.thread.url, 'https://publisher.example/a');
      assert.equal(list.body.thread.title, 'An article');
      assert.deepEqual(list.body.comments.map((x) => x.id), [c.id]);
    });

    it('never shows the e-mail address in any public response', async () => {
      const page = newPage();
      const visitor = newVisitor();
      const root = await h.api.post({ page, name: 'Private Person', email: EMAIL, body: 'Top', visitor });
      assert.equal(root.status, 201);
      const reply = await h.api.post({ page, name: 'Private Person', email: EMAIL, body: 'Reply', parentId: root.body.comment.id, visitor });
      assert.equal(reply.status, 201);
      const responses = [
        root,
        reply,
        await h.api.list(page),
        await h.api.list(page, { sort: 'oldest' }),
        await h.api.replies(root.body.comment.id),
        await h.api.me(page, visitor),
        await h.api.edit(root.body.comment.id, 'Edited', root.body.editToken),
        await h.api.embed(page),
      ];
      for (const res of responses) {
        assert.ok(res.status < 300, `${res.status} ${res.text}`);
        assert.ok(!res.text.includes(EMAIL), `e-mail leaked: ${res.text}`);
        assert.ok(!res.text.includes('private@'), `e-mail leaked: ${res.text}`);
      }
      assert.ok((await h.api.embed(page)).text.includes('Private Person'));
    });

    it('requires the author name', async () => {
      const page = newPage();
      assertError(await h.api.post({ page, name: '' }), 400, 'author.name');
      assertError(await h.api.post({ page, name: '  \t ' }), 400, 'author.name');
      const missing = await h.api.request('POST', '/api/v1/comments', { body: { site: SITE, page, author: {}, body: 'x' } });
      assertError(missing, 400, 'author.name');
      assert.equal((await h.api.counts([page])).body.counts[page], 0);
    });

    it('refuses a body that is empty after trimming, naming the field', async () => {
      const page = newPage();
      assertError(await h.api.post({ page, body: '' }), 400, 'body');
      assertError(await h.api.post({ page, body: '   \n\n\t  ' }), 400, 'body');
      // Only invisible characters: empty once they are stripped.
      assertError(await h.api.post({ page, body: '\u200B\u202E\u0007' }), 400, 'body');
    });

    it('refuses over-long bodies and names, naming the field', async () => {
      const page = newPage();
      assertError(await h.api.post({ page, body: 'x'.repeat(10_001) }), 400, 'body');
      assertError(await h.api.post({ page, body: 'x'.repeat(30_000) }), 400, 'body');
      assertError(await h.api.post({ page, name: 'n'.repeat(81) }), 400, 'author.name');
      assertError(await h.api.post({ page, name: 'n'.repeat(500) }), 400, 'author.name');
      // The limits themselves are accepted, counted in characters, not bytes.
      assert.equal((await h.api.post({ page, body: 'é'.repeat(10_000), name: '名'.repeat(80) })).status, 201);
      assert.equal((await h.api.post({ page, body: '😀'.repeat(10_000) })).status, 201);
    });

    it('refuses other bad input with a 4xx naming the field, never a 5xx', async () => {
      const page = newPage();
      assertError(await h.api.post({ page, email: 'not-an-email' }), 400, 'author.email');
      assertError(await h.api.post({ page, url: 'javascript:alert(1)' }), 400, 'url');
      assertError(await h.api.post({ page, parentId: 'nope' }), 400, 'parentId');
      assertError(await h.api.post({ page: '   ' }), 400, 'page');
      assertError(await h.api.request('POST', '/api/v1/comments', { body: { site: SITE, page, author: { name: 'A' }, body: 42 } }), 400, 'body');
      assertError(await h.api.post({ page, visitor: 'short' }), 400, 'X-Colloquy-Visitor');
      const json = await fetch(`${h.server.url}/api/v1/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"site":' });
      assert.equal(json.status, 400);
      assert.equal(((await json.json()) as any).error.code, 'invalid_json');
    });

    it('stores text NFC-normalised, without control characters, and renders it safely', async () => {
      const page = newPage();
      const res = await h.api.post({
        page,
        name: 'Zoe\u0301\u0000 \u202EAdmin',
        body: 'Cafe\u0301 cre\u0300me\u0007\u200B ok\r\n<script>alert(1)</script>',
      });
      assert.equal(res.status, 201);
      const c = res.body.comment;
      assert.equal(c.author.name, 'Zoé Admin');
      assert.equal(c.html, '<p>Café crème ok<br />\n&lt;script&gt;alert(1)&lt;/script&gt;</p>');
      const [stored] = (await h.api.list(page)).body.comments;
      assert.equal(stored.html, c.html);
      assert.equal(stored.author.name, 'Zoé Admin');
      const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
      const emoji = await h.api.post({ page, name: `Fam ${family}`, body: `We ${family} agree` });
      assert.equal(emoji.body.comment.author.name, `Fam ${family}`, 'joiners kept');
      assert.equal(emoji.body.comment.html, `<p>We ${family} agree</p>`);
    });

    it('answers 404 for an unknown site and an unknown comment', async () => {
      const page = newPage();
      const list = await h.api.list(page, { site: 'no-such-site' });
      assert.equal(list.status, 404);
      assert.equal(list.body.error.code, 'site_not_found');
      assert.equal((await h.api.post({ page, site: 'no-such-site' })).status, 404);
      assert.equal((await h.api.vote('0000000000000000', 1, newVisitor())).status, 404);
      assert.equal((await h.api.replies('0000000000000000')).status, 404);
    });

    it('lists an unknown page as an empty thread', async () => {
      const page = newPage();
      const res = await h.api.list(page);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.thread, { id: null, page, url: null, title: null, commentCount: 0, closed: false });
      assert.deepEqual(res.body.comments, []);
      assert.equal(res.body.nextCursor, null);
    });

    it('keeps one thread when the first comments on a page arrive at once', async () => {
      const page = newPage();
      const posted = await Promise.all(Array.from({ length: 12 }, (_, i) => h.api.post({ page, body: `c${i}` })));
      assert.deepEqual(posted.map((r) => r.status), Array(12).fill(201));
      const list = await h.api.list(page, { limit: 100 });
      assert.equal(list.body.thread.commentCount, 12);
      assert.equal(list.body.comments.length, 12);
    });
  });
}
