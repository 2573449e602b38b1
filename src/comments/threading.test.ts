// Replies: nesting, the depth limit, conversation order and "show more replies",
// on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { flatten, newPage, type Api, type Comment } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

/** A chain of replies, each answering the one before: depths 0..n-1 when nesting allows. */
async function chain(api: Api, page: string, n: number): Promise<Comment[]> {
  const out = [await api.comment({ page, name: 'Level 0', body: 'depth 0' })];
  for (let i = 1; i < n; i++) out.push(await api.reply(out[i - 1], { page, name: `Level ${i}`, body: `depth ${i}` }));
  return out;
}

/** Every reply under a top-level comment through /replies, following the cursor. */
async function allReplies(api: Api, rootId: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await api.replies(rootId, { cursor, limit });
    assert.equal(res.status, 200, res.text);
    ids.push(...res.body.comments.map((c) => c.id));
    cursor = res.body.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { ids, pages };
}

for (const engine of ENGINES) {
  describe(`replies and threading (${engine.name})`, () => {
    const h = useServer(engine);

    it('nests replies under their parents with depth and parentId', async () => {
      const page = newPage();
      const levels = await chain(h.api, page, 5);
      assert.deepEqual(levels.map((c) => c.depth), [0, 1, 2, 3, 4]);
      assert.deepEqual(levels.slice(1).map((c) => c.parentId), levels.slice(0, 4).map((c) => c.id));
      assert.ok(levels.every((c) => c.replyTo === null));

      const list = await h.api.list(page);
      assert.equal(list.body.thread.commentCount, 5);
      assert.equal(list.body.comments.length, 1, 'only the top-level comment at the top');
      let node = list.body.comments[0];
      for (let depth = 0; depth < 5; depth++) {
        assert.equal(node.id, levels[depth].id);
        assert.equal(node.depth, depth);
        node = node.replies[0];
      }
      assert.equal(node, undefined);
    });

    it('attaches a reply to a depth-4 comment at depth 4, under the depth-3 ancestor, remembering whom it answers', async () => {
      const page = newPage();
      const levels = await chain(h.api, page, 5);
      const deep = await h.api.reply(levels[4], { page, name: 'Deep', body: 'too deep' });
      assert.equal(deep.depth, 4);
      assert.equal(deep.parentId, levels[3].id);
      assert.deepEqual(deep.replyTo, { id: levels[4].id, name: 'Level 4' });
      const deeper = await h.api.reply(deep, { page, body: 'deeper still' });
      assert.equal(deeper.depth, 4);
      assert.equal(deeper.parentId, levels[3].id);
      assert.deepEqual(deeper.replyTo, { id: deep.id, name: 'Deep' });

      const [root] = (await h.api.list(page)).body.comments;
      const level3 = root.replies[0].replies[0].replies[0];
      assert.deepEqual(level3.replies.map((c) => c.id), [levels[4].id, deep.id, deeper.id]);
      assert.deepEqual(level3.replies.map((c) => c.replyTo?.id ?? null), [null, levels[4].id, deep.id]);
      assert.ok(flatten([root]).every((c) => c.depth <= 4));
    });

    it('honours a site with a smaller depth limit', async () => {
      await h.addSite('flat', ['https://flat.example'], { maxDepth: 2 });
      const page = newPage();
      const root = await h.api.comment({ site: 'flat', page, body: 'root' });
      const child = await h.api.reply(root, { site: 'flat', page, name: 'Child', body: 'child' });
      const grandchild = await h.api.reply(child, { site: 'flat', page, body: 'grandchild' });
      assert.deepEqual([child.depth, grandchild.depth], [1, 1]);
      assert.equal(grandchild.parentId, root.id);
      assert.deepEqual(grandchild.replyTo, { id: child.id, name: 'Child' });
    });

    it('shows replies in conversation order: depth first, oldest sibling first', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      const a = await h.api.reply(root, { page, body: 'a' });
      const b = await h.api.reply(root, { page, body: 'b' });
      const a1 = await h.api.reply(a, { page, body: 'a1' });
      const b1 = await h.api.reply(b, { page, body: 'b1' });
      const a2 = await h.api.reply(a, { page, body: 'a2' });
      const a1x = await h.api.reply(a1, { page, body: 'a1x' });
      const expected = [a, a1, a1x, a2, b, b1].map((c) => c.id);

      const [top] = (await h.api.list(page)).body.comments;
      assert.deepEqual(flatten(top.replies).map((c) => c.id), expected);
      assert.deepEqual(top.replies.map((c) => c.id), [a.id, b.id]);
      assert.equal(top.moreReplies, 0);
      assert.deepEqual((await allReplies(h.api, root.id, 50)).ids, expected);
    });

    it('refuses a reply to a comment of another thread, naming parentId', async () => {
      const other = await h.api.comment({ page: newPage('other'), body: 'elsewhere' });
      const page = newPage();
      const res = await h.api.post({ page, parentId: other.id, body: 'misplaced' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'parentId');
      const missing = await h.api.post({ page, parentId: '0000000000000000', body: 'orphan' });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.field, 'parentId');
      assert.equal((await h.api.list(page)).body.comments.length, 0);
    });

    it('refuses a reply to a deleted comment', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'root' });
      assert.equal((await h.api.remove(root.id, root.editToken)).status, 200);
      const res = await h.api.post({ page, parentId: root.id, body: 'too late' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.field, 'parentId');
    });

    it('shows the first 20 replies and counts the rest as moreReplies; /replies pages through them all', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'popular' });
      const quiet = await h.api.comment({ page, body: 'quiet' });
      const replies: Comment[] = [];
      for (let i = 0; i < 24; i++) {
        // Some answers to earlier replies, so conversation order differs from posting order.
        const parent = i % 5 === 4 ? replies[i - 2] : root;
        replies.push(await h.api.reply(parent, { page, body: `reply ${i}` }));
      }
      await h.api.reply(quiet, { page, body: 'only one' });

      const list = await h.api.list(page, { sort: 'oldest' });
      const [top, second] = list.body.comments;
      const shown = flatten(top.replies).map((c) => c.id);
      assert.equal(shown.length, 20);
      assert.equal(top.moreReplies, 4);
      assert.equal(second.moreReplies, 0);
      assert.equal(second.replies.length, 1);

      for (const limit of [7, 50]) {
        const { ids, pages } = await allReplies(h.api, root.id, limit);
        assert.equal(pages, Math.ceil(24 / limit));
        assert.equal(new Set(ids).size, 24, 'no duplicates');
        assert.deepEqual(ids.slice(0, 20), shown, 'the page showed a prefix of the conversation');
        const byPath = [...replies].sort((x, y) => pathOf(x, replies, root.id).localeCompare(pathOf(y, replies, root.id)));
        assert.deepEqual(ids, byPath.map((c) => c.id), 'conversation order');
      }
      const rest = (await h.api.replies(root.id, { limit: 50 })).body.comments.slice(20);
      assert.equal(rest.length, top.moreReplies);
      assert.ok(rest.every((c) => c.replies.length === 0 && typeof c.depth === 'number'));
    });

    it('does not serve /replies of a comment the listing no longer shows', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, body: 'gone soon' });
      await h.api.remove(root.id, root.editToken);
      assert.equal((await h.api.replies(root.id)).status, 404);
    });
  });
}

/** The materialised path a comment should have, rebuilt from the replies' parent links. */
function pathOf(comment: Comment, all: Comment[], rootId: string): string {
  const parts = [comment.id];
  let parent = comment.parentId;
  while (parent && parent !== rootId) {
    parts.unshift(parent);
    parent = all.find((c) => c.id === parent)!.parentId;
  }
  return [rootId, ...parts].join('/');
}
