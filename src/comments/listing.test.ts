// Sorting and paging the top-level comments of a thread, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor, type Api } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

/** Posts `n` top-level comments one after another; returns their ids in posting order. */
async function postMany(api: Api, page: string, n: number, prefix = 'c'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await api.comment({ page, body: `${prefix}${i}` })).id);
  return ids;
}

async function voteTimes(api: Api, id: string, value: number, times: number) {
  for (let i = 0; i < times; i++) assert.equal((await api.vote(id, value, newVisitor())).status, 200);
}

for (const engine of ENGINES) {
  describe(`sorting and paging (${engine.name})`, () => {
    const h = useServer(engine);

    it('sorts top-level comments newest first by default, oldest first on request', async () => {
      const page = newPage();
      const ids = await postMany(h.api, page, 6);
      assert.deepEqual((await h.api.list(page)).body.comments.map((c) => c.id), [...ids].reverse());
      assert.deepEqual((await h.api.list(page, { sort: 'newest' })).body.comments.map((c) => c.id), [...ids].reverse());
      assert.deepEqual((await h.api.list(page, { sort: 'oldest' })).body.comments.map((c) => c.id), ids);
    });

    it('sorts by votes: highest score first, ties newest first', async () => {
      const page = newPage();
      const [a, b, c, d] = await postMany(h.api, page, 4);
      await voteTimes(h.api, b, 1, 3);
      await voteTimes(h.api, d, 1, 1);
      await voteTimes(h.api, a, -1, 2);
      const list = await h.api.list(page, { sort: 'votes' });
      assert.deepEqual(list.body.comments.map((x) => x.id), [b, d, c, a]);
      assert.deepEqual(list.body.comments.map((x) => x.score), [3, 1, 0, -2]);
    });

    it('keeps replies in conversation order whatever the sort of top-level comments', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      const r1 = await h.api.reply(root, { page, body: 'r1' });
      const r2 = await h.api.reply(root, { page, body: 'r2' });
      const r1a = await h.api.reply(r1, { page, body: 'r1a' });
      await voteTimes(h.api, r2.id, 1, 2);
      const expected = [r1.id, r1a.id, r2.id];
      for (const sort of ['newest', 'oldest', 'votes']) {
        const [top] = (await h.api.list(page, { sort })).body.comments;
        const order = top.replies.flatMap((r) => [r.id, ...r.replies.map((x) => x.id)]);
        assert.deepEqual(order, expected, sort);
      }
    });

    for (const sort of ['newest', 'oldest', 'votes']) {
      it(`pages through every top-level comment exactly once (${sort})`, async () => {
        const page = newPage();
        const ids = await postMany(h.api, page, 23);
        // Give the votes sort ties and distinct scores to page across.
        for (const [i, id] of ids.entries()) if (i % 4 === 0) await voteTimes(h.api, id, 1, 1 + (i % 3));
        const pages = await h.api.listAll(page, { sort, limit: 5 });
        assert.deepEqual(pages.map((p) => p.length), [5, 5, 5, 5, 3]);
        const seen = pages.flat().map((c) => c.id);
        assert.equal(new Set(seen).size, seen.length, 'no duplicates');
        assert.deepEqual([...seen].sort(), [...ids].sort(), 'none missing');
        const single = (await h.api.list(page, { sort, limit: 100 })).body.comments.map((c) => c.id);
        assert.deepEqual(seen, single, 'pages concatenate to the unpaged order');
      });
    }

    it('keeps newest-first pages stable while new comments arrive between fetches', async () => {
      const page = newPage();
      const ids = await postMany(h.api, page, 9);
      const first = await h.api.list(page, { limit: 4 });
      assert.deepEqual(first.body.comments.map((c) => c.id), ids.slice(5).reverse());
      const newcomers = await postMany(h.api, page, 3, 'late');
      const second = await h.api.list(page, { limit: 4, cursor: first.body.nextCursor! });
      assert.deepEqual(second.body.comments.map((c) => c.id), ids.slice(1, 5).reverse());
      const third = await h.api.list(page, { limit: 4, cursor: second.body.nextCursor! });
      assert.deepEqual(third.body.comments.map((c) => c.id), [ids[0]]);
      assert.equal(third.body.nextCursor, null);
      // The newcomers are at the top of a fresh first page, not mixed into the old pages.
      const fresh = await h.api.list(page, { limit: 4 });
      assert.deepEqual(fresh.body.comments.slice(0, 3).map((c) => c.id), [...newcomers].reverse());
      assert.equal(fresh.body.thread.commentCount, 12);
    });

    it('has no next cursor when everything fits on one page', async () => {
      const page = newPage();
      await postMany(h.api, page, 3);
      const res = await h.api.list(page, { limit: 3 });
      assert.equal(res.body.comments.length, 3);
      assert.equal(res.body.nextCursor, null);
    });

    it('refuses invalid cursors, sorts and limits with 400 naming the parameter', async () => {
      const page = newPage();
      await postMany(h.api, page, 2);
      for (const cursor of ['garbage', 'eyJ4IjoxfQ', Buffer.from('["short", 1]').toString('base64url'), Buffer.from('null').toString('base64url')]) {
        const res = await h.api.list(page, { cursor });
        assert.equal(res.status, 400, cursor);
        assert.equal(res.body.error.field, 'cursor');
      }
      const sort = await h.api.list(page, { sort: 'random' });
      assert.equal(sort.status, 400);
      assert.equal(sort.body.error.field, 'sort');
      for (const limit of [0, 101]) {
        const res = await h.api.list(page, { limit });
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, 'limit');
      }
      const replies = await h.api.replies((await h.api.comment({ page })).id, { cursor: 'not/a/path' });
      assert.equal(replies.status, 400);
      assert.equal(replies.body.error.field, 'cursor');
    });
  });
}
