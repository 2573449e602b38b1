// Passage anchors through the public API: validated, normalised and stored with the comment,
// returned in reads, counted per passage from the database, cached and invalidated on
// writes, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

interface AnchorIn {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
  feedbackId?: string;
  textHash?: string;
}

const anchor = (exact: string, start: number, extra: Partial<AnchorIn> = {}): AnchorIn => ({
  quote: { exact, prefix: 'before the quote ', suffix: ' after the quote' },
  position: { start, end: start + exact.length },
  ...extra,
});

for (const engine of ENGINES) {
  describe(`inline feedback API (${engine.name})`, () => {
    const h = useServer(engine);

    const post = (page: string, body: Record<string, unknown>, visitor = newVisitor()) =>
      h.api.request('POST', '/api/v1/comments', {
        body: { site: SITE, page, author: { name: 'Reader' }, body: 'About this passage', ...body },
        headers: { 'x-colloquy-visitor': visitor },
      });
    const passages = (page: string, headers: Record<string, string> = {}) =>
      h.api.request('GET', `/api/v1/passages?${h.api.query({ site: SITE, page })}`, { headers });

    it('stores the anchor with the comment, normalised, and returns it in reads', async () => {
      const page = newPage('inline');
      const input = anchor('Cafe\u0301  owners\nsaid', 120, { textHash: '00a1b2c3d4e5f6', quote: { exact: 'Cafe\u0301  owners\nsaid', prefix: 'In town, ', suffix: ' on Monday' } });
      const res = await post(page, { anchor: input });
      assert.equal(res.status, 201, res.text);
      const stored = res.body.comment.anchor;
      assert.equal(stored.quote.exact, 'Café owners said', 'NFC, white space collapsed as in the widget');
      assert.deepEqual(stored.position, { start: 120, end: 138 }, 'offsets kept as sent: they are the page text\u2019s');
      assert.equal(stored.textHash, '00a1b2c3d4e5f6');
      assert.match(stored.key, /^q:[A-Za-z0-9_-]{22}$/);
      const plain = await h.api.comment({ page });
      const list = await h.api.list(page);
      const [newest, anchored] = list.body.comments;
      assert.equal(newest!.id, plain.id);
      assert.equal('anchor' in newest!, false, 'a comment without a passage has no anchor');
      assert.deepEqual((anchored as unknown as { anchor: unknown }).anchor, stored);
    });

    it('refuses bad anchors with a 400 naming the field, storing nothing', async () => {
      const page = newPage('inline-bad');
      const root = await h.api.comment({ page });
      const cases: Array<[string, unknown, string]> = [
        ['end before start', { ...anchor('passage', 50), position: { start: 50, end: 40 } }, 'anchor.position.end'],
        ['negative start', { ...anchor('passage', 0), position: { start: -1, end: 6 } }, 'anchor.position.start'],
        ['fractional offset', { ...anchor('passage', 0), position: { start: 1.5, end: 6 } }, 'anchor.position.start'],
        ['a span far longer than the quote', { ...anchor('passage', 0), position: { start: 0, end: 5000 } }, 'anchor.position.end'],
        ['white space only', anchor(' \u200b\n ', 3), 'anchor.quote.exact'],
        ['a quote too long', anchor('x'.repeat(2001), 0), 'anchor.quote.exact'],
        ['context too long', { ...anchor('passage', 0), quote: { exact: 'passage', prefix: 'p'.repeat(201), suffix: '' } }, 'anchor.quote.prefix'],
        ['no prefix', { quote: { exact: 'passage', suffix: '' }, position: { start: 0, end: 7 } }, 'anchor.quote.prefix'],
        ['no position', { quote: { exact: 'passage', prefix: '', suffix: '' } }, 'anchor.position'],
        ['a feedbackId with spaces', anchor('passage', 0, { feedbackId: 'two words' }), 'anchor.feedbackId'],
        ['a textHash with markup', anchor('passage', 0, { textHash: '<b>' }), 'anchor.textHash'],
        ['a string', 'passage', 'anchor'],
      ];
      for (const [name, value, field] of cases) {
        const res = await post(page, { anchor: value });
        assert.equal(res.status, 400, `${name}: ${res.text}`);
        assert.equal(res.body.error.field, field, name);
      }
      const reply = await post(page, { parentId: root.id, anchor: anchor('passage', 0) });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 'anchor_on_reply');
      assert.equal(reply.body.error.field, 'anchor');
      const list = await h.api.list(page);
      assert.equal(list.body.thread.commentCount, 1, 'nothing stored');
    });

    it('counts comments per passage: same quote and context together, editor questions by feedbackId', async () => {
      const page = newPage('inline-counts');
      for (let i = 0; i < 3; i++) assert.equal((await post(page, { anchor: anchor('the council approved the plan', 300) })).status, 201);
      assert.equal((await post(page, { anchor: anchor('a skate area', 900) })).status, 201);
      // An editor's question: the quote may differ between comments (the text was edited), the passage is the same.
      assert.equal((await post(page, { anchor: anchor('Should the city pay for upkeep?', 40, { feedbackId: 'upkeep' }) })).status, 201);
      assert.equal((await post(page, { anchor: anchor('Should the city pay for the upkeep?', 42, { feedbackId: 'upkeep' }) })).status, 201);
      const root = await h.api.comment({ page });
      await h.api.reply(root, { page });
      const res = await passages(page);
      assert.equal(res.status, 200, res.text);
      const list = res.body.passages as Array<{ key: string; count: number; feedbackId?: string; anchor: AnchorIn & { key: string } }>;
      assert.deepEqual(list.map((p) => [p.anchor.quote.exact, p.count, p.feedbackId ?? null]), [
        ['Should the city pay for the upkeep?', 2, 'upkeep'],
        ['the council approved the plan', 3, null],
        ['a skate area', 1, null],
      ], 'in article order, newest quote of each passage');
      assert.equal(list[0]!.key, 'f:upkeep');
      assert.equal(list[1]!.anchor.key, list[1]!.key);
    });

    it('is cached with an ETag and fresh after every write: post, delete', async () => {
      const page = newPage('inline-cache');
      const first = await post(page, { anchor: anchor('a path along the river', 500) });
      const before = await passages(page);
      assert.equal(before.body.passages[0].count, 1);
      const etag = before.headers.get('etag')!;
      assert.equal((await passages(page, { 'if-none-match': etag })).status, 304);
      await post(page, { anchor: anchor('a path along the river', 500) });
      const after = await passages(page, { 'if-none-match': etag });
      assert.equal(after.status, 200, 'a write invalidates the cached passages');
      assert.equal(after.body.passages[0].count, 2);
      const removed = await h.api.remove(first.body.comment.id, first.body.editToken);
      assert.equal(removed.status, 200);
      assert.equal((await passages(page)).body.passages[0].count, 1, 'deleted comments are not counted');
      assert.deepEqual((await passages(newPage('none'))).body, { passages: [], questions: [] });
    });

    it('lists the comments of one passage, newest first, or of all passages', async () => {
      const page = newPage('inline-list');
      const a1 = (await post(page, { body: 'first on A', anchor: anchor('passage A', 10) })).body.comment;
      const b1 = (await post(page, { body: 'first on B', anchor: anchor('passage B', 90) })).body.comment;
      const a2 = (await post(page, { body: 'second on A', anchor: anchor('passage A', 10) })).body.comment;
      await h.api.comment({ page, body: 'not about a passage' });
      const key = a1.anchor.key;
      const one = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, passage: key, limit: 5 })}`);
      assert.equal(one.status, 200, one.text);
      assert.deepEqual(one.body.comments.map((c: { id: string }) => c.id), [a2.id, a1.id]);
      const all = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page })}`);
      assert.deepEqual(all.body.comments.map((c: { id: string }) => c.id), [a2.id, b1.id, a1.id]);
      const bad = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, passage: 'nope' })}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'passage');
    });

    it('counts a passage\u2019s whole conversation: replies (at any depth) belong to their comment\u2019s passage', async () => {
      const page = newPage('inline-replies');
      const root = (await post(page, { body: 'Is the garden big enough?', anchor: anchor('a community garden', 200) })).body.comment;
      const other = (await post(page, { body: 'On another passage', anchor: anchor('a skate area', 400) })).body.comment;
      const reply = await h.api.reply(root, { page, body: 'It is two acres.' });
      const deeper = await h.api.reply(reply, { page, body: 'That is plenty.' });
      const count = async () => Object.fromEntries(((await passages(page)).body.passages as Array<{ key: string; count: number }>).map((p) => [p.key, p.count]));
      assert.deepEqual(await count(), { [root.anchor.key]: 3, [other.anchor.key]: 1 }, 'the comment and both replies');
      const list = await h.api.list(page);
      const thread = list.body.comments.find((c) => c.id === root.id)!;
      type Node = { id: string; replies?: Node[] };
      const below = (c: Node): Node[] => (c.replies ?? []).flatMap((r) => [r, ...below(r)]);
      assert.deepEqual(below(thread).map((r) => r.id), [reply.id, deeper.id]);
      assert.ok(below(thread).every((r) => !('anchor' in r)), 'replies show no quote of their own');
      const inView = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, passage: root.anchor.key })}`);
      assert.deepEqual(inView.body.comments.map((c: Node) => [c.id, below(c).map((r) => r.id)]), [[root.id, [reply.id, deeper.id]]]);
      assert.equal((await h.api.remove(deeper.id, deeper.editToken)).status, 200);
      assert.deepEqual(await count(), { [root.anchor.key]: 2, [other.anchor.key]: 1 }, 'a deleted reply leaves the count');
    });

    it('pages the comments on passages with a cursor, so every one of them can be shown', async () => {
      const page = newPage('inline-paging');
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) {
        const passage = i % 2 ? anchor('passage B', 90) : anchor('passage A', 10);
        posted.push((await post(page, { body: `comment ${i}`, anchor: passage })).body.comment.id);
      }
      const seen: string[][] = [];
      let cursor: string | undefined;
      do {
        const res = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, limit: 3, cursor })}`);
        assert.equal(res.status, 200, res.text);
        seen.push(res.body.comments.map((c: { id: string }) => c.id));
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, [posted.slice(4).reverse(), posted.slice(1, 4).reverse(), [posted[0]]], 'newest first, three a page, none twice');
      const onA = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, passage: (await passages(page)).body.passages[0].key, limit: 2, cursor: posted[4] })}`);
      assert.deepEqual(onA.body.comments.map((c: { id: string }) => c.id), [posted[2], posted[0]], 'one passage, after the cursor');
      assert.equal(onA.body.nextCursor, null);
      const bad = await h.api.request('GET', `/api/v1/passages/comments?${h.api.query({ site: SITE, page, cursor: 'not a cursor' })}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'cursor');
    });

    it('exposes the site\u2019s inline settings in the thread config', async () => {
      await h.addSite('inline-site', ['https://publisher.example'], { inline: { attraction: 'pulse', readerSelection: false, root: 'article .body' } });
      const res = await h.api.request('GET', `/api/v1/comments?${h.api.query({ site: 'inline-site', page: newPage() })}`);
      assert.deepEqual(res.body.config.inline, { attraction: 'pulse', readerSelection: false, root: 'article .body' });
      const demo = await h.api.list(newPage());
      assert.deepEqual((demo.body as unknown as { config: { inline: unknown } }).config.inline, { attraction: 'quiet', readerSelection: true, root: null });
    });
  });
}
