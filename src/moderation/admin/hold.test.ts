// The "hold" action, on SQLite and PostgreSQL: a moderator moves a published, rejected or spam
// comment back to Pending. It leaves public reads, counts and the no-JS thread at once (cached
// pages included), waits in the Pending queue with its open reports, and is audited.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, newVisitor } from '../../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { openStream } from '../../../test/helpers/sse.ts';
import { useServer } from '../../../test/helpers/suite.ts';

const SITE = 'holdsite';

for (const engine of ENGINES) {
  describe(`hold: back to pending (${engine.name})`, () => {
    const h = useServer(engine);
    let mod: AdminClient;
    let siteAdmin: AdminClient;

    before(async () => {
      await h.addSite(SITE, ['https://publisher.example']);
      ({ client: mod } = await staffClient(h.server, [{ site: SITE, role: 'moderator' }], 'holder'));
      ({ client: siteAdmin } = await staffClient(h.server, [{ site: SITE, role: 'admin' }], 'auditor'));
    });

    const post = async (body: string, page = newPage('hold'), visitor = newVisitor()) => {
      const res = await h.api.post({ site: SITE, page, body, visitor });
      assert.equal(res.status, 201, res.text);
      return { id: res.body.comment.id as string, status: res.body.status as string, page, visitor };
    };
    const moderate = (id: string, action: string, note?: string) => mod.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action, ...(note ? { note } : {}) });
    const publicIds = async (page: string) => {
      const res = await h.api.list(page, { site: SITE });
      assert.equal(res.status, 200);
      return res.body.comments.map((c) => c.id);
    };
    const count = async (page: string) => (await h.api.request('GET', `/api/v1/counts?site=${SITE}&page=${page}`)).body.counts[page];
    const auditOf = async (id: string) => (await siteAdmin.request('GET', `/api/v1/admin/audit?site=${SITE}&target=${id}`)).body;

    it('takes a published comment out of public reads, counts and the no-JS thread at once', async () => {
      const c = await post('A fair point about the bus timetable');
      assert.equal(c.status, 'approved');
      // Warm the caches first: the hold must invalidate them, not wait for them to expire.
      assert.deepEqual(await publicIds(c.page), [c.id]);
      assert.equal(await count(c.page), 1);
      assert.match((await h.api.request('GET', `/embed/thread?site=${SITE}&page=${c.page}`)).text, /bus timetable/);

      const live = await openStream(h.server, SITE, c.page);
      const res = await moderate(c.id, 'hold', 'Checking a claim');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.comment.status, 'pending');
      assert.equal(res.body.comment.listed, false);
      assert.equal(res.body.comment.moderation.lastAction.action, 'hold');
      assert.equal(res.body.comment.moderation.lastAction.note, 'Checking a claim');

      // Readers watching the thread see it leave, as if deleted.
      const events = await live.until(new RegExp(`event: comment\\.deleted\\n(?:[^\\n]*\\n)*?data: [^\\n]*${c.id}`));
      live.close();
      assert.ok(events.includes(c.id));
      assert.deepEqual(await publicIds(c.page), []);
      assert.equal(await count(c.page), 0);
      assert.doesNotMatch((await h.api.request('GET', `/embed/thread?site=${SITE}&page=${c.page}`)).text, /bus timetable/);
      const pending = await mod.request('GET', `/api/v1/admin/queues/pending?site=${SITE}&limit=100`);
      assert.ok(pending.body.comments.some((x: { id: string }) => x.id === c.id), 'it waits in the Pending queue');
      // The author still sees it, marked as awaiting moderation.
      const me = await h.api.request('GET', `/api/v1/me?site=${SITE}&page=${c.page}`, { headers: { 'x-colloquy-visitor': c.visitor } });
      assert.ok(JSON.stringify(me.body).includes(c.id), me.text);

      const [entry] = (await auditOf(c.id)).entries;
      assert.equal(entry.action, 'comment.hold');
      assert.deepEqual([entry.before.status, entry.after.status], ['approved', 'pending']);
      assert.equal(entry.note, 'Checking a claim');

      // Approving again is how a hold is undone: public and counted once more.
      assert.equal((await moderate(c.id, 'approve')).body.comment.status, 'approved');
      assert.deepEqual(await publicIds(c.page), [c.id]);
      assert.equal(await count(c.page), 1);
    });

    it('brings rejected and spam comments back to pending; holding twice changes nothing', async () => {
      for (const first of ['reject', 'spam'] as const) {
        const c = await post(`Perfectly ordinary words, then ${first}ed`);
        assert.equal((await moderate(c.id, first)).status, 200);
        const held = await moderate(c.id, 'hold');
        assert.equal(held.status, 200, held.text);
        assert.equal(held.body.comment.status, 'pending');
        assert.deepEqual(await publicIds(c.page), [], 'still not public');
        const again = await moderate(c.id, 'hold');
        assert.equal(again.status, 200);
        assert.deepEqual((await auditOf(c.id)).entries.map((e: { action: string }) => e.action), ['comment.hold', `comment.${first}`], 'no second entry');
      }
    });

    it('leaves open reader reports open, so the comment stays in Reported too', async () => {
      const c = await post('Something a reader disliked');
      const report = await h.api.request('POST', `/api/v1/comments/${c.id}/report`, { body: { reason: 'abuse' }, headers: { 'x-colloquy-visitor': newVisitor() } });
      assert.equal(report.status, 201, report.text);
      const held = await moderate(c.id, 'hold');
      assert.equal(held.body.comment.reports.open, 1);
      const reported = await mod.request('GET', `/api/v1/admin/queues/reported?site=${SITE}&limit=100`);
      assert.ok(reported.body.comments.some((x: { id: string }) => x.id === c.id));
    });

    it('holds many at once, and refuses deleted comments and unknown actions', async () => {
      const a = await post('Bulk hold one');
      const b = await post('Bulk hold two');
      const bulk = await mod.request('POST', '/api/v1/admin/comments/bulk', { site: SITE, ids: [a.id, b.id], action: 'hold' });
      assert.equal(bulk.status, 200, bulk.text);
      assert.deepEqual(bulk.body.results.map((r: { comment: { status: string } }) => r.comment.status), ['pending', 'pending']);

      const gone = await h.api.comment({ site: SITE, page: newPage('hold'), body: 'Deleted by its author', visitor: newVisitor() });
      assert.equal((await h.api.remove(gone.id, gone.editToken)).status, 200);
      const refused = await moderate(gone.id, 'hold');
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'comment_deleted');

      const bad = await moderate(a.id, 'pend');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'action');
      assert.equal((await mod.request('GET', `/api/v1/admin/comments/${a.id}`)).body.comment.status, 'pending', 'a refused request changes nothing');
    });
  });
}
