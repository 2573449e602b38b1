// Up and down votes: one per visitor per comment, changes, withdrawals, own comments and
// concurrent voters, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`votes (${engine.name})`, () => {
    const h = useServer(engine);

    async function tally(page: string, id: string) {
      const [c] = (await h.api.list(page)).body.comments.filter((x) => x.id === id);
      return { score: c.score, up: c.up, down: c.down };
    }

    it('needs the X-Colloquy-Visitor header', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const res = await h.api.vote(c.id, 1);
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'X-Colloquy-Visitor');
      const bad = await h.api.vote(c.id, 1, 'not a token!');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'X-Colloquy-Visitor');
      assert.deepEqual(await tally(page, c.id), { score: 0, up: 0, down: 0 });
    });

    it('counts one vote per visitor per comment', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const visitor = newVisitor();
      for (let i = 0; i < 3; i++) {
        const res = await h.api.vote(c.id, 1, visitor);
        assert.equal(res.status, 200);
        assert.deepEqual(res.body, { score: 1, up: 1, down: 0, value: 1 });
      }
      assert.deepEqual(await tally(page, c.id), { score: 1, up: 1, down: 0 });
    });

    it('moves the counts when a visitor changes a vote, and withdraws it with 0', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const visitor = newVisitor();
      assert.equal((await h.api.vote(c.id, 1, newVisitor())).status, 200);
      assert.deepEqual((await h.api.vote(c.id, 1, visitor)).body, { score: 2, up: 2, down: 0, value: 1 });
      assert.deepEqual((await h.api.vote(c.id, -1, visitor)).body, { score: 0, up: 1, down: 1, value: -1 });
      assert.deepEqual(await tally(page, c.id), { score: 0, up: 1, down: 1 });
      assert.deepEqual((await h.api.vote(c.id, 0, visitor)).body, { score: 1, up: 1, down: 0, value: 0 });
      assert.deepEqual((await h.api.vote(c.id, 0, visitor)).body, { score: 1, up: 1, down: 0, value: 0 }, 'withdrawing twice changes nothing');
      assert.deepEqual(await tally(page, c.id), { score: 1, up: 1, down: 0 });
    });

    it('refuses other values', async () => {
      const c = await h.api.comment({ page: newPage() });
      for (const value of [2, -2, 0.5]) {
        const res = await h.api.vote(c.id, value, newVisitor());
        assert.equal(res.status, 400, String(value));
        assert.equal(res.body.error.field, 'value');
      }
      const text = await h.api.request('PUT', `/api/v1/comments/${c.id}/vote`, { body: { value: '1' }, headers: { 'x-colloquy-visitor': newVisitor() } });
      assert.equal(text.status, 400);
    });

    it('forbids voting on your own comment', async () => {
      const page = newPage();
      const visitor = newVisitor();
      const mine = await h.api.comment({ page, visitor });
      const res = await h.api.vote(mine.id, 1, visitor);
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'own_comment');
      assert.equal((await h.api.vote(mine.id, -1, visitor)).status, 403);
      assert.deepEqual(await tally(page, mine.id), { score: 0, up: 0, down: 0 });
      assert.equal((await h.api.vote(mine.id, 1, newVisitor())).status, 200, 'others may');
    });

    it('adds up the votes of different visitors', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      for (let i = 0; i < 4; i++) await h.api.vote(c.id, 1, newVisitor());
      for (let i = 0; i < 2; i++) await h.api.vote(c.id, -1, newVisitor());
      assert.deepEqual(await tally(page, c.id), { score: 2, up: 4, down: 2 });
    });

    it("returns the visitor's own votes from /api/v1/me", async () => {
      const page = newPage();
      const [a, b, c] = [await h.api.comment({ page }), await h.api.comment({ page }), await h.api.comment({ page })];
      const visitor = newVisitor();
      await h.api.vote(a.id, 1, visitor);
      await h.api.vote(b.id, -1, visitor);
      await h.api.vote(c.id, 1, visitor);
      await h.api.vote(c.id, 0, visitor);
      await h.api.vote(a.id, -1, newVisitor());
      const me = await h.api.me(page, visitor);
      assert.equal(me.status, 200);
      assert.match(me.headers.get('cache-control') ?? '', /private/);
      assert.deepEqual(me.body, { votes: { [a.id]: 1, [b.id]: -1 }, pending: [] });
      assert.deepEqual((await h.api.me(page, newVisitor())).body, { votes: {}, pending: [] });
      assert.deepEqual((await h.api.me(page)).body, { votes: {}, pending: [] });
      assert.deepEqual((await h.api.me(newPage(), visitor)).body, { votes: {}, pending: [] });
    });

    it('gives exact totals when 20 visitors vote at once', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const values = Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? -1 : 1));
      const results = await Promise.all(values.map((v) => h.api.vote(c.id, v, newVisitor())));
      assert.deepEqual(results.map((r) => r.status), Array(20).fill(200));
      assert.deepEqual(await tally(page, c.id), { score: 10, up: 15, down: 5 });
    });

    it('counts one visitor once even when their votes race each other', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      const visitor = newVisitor();
      const results = await Promise.all(Array.from({ length: 10 }, () => h.api.vote(c.id, 1, visitor)));
      assert.ok(results.every((r) => r.status === 200));
      assert.deepEqual(await tally(page, c.id), { score: 1, up: 1, down: 0 });
      // Flipping back and forth concurrently ends in one vote, whichever came last.
      await Promise.all(Array.from({ length: 10 }, (_, i) => h.api.vote(c.id, i % 2 ? 1 : -1, visitor)));
      const after = await tally(page, c.id);
      assert.equal(after.up + after.down, 1);
      assert.equal(after.score, after.up - after.down);
    });

    it('refuses votes on a deleted comment', async () => {
      const page = newPage();
      const c = await h.api.comment({ page });
      await h.api.remove(c.id, c.editToken);
      assert.equal((await h.api.vote(c.id, 1, newVisitor())).status, 404);
    });
  });
}
