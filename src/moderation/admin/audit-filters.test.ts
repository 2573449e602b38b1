// The audit log's filters, on SQLite and PostgreSQL: by moderator, action (or family of actions),
// target, the author of a comment (any of their comments, bans made from them) and dates, each
// combined with cursor paging. Bad filters are 400 naming the field.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, newVisitor } from '../../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { useServer } from '../../../test/helpers/suite.ts';
import * as migration012 from '../../platform/migrations/012-moderation-console.ts';

const SITE = 'auditsite';

interface Entry { id: string; action: string; actor: { id: string }; target: { type: string; id: string }; at: string }

for (const engine of ENGINES) {
  describe(`audit log filters (${engine.name})`, () => {
    const h = useServer(engine);
    let ann: AdminClient;
    let annId: string;
    let bob: AdminClient;
    let bobId: string;
    const troll = newVisitor();
    const trollComments: string[] = [];
    let bystander: string;
    let trollBan: string;
    let start: string;

    before(async () => {
      await h.addSite(SITE, ['https://publisher.example']);
      await h.addSite('elsewhere', ['https://publisher.example']);
      ({ client: ann, id: annId } = await staffClient(h.server, [{ site: SITE, role: 'admin' }, { site: 'elsewhere', role: 'admin' }], 'ann'));
      ({ client: bob, id: bobId } = await staffClient(h.server, [{ site: SITE, role: 'moderator' }], 'bob'));
      start = new Date().toISOString();
      const post = async (body: string, visitor: string) => (await h.api.comment({ site: SITE, page: newPage('audit'), body, visitor })).id as string;
      for (const n of [1, 2, 3]) trollComments.push(await post(`Troll comment number ${n}`, troll));
      bystander = await post('An innocent bystander', newVisitor());
      const act = async (who: AdminClient, id: string, action: string) => assert.equal((await who.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action })).status, 200);
      await act(ann, trollComments[0]!, 'reject');
      await act(bob, trollComments[1]!, 'spam');
      await act(bob, trollComments[1]!, 'hold');
      await act(ann, bystander, 'reject');
      await act(ann, bystander, 'approve');
      const ban = await bob.request('POST', `/api/v1/admin/comments/${trollComments[2]}/ban`, { kinds: ['visitor'], mode: 'ban', durationSeconds: 3600, reason: 'Trolling', action: null });
      assert.equal(ban.status, 201, ban.text);
      trollBan = ban.body.bans[0].id;
      assert.equal((await ann.request('PUT', `/api/v1/admin/sites/${SITE}/settings`, { version: 0, settings: { maxDepth: 4 } })).status, 200);
      // Another site's entries never show here.
      const other = (await h.api.comment({ site: 'elsewhere', page: newPage('audit'), body: 'Elsewhere', visitor: troll })).id;
      await act(ann, other, 'reject');
    });

    /** Every entry a filter finds, following nextCursor two at a time. */
    async function all(filter: Record<string, string>): Promise<Entry[]> {
      const out: Entry[] = [];
      let cursor: string | null = null;
      do {
        const q: URLSearchParams = new URLSearchParams({ site: SITE, limit: '2', ...filter, ...(cursor ? { cursor } : {}) });
        const res = await ann.request<{ entries: Entry[]; nextCursor: string | null }>('GET', `/api/v1/admin/audit?${q}`);
        assert.equal(res.status, 200, res.text);
        assert.ok(res.body.entries.length <= 2);
        out.push(...res.body.entries);
        cursor = res.body.nextCursor;
      } while (cursor);
      return out;
    }
    const actions = (entries: Entry[]) => entries.map((e) => e.action);

    it('lists everything newest first without filters, across pages', async () => {
      const entries = await all({});
      assert.deepEqual(actions(entries), ['settings.update', 'ban.create', 'comment.approve', 'comment.reject', 'comment.hold', 'comment.spam', 'comment.reject']);
      assert.deepEqual(entries.map((e) => e.id), [...entries.map((e) => e.id)].sort().reverse());
    });

    it('filters by moderator, by action and by a family of actions', async () => {
      assert.deepEqual(actions(await all({ actor: bobId })), ['ban.create', 'comment.hold', 'comment.spam']);
      assert.deepEqual(actions(await all({ action: 'comment.reject' })), ['comment.reject', 'comment.reject']);
      assert.deepEqual(actions(await all({ action: 'comment' })), ['comment.approve', 'comment.reject', 'comment.hold', 'comment.spam', 'comment.reject']);
      assert.deepEqual(actions(await all({ action: 'comment', actor: annId })), ['comment.approve', 'comment.reject', 'comment.reject']);
      assert.deepEqual(await all({ action: 'staff' }), []);
    });

    it("filters by target, and by a comment's author: their comments and the bans made from them", async () => {
      assert.deepEqual(actions(await all({ target: bystander })), ['comment.approve', 'comment.reject']);
      assert.deepEqual(actions(await all({ target: trollBan })), ['ban.create']);
      const byAuthor = await all({ author: trollComments[0]! });
      assert.deepEqual(actions(byAuthor), ['ban.create', 'comment.hold', 'comment.spam', 'comment.reject']);
      assert.ok(!byAuthor.some((e) => e.target.id === bystander), 'not the bystander');
      assert.deepEqual(actions(await all({ author: trollComments[2]!, action: 'ban' })), ['ban.create']);
    });

    it('filters by dates: at or after from, before to', async () => {
      const entries = await all({});
      const newest = entries[0]!;
      // Entries may share a millisecond: expect exactly those at or after it.
      const since = (at: string) => entries.filter((e) => Date.parse(e.at) >= Date.parse(at));
      assert.deepEqual(await all({ from: newest.at }), since(newest.at));
      assert.ok(since(newest.at).length < entries.length, 'the filter leaves older entries out');
      assert.deepEqual(await all({ to: start }), []);
      assert.equal((await all({ from: start })).length, entries.length);
      const ban = entries.find((e) => e.action === 'ban.create')!;
      const justAfter = new Date(Date.parse(ban.at) + 1).toISOString();
      assert.deepEqual(actions(await all({ from: start, to: justAfter, action: 'ban.create' })), ['ban.create'], '"to" is after the ban');
      assert.deepEqual(await all({ from: start, to: ban.at, action: 'ban.create' }), [], '"to" is exclusive');
      const today = new Date().toISOString().slice(0, 10);
      assert.equal((await all({ from: today })).length, entries.length, 'a day means its UTC midnight');
      assert.deepEqual(await all({ from: '2999-01-01' }), []);
    });

    it('refuses bad filters with 400 naming the field', async () => {
      for (const [query, field] of [
        ['from=yesterday', 'from'],
        ['from=2025-13-45', 'from'],
        ['to=2025-11-27T10:00', 'to'],
        [`from=2025-11-27&to=2025-11-26`, 'to'],
        ['action=Comment.Approve', 'action'],
        ['action=comment.approve;drop', 'action'],
        ['author=someone', 'author'],
        ['actor=x', 'actor'],
      ]) {
        const res = await ann.request('GET', `/api/v1/admin/audit?site=${SITE}&${query}`);
        assert.equal(res.status, 400, `${query} → ${res.status} ${res.text}`);
        assert.equal(res.body.error.field, field, query);
      }
      const foreign = (await h.api.comment({ site: 'elsewhere', page: newPage('audit'), body: 'Foreign', visitor: newVisitor() })).id;
      const res = await ann.request('GET', `/api/v1/admin/audit?site=${SITE}&author=${foreign}`);
      assert.equal(res.status, 404, "another site's comment is no author here");
      assert.equal(res.body.error.code, 'comment_not_found');
    });

    // Last: it takes the column away and back, as an upgrade from before migration 012 would find it.
    it('entries written before migration 012 learn the author of their comment', async () => {
      const db = h.server.app.database.db;
      await migration012.down(db);
      const at = Date.now();
      await db.insertInto('moderation_audit').values({ id: 'ZZZZZZZZZZZZZZZ0', site_id: SITE, actor_id: annId, actor_email: 'ann@staff.example', action: 'comment.approve', target_type: 'comment', target_id: trollComments[0]!, before: null, after: null, note: 'old', at } as never).execute();
      await migration012.up(db);
      const row = await db.selectFrom('moderation_audit').select('author_ref').where('id', '=', 'ZZZZZZZZZZZZZZZ0').executeTakeFirstOrThrow();
      const comment = await db.selectFrom('comments').select('author_key').where('id', '=', trollComments[0]!).executeTakeFirstOrThrow();
      assert.equal(row.author_ref, `key:${comment.author_key}`);
      const byAuthor = await all({ author: trollComments[2]! });
      assert.ok(byAuthor.some((e) => e.id === 'ZZZZZZZZZZZZZZZ0'), 'the author filter finds it');
      assert.ok(byAuthor.some((e) => e.action === 'comment.spam'), 'and the comment actions it had before');
    });
  });
}
