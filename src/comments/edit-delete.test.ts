// Authors editing and deleting their own comments with X-Edit-Token, and what readers see
// afterwards, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { flatten, newPage, pause } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`editing and deleting (${engine.name})`, () => {
    const h = useServer(engine);

    async function shown(page: string) {
      const res = await h.api.list(page, { sort: 'oldest' });
      return { count: res.body.thread.commentCount, comments: flatten(res.body.comments) };
    }

    it('lets the author edit with the edit token: new html and editedAt, visible to readers', async () => {
      const page = newPage();
      const c = await h.api.comment({ page, name: 'Ann', body: 'first draft' });
      const res = await h.api.edit(c.id, 'Second **draft**', c.editToken);
      assert.equal(res.status, 200);
      assert.equal(res.body.comment.html, '<p>Second <strong>draft</strong></p>');
      assert.ok(res.body.comment.editedAt);
      assert.ok(Date.parse(res.body.comment.editedAt) >= Date.parse(c.createdAt));
      assert.equal(res.body.comment.createdAt, c.createdAt);
      const [read] = (await shown(page)).comments;
      assert.equal(read.html, '<p>Second <strong>draft</strong></p>');
      assert.equal(read.editedAt, res.body.comment.editedAt);
      assert.equal(read.author.name, 'Ann');
      assert.match((await h.api.embed(page)).text, /\(edited\)/);
    });

    it('refuses edits and deletions without the right token (403), changing nothing', async () => {
      const page = newPage();
      const c = await h.api.comment({ page, body: 'mine' });
      const other = await h.api.comment({ page, body: 'theirs' });
      for (const token of [undefined, 'wrong-token', other.editToken, c.editToken.slice(0, -1)]) {
        const edit = await h.api.edit(c.id, 'hijacked', token);
        assert.equal(edit.status, 403, `edit with ${token}`);
        assert.equal(edit.body.error.code, 'not_author');
        const del = await h.api.remove(c.id, token);
        assert.equal(del.status, 403, `delete with ${token}`);
      }
      const { count, comments } = await shown(page);
      assert.equal(count, 2);
      assert.equal(comments[0].html, '<p>mine</p>');
      assert.equal(comments[0].editedAt, null);
    });

    it('validates the edited body like a new one', async () => {
      const c = await h.api.comment({ page: newPage() });
      for (const body of ['', '  \n ', 'x'.repeat(10_001)]) {
        const res = await h.api.edit(c.id, body, c.editToken);
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, 'body');
      }
    });

    it('closes editing and deleting after the edit window (403 edit_window_closed)', async () => {
      await h.addSite('no-edits', ['https://strict.example'], { editWindowSeconds: 0 });
      const page = newPage();
      const c = await h.api.comment({ site: 'no-edits', page, body: 'final' });
      await pause(5);
      const edit = await h.api.edit(c.id, 'changed', c.editToken);
      assert.equal(edit.status, 403);
      assert.equal(edit.body.error.code, 'edit_window_closed');
      const del = await h.api.remove(c.id, c.editToken);
      assert.equal(del.status, 403);
      assert.equal(del.body.error.code, 'edit_window_closed');
      const list = await h.api.list(page, { site: 'no-edits' });
      assert.equal(list.body.comments[0].html, '<p>final</p>');
    });

    it('removes a deleted leaf from reads and from the count', async () => {
      const page = newPage();
      const keep = await h.api.comment({ page, body: 'keep' });
      const gone = await h.api.comment({ page, body: 'gone' });
      const reply = await h.api.reply(keep, { page, body: 'reply' });
      const res = await h.api.remove(gone.id, gone.editToken);
      assert.equal(res.status, 200);
      assert.equal(res.body.comment.deleted, true);
      assert.equal(res.body.comment.html, '');
      await h.api.remove(reply.id, reply.editToken);
      const { count, comments } = await shown(page);
      assert.equal(count, 1);
      assert.deepEqual(comments.map((c) => c.id), [keep.id]);
      assert.equal((await h.api.counts([page])).body.counts[page], 1);
      assert.equal((await h.api.remove(gone.id, gone.editToken)).status, 404, 'already deleted');
      assert.equal((await h.api.edit(gone.id, 'back', gone.editToken)).status, 404);
    });

    it('leaves a placeholder for a deleted comment with replies; the replies remain', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, name: 'Secret Name', body: 'secret body' });
      const a = await h.api.reply(root, { page, body: 'a' });
      const b = await h.api.reply(root, { page, body: 'b' });
      assert.equal((await h.api.remove(root.id, root.editToken)).status, 200);

      const { count, comments } = await shown(page);
      assert.equal(count, 2);
      assert.deepEqual(comments.map((c) => c.id), [root.id, a.id, b.id]);
      const placeholder = comments[0];
      assert.equal(placeholder.deleted, true);
      assert.equal(placeholder.html, '');
      assert.equal(placeholder.author.name, '');
      assert.ok(comments.slice(1).every((c) => !c.deleted && c.parentId === root.id));
      const embed = (await h.api.embed(page)).text;
      assert.ok(!embed.includes('Secret Name') && !embed.includes('secret body'));
      assert.match(embed, /This comment was deleted\./);
      const replies = await h.api.replies(root.id);
      assert.equal(replies.status, 200);
      assert.deepEqual(replies.body.comments.map((c) => c.id), [a.id, b.id]);
    });

    it('removes a placeholder, and deleted ancestors, once their last reply is deleted', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      const mid = await h.api.reply(root, { page, body: 'mid' });
      const leaf1 = await h.api.reply(mid, { page, body: 'leaf 1' });
      const leaf2 = await h.api.reply(mid, { page, body: 'leaf 2' });
      const other = await h.api.comment({ page, body: 'other' });
      await h.api.remove(root.id, root.editToken);
      await h.api.remove(mid.id, mid.editToken);
      assert.deepEqual((await shown(page)).comments.map((c) => [c.id, c.deleted]), [
        [root.id, true], [mid.id, true], [leaf1.id, false], [leaf2.id, false], [other.id, false],
      ]);
      await h.api.remove(leaf1.id, leaf1.editToken);
      assert.deepEqual((await shown(page)).comments.map((c) => c.id), [root.id, mid.id, leaf2.id, other.id]);
      await h.api.remove(leaf2.id, leaf2.editToken);
      const { count, comments } = await shown(page);
      assert.deepEqual(comments.map((c) => c.id), [other.id]);
      assert.equal(count, 1);
    });

    it('counts a deletion once when the same delete arrives several times at once', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      const twin = await h.api.reply(root, { page, body: 'double-clicked' });
      const sibling = await h.api.reply(root, { page, body: 'sibling' });
      const results = await Promise.all(Array.from({ length: 8 }, () => h.api.remove(twin.id, twin.editToken)));
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, ...Array(7).fill(404)], 'one deletion; the others find nothing to delete');
      assert.equal((await shown(page)).count, 2);
      // The root still has a reply, so deleting it must leave a placeholder above the sibling.
      await h.api.remove(root.id, root.editToken);
      const { count, comments } = await shown(page);
      assert.equal(count, 1);
      assert.deepEqual(comments.map((c) => [c.id, c.deleted]), [[root.id, true], [sibling.id, false]]);
    });

    it('removes a placeholder when its last replies are deleted at the same time', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      const replies = [];
      for (let i = 0; i < 5; i++) replies.push(await h.api.reply(root, { page, body: `r${i}` }));
      await h.api.remove(root.id, root.editToken);
      const results = await Promise.all(replies.map((r) => h.api.remove(r.id, r.editToken)));
      assert.deepEqual(results.map((r) => r.status), Array(5).fill(200));
      const { count, comments } = await shown(page);
      assert.deepEqual(comments, []);
      assert.equal(count, 0);
    });

    it('never leaves a reply hanging under a comment deleted while it was posted', async () => {
      for (let round = 0; round < 5; round++) {
        const page = newPage();
        const parent = await h.api.comment({ page, body: 'parent' });
        const [deletion, ...posts] = await Promise.all([
          h.api.remove(parent.id, parent.editToken),
          ...Array.from({ length: 4 }, () => h.api.post({ page, parentId: parent.id, body: 'racing reply' })),
        ]);
        assert.equal(deletion.status, 200);
        const accepted = posts.filter((p) => p.status === 201).length;
        assert.ok(posts.every((p) => p.status === 201 || (p.status === 400 && p.body.error.field === 'parentId')));
        const { count, comments } = await shown(page);
        assert.equal(count, accepted, 'the count is the live replies');
        const ids = new Set(comments.map((c) => c.id));
        assert.ok(comments.every((c) => c.parentId === null || ids.has(c.parentId)), 'every shown reply hangs under a shown comment');
        assert.equal(comments.filter((c) => !c.deleted).length, accepted, 'every accepted reply is shown');
        assert.deepEqual((await h.api.list(page)).body.comments.map((c) => c.moreReplies), accepted ? [0] : []);
      }
    });

    it('keeps a live parent when its reply is deleted, and removes it fully when it is deleted later', async () => {
      const page = newPage();
      const parent = await h.api.comment({ page, body: 'parent' });
      const child = await h.api.reply(parent, { page, body: 'child' });
      await h.api.remove(child.id, child.editToken);
      let read = await shown(page);
      assert.deepEqual(read.comments.map((c) => [c.id, c.deleted]), [[parent.id, false]]);
      await h.api.remove(parent.id, parent.editToken);
      read = await shown(page);
      assert.deepEqual(read.comments, []);
      assert.equal(read.count, 0);
    });
  });
}
