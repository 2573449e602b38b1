// Comment counts and cached reads: fresh right after every write, revalidated with ETag,
// on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`counts and cached reads (${engine.name})`, () => {
    const h = useServer(engine);

    it('counts comments for several pages, 0 for pages without comments', async () => {
      const [a, b, empty] = [newPage('a'), newPage('b'), newPage('empty')];
      for (let i = 0; i < 3; i++) await h.api.comment({ page: a });
      const root = await h.api.comment({ page: b });
      await h.api.reply(root, { page: b });
      const res = await h.api.counts([a, b, empty]);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { counts: { [a]: 3, [b]: 2, [empty]: 0 } });
      assert.deepEqual((await h.api.counts([a])).body, { counts: { [a]: 3 } });
      assert.deepEqual((await h.api.counts([b, b])).body, { counts: { [b]: 2 } });
    });

    it('answers with the page keys as they were asked', async () => {
      const nfd = `cafe\u0301-${newPage()}`;
      await h.api.comment({ page: nfd.normalize('NFC') });
      const res = await h.api.counts([nfd]);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, { counts: { [nfd]: 1 } });
    });

    it('refuses a counts request without pages or with too many', async () => {
      const none = await h.api.request('GET', '/api/v1/counts?site=demo');
      assert.equal(none.status, 400);
      assert.equal(none.body.error.field, 'page');
      const many = await h.api.counts(Array.from({ length: 51 }, (_, i) => `p${i}`));
      assert.equal(many.status, 400);
    });

    it('changes counts right after each write', async () => {
      const page = newPage();
      const other = newPage();
      assert.equal((await h.api.counts([page, other])).body.counts[page], 0);
      const c = await h.api.comment({ page });
      assert.equal((await h.api.counts([page, other])).body.counts[page], 1);
      const r = await h.api.reply(c, { page });
      assert.equal((await h.api.counts([page, other])).body.counts[page], 2);
      await h.api.remove(r.id, r.editToken);
      assert.equal((await h.api.counts([page, other])).body.counts[page], 1);
    });

    it('changes the thread page right after each write', async () => {
      const page = newPage();
      assert.deepEqual((await h.api.list(page)).body.comments, []);
      const c = await h.api.comment({ page, body: 'one' });
      let read = await h.api.list(page);
      assert.deepEqual(read.body.comments.map((x) => x.id), [c.id]);
      await h.api.vote(c.id, 1, newVisitor());
      read = await h.api.list(page);
      assert.equal(read.body.comments[0].score, 1);
      await h.api.edit(c.id, 'two', c.editToken);
      read = await h.api.list(page);
      assert.equal(read.body.comments[0].html, '<p>two</p>');
      await h.api.remove(c.id, c.editToken);
      read = await h.api.list(page);
      assert.deepEqual(read.body.comments, []);
      assert.equal(read.body.thread.commentCount, 0);
    });

    it('sees writes whichever spelling of the page key the reader used', async () => {
      const base = newPage();
      const nfd = `re\u0301sume\u0301-${base}`;
      const nfc = nfd.normalize('NFC');
      assert.deepEqual((await h.api.list(nfd)).body.comments, []);
      assert.deepEqual((await h.api.list(` ${nfc} `)).body.comments, []);
      await h.api.comment({ page: nfc });
      assert.equal((await h.api.list(nfd)).body.comments.length, 1);
      assert.equal((await h.api.list(` ${nfc} `)).body.comments.length, 1);
      assert.equal((await h.api.list(nfc)).body.thread.page, nfc);
    });

    it('answers 304 to If-None-Match while nothing changed, 200 with a new ETag after a write', async () => {
      const page = newPage();
      await h.api.comment({ page });
      const c = await h.api.comment({ page });
      const first = await h.api.list(page);
      const etag = first.headers.get('etag');
      assert.ok(etag);
      assert.equal(first.headers.get('cache-control'), 'no-cache');
      const again = await h.api.list(page, {}, { 'if-none-match': etag });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal((await h.api.list(page, { sort: 'oldest' }, { 'if-none-match': etag })).status, 200, 'another sort is another representation');

      await h.api.vote(c.id, 1, newVisitor());
      const changed = await h.api.list(page, {}, { 'if-none-match': etag });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
      assert.equal(changed.body.comments.find((x) => x.id === c.id)?.score, 1);
      assert.equal((await h.api.list(page, {}, { 'if-none-match': changed.headers.get('etag')! })).status, 304);
    });

    it('revalidates counts with ETag too', async () => {
      const page = newPage();
      const first = await h.api.counts([page]);
      const etag = first.headers.get('etag')!;
      assert.equal((await h.api.counts([page], { 'if-none-match': etag })).status, 304);
      await h.api.comment({ page });
      const after = await h.api.counts([page], { 'if-none-match': etag });
      assert.equal(after.status, 200);
      assert.notEqual(after.headers.get('etag'), etag);
      assert.equal(after.body.counts[page], 1);
    });

    it('does not let a write on one page disturb the cached pages of another', async () => {
      const page = newPage();
      await h.api.comment({ page });
      const etag = (await h.api.list(page)).headers.get('etag')!;
      await h.api.comment({ page: newPage() });
      assert.equal((await h.api.list(page, {}, { 'if-none-match': etag })).status, 304);
    });
  });
}
