// Reader reports, on SQLite and PostgreSQL: one per reader, a threshold of distinct readers
// hides a comment pending review, and readers whose reports are dismissed count for less.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flatten, newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`reader reports (${engine.name})`, () => {
    const h = useServer(engine);
    let mod: AdminClient;

    before(async () => {
      ({ client: mod } = await staffClient(h.server, [{ site: SITE, role: 'moderator' }]));
    });

    const report = (id: string, visitor: string | null, body: unknown = { reason: 'abuse' }) =>
      h.api.request('POST', `/api/v1/comments/${id}/report`, { body, headers: visitor ? { 'x-colloquy-visitor': visitor } : {} });
    const visible = async (page: string, id: string) => flatten((await h.api.list(page)).body.comments).some((c) => c.id === id && !c.deleted);

    it('takes one report per reader, from readers only, on comments they can see', async () => {
      const page = newPage('report');
      const author = newVisitor();
      const c = await h.api.comment({ page, visitor: author, body: 'Reportable' });
      const reader = newVisitor();
      const first = await report(c.id, reader, { reason: 'off-topic', note: '  Nothing to do with the article\u0007 ' });
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(first.body, { ok: true });
      assert.equal((await report(c.id, reader)).body.error.code, 'already_reported');
      assert.equal((await report(c.id, null)).body.error.code, 'visitor_required');
      assert.equal((await report(c.id, author)).status, 403);
      assert.equal((await report('0000000000000000', reader)).status, 404);
      const bad = await report(c.id, newVisitor(), { reason: 'boring' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'reason');
      const stored = await mod.request('GET', `/api/v1/admin/reports?site=${SITE}`);
      const mine = stored.body.reports.find((r: { commentId: string }) => r.commentId === c.id);
      assert.equal(mine.reason, 'off-topic');
      assert.equal(mine.note, 'Nothing to do with the article');
      assert.equal(mine.reporter.weight, 1);
    });

    it('hides a comment pending review when three readers report it, and puts it in the Reported queue', async () => {
      const page = newPage('threshold');
      const c = await h.api.comment({ page, visitor: newVisitor(), body: 'A contested opinion' });
      await report(c.id, newVisitor(), { reason: 'abuse' });
      await report(c.id, newVisitor(), { reason: 'spam' });
      assert.ok(await visible(page, c.id), 'two reports are not enough');
      await report(c.id, newVisitor(), { reason: 'abuse' });
      assert.ok(!(await visible(page, c.id)));
      assert.equal((await h.api.counts([page])).body.counts[page], 0);

      const queue = await mod.request('GET', `/api/v1/admin/queues/reported?site=${SITE}`);
      const item = queue.body.comments.find((x: { id: string }) => x.id === c.id);
      assert.equal(item.status, 'pending');
      assert.equal(item.moderation.decidedBy, 'reports');
      assert.deepEqual(item.reports, { open: 3, weight: 3, byReason: { abuse: 2, spam: 1 } });
      const why = item.moderation.reasons.find((r: { phase: string }) => r.phase === 'reports');
      assert.equal(why.rule, 'reports.threshold');
      assert.equal(why.category, 'abuse');
      const pending = await mod.request('GET', `/api/v1/admin/queues/pending?site=${SITE}&limit=100`);
      assert.ok(pending.body.comments.some((x: { id: string }) => x.id === c.id));
      assert.ok((await mod.request('GET', `/api/v1/admin/queues?site=${SITE}`)).body.counts.reported >= 1);
    });

    it('restores a comment whose reports are dismissed, and weighs those reporters less next time', async () => {
      const page = newPage('dismiss');
      const reporters = [newVisitor(), newVisitor(), newVisitor()];
      const c = await h.api.comment({ page, visitor: newVisitor(), body: 'An unpopular but fair view' });
      for (const r of reporters) await report(c.id, r);
      assert.ok(!(await visible(page, c.id)));
      const dismissed = await mod.request('POST', `/api/v1/admin/comments/${c.id}/reports/resolve`, { resolution: 'dismissed', note: 'Not abuse' });
      assert.equal(dismissed.status, 200, dismissed.text);
      assert.equal(dismissed.body.resolved, 3);
      assert.equal(dismissed.body.comment.status, 'approved');
      assert.ok(await visible(page, c.id));
      const reports = await mod.request('GET', `/api/v1/admin/reports?site=${SITE}&status=dismissed&limit=100`);
      const weights = reports.body.reports.filter((r: { commentId: string }) => r.commentId === c.id).map((r: { reporter: { weight: number } }) => r.reporter.weight);
      assert.deepEqual(weights, [0.5, 0.5, 0.5]);

      // The same three now weigh 1.5 together: below the threshold of 3.
      const next = await h.api.comment({ page, visitor: newVisitor(), body: 'Another fair view' });
      for (const r of reporters) await report(next.id, r);
      assert.ok(await visible(page, next.id));
      await report(next.id, newVisitor());
      assert.ok(await visible(page, next.id), '2.5 < 3');
      await report(next.id, newVisitor());
      assert.ok(!(await visible(page, next.id)), '3.5 ≥ 3');
    });

    it('rejects a comment whose reports are upheld, and approving a reported comment dismisses them', async () => {
      const page = newPage('uphold');
      const bad = await h.api.comment({ page, visitor: newVisitor(), body: 'Sly but nasty' });
      await report(bad.id, newVisitor());
      const upheld = await mod.request('POST', `/api/v1/admin/comments/${bad.id}/reports/resolve`, { resolution: 'upheld' });
      assert.equal(upheld.body.comment.status, 'rejected');
      assert.equal(upheld.body.resolved, 1);
      assert.ok(!(await visible(page, bad.id)));

      const fine = await h.api.comment({ page, visitor: newVisitor(), body: 'Perfectly fine' });
      await report(fine.id, newVisitor());
      const approved = await mod.request('POST', `/api/v1/admin/comments/${fine.id}/moderate`, { action: 'approve' });
      assert.equal(approved.body.comment.reports.open, 0);
      const audit = await mod.request('GET', `/api/v1/admin/comments/${fine.id}`);
      assert.equal(audit.body.reports[0].status, 'dismissed');
    });
  });
}
