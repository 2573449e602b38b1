// The pipeline's decisions as readers and moderators see them, on SQLite and PostgreSQL: a held
// comment is absent from reads, counts and live events but shown to its author; approving it
// publishes it; an edit the pipeline holds takes a comment out; hidden comments with replies
// leave a placeholder.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flatten, newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { openStream } from '../../test/helpers/sse.ts';
import { useServer } from '../../test/helpers/suite.ts';

const INSULT = 'you absolute idiot';
const THREAT = 'I will kill you';

for (const engine of ENGINES) {
  describe(`moderation through the public API (${engine.name})`, () => {
    const h = useServer(engine);
    let mod: AdminClient;

    before(async () => {
      ({ client: mod } = await staffClient(h.server, [{ site: SITE, role: 'moderator' }]));
    });

    const ids = async (page: string) => flatten((await h.api.list(page)).body.comments).filter((c) => !c.deleted).map((c) => c.id);
    const count = async (page: string) => (await h.api.counts([page])).body.counts[page];

    it('keeps a held comment out of reads, counts, the no-JS page and the live stream; its author sees it awaiting moderation', async () => {
      const page = newPage('held');
      const author = newVisitor();
      const stream = await openStream(h.server, SITE, page);
      const held = await h.api.post({ page, body: `${INSULT}, read the report`, visitor: author });
      assert.equal(held.status, 201);
      assert.equal(held.body.status, 'pending');
      const marker = await h.api.comment({ page, body: 'A fair point about the budget', visitor: newVisitor() });
      const seen = await stream.until(new RegExp(marker.id));
      stream.close();
      assert.ok(!seen.includes(held.body.comment.id), 'no live event for a held comment');

      assert.deepEqual(await ids(page), [marker.id]);
      assert.equal((await h.api.list(page)).body.thread.commentCount, 1);
      assert.equal(await count(page), 1);
      assert.ok(!(await h.api.embed(page)).text.includes('absolute idiot'));

      const mine = await h.api.me(page, author);
      assert.deepEqual(mine.body.pending.map((c: { id: string; status: string; awaitingModeration: boolean }) => [c.id, c.status, c.awaitingModeration]), [[held.body.comment.id, 'pending', true]]);
      assert.match(mine.body.pending[0].html, /absolute idiot/);
      assert.deepEqual((await h.api.me(page, newVisitor())).body.pending, []);
    });

    it('publishes a held comment on approval: listed, counted, and announced as comment.approved', async () => {
      const page = newPage('approve');
      const author = newVisitor();
      await h.api.comment({ page, body: 'First!', visitor: newVisitor() });
      const held = await h.api.post({ page, body: INSULT, visitor: author });
      const id = held.body.comment.id;
      assert.equal(await count(page), 1);
      const stream = await openStream(h.server, SITE, page);

      const approved = await mod.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve', note: 'Robust, not abusive' });
      assert.equal(approved.status, 200, approved.text);
      assert.equal(approved.body.comment.status, 'approved');
      assert.equal(approved.body.comment.listed, true);
      const text = await stream.until(new RegExp(`event: comment.approved\\ndata: \\{"commentId":"${id}"`));
      stream.close();
      assert.match(text, /^id: [0-9A-Z]{16}$/m);

      assert.ok((await ids(page)).includes(id));
      assert.equal((await h.api.list(page)).body.thread.commentCount, 2);
      assert.equal(await count(page), 2);
      assert.deepEqual((await h.api.me(page, author)).body.pending, []);

      const detail = await mod.request('GET', `/api/v1/admin/comments/${id}`);
      assert.deepEqual(detail.body.decisions.map((d: { source: string; status: string }) => [d.source, d.status]), [['pipeline', 'pending'], ['staff', 'approved']]);
      assert.equal(detail.body.comment.moderation.lastAction.action, 'approve');
      assert.equal(detail.body.comment.moderation.lastAction.note, 'Robust, not abusive');
      // Approving twice changes nothing and records nothing.
      await mod.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve' });
      assert.equal((await mod.request('GET', `/api/v1/admin/comments/${id}`)).body.decisions.length, 2);
      assert.equal(await count(page), 2);
    });

    it("holds a new author's first comments until enough of theirs are approved (premoderation \"first\"), then publishes theirs at once", async () => {
      const site = `first-${engine.name}`;
      await h.addSite(site, ['*'], { moderation: { premoderation: { mode: 'first', firstCount: 2 } } });
      const { client: siteMod } = await staffClient(h.server, [{ site, role: 'moderator' }]);
      const page = newPage('first');
      const author = newVisitor();
      const say = async (body: string) => (await h.api.post({ site, page, body, visitor: author })).body;
      for (const body of ['My first comment here.', 'And a second one.']) {
        const held = await say(body);
        assert.equal(held.status, 'pending', body);
        const detail = await siteMod.request('GET', `/api/v1/admin/comments/${held.comment.id}`);
        assert.ok(detail.body.comment.moderation.reasons.some((r: { rule: string }) => r.rule === 'premoderation.first'), detail.text);
        const approved = await siteMod.request('POST', `/api/v1/admin/comments/${held.comment.id}/moderate`, { action: 'approve' });
        assert.equal(approved.status, 200, approved.text);
      }
      assert.equal((await say('Now I am known here.')).status, 'approved');
      assert.equal((await h.api.post({ site, page, body: 'Someone new.', visitor: newVisitor() })).body.status, 'pending', 'another new author is still held');
    });

    it('stores every reason with its matched span and the time taken, shown in the Pending queue', async () => {
      const page = newPage('reasons');
      const body = `Honestly, ${INSULT}.`;
      const held = await h.api.post({ page, body, visitor: newVisitor() });
      const queue = await mod.request('GET', `/api/v1/admin/queues/pending?site=${SITE}&limit=100`);
      const item = queue.body.comments.find((c: { id: string }) => c.id === held.body.comment.id);
      assert.ok(item, 'in the Pending queue');
      assert.equal(item.body, body);
      assert.equal(item.moderation.decidedBy, 'pipeline');
      const insult = item.moderation.reasons.find((r: { rule: string }) => r.rule === 'insult.second-person');
      assert.equal(body.slice(...insult.span), INSULT);
      assert.equal(insult.phase, 'scorer');
      assert.ok(item.moderation.reasons.some((r: { rule: string; detail: string }) => r.rule === 'scorer.threshold' && /pending threshold/.test(r.detail)));
      assert.ok(item.moderation.ms >= 0);
      assert.ok(['closed', 'bans', 'terms', 'scorer'].every((phase) => item.moderation.timings.some((t: { phase: string }) => t.phase === phase)));
    });

    it('rejects threats: never listed, not shown even to the author as pending, found in the Rejected queue', async () => {
      const page = newPage('threat');
      const author = newVisitor();
      const res = await h.api.post({ page, body: THREAT, visitor: author });
      assert.equal(res.status, 201);
      assert.equal(res.body.status, 'rejected');
      assert.deepEqual(await ids(page), []);
      assert.equal(await count(page), 0);
      assert.deepEqual((await h.api.me(page, author)).body.pending, []);
      const rejected = await mod.request('GET', `/api/v1/admin/queues/rejected?site=${SITE}&limit=100`);
      assert.ok(rejected.body.comments.some((c: { id: string }) => c.id === res.body.comment.id));
    });

    it('takes a published comment out of public reads when an edit is held, and announces its removal', async () => {
      const page = newPage('edit');
      const author = newVisitor();
      const c = await h.api.comment({ page, body: 'The council got this right', visitor: author });
      assert.equal(await count(page), 1);
      const stream = await openStream(h.server, SITE, page);
      const edit = await h.api.edit(c.id, `Actually, ${INSULT}`, c.editToken);
      assert.equal(edit.status, 200, edit.text);
      assert.equal(edit.body.status, 'pending');
      await stream.until(new RegExp(`event: comment.deleted\\ndata: \\{"commentId":"${c.id}"[^\\n]*"removed":true`));
      stream.close();
      assert.deepEqual(await ids(page), []);
      assert.equal(await count(page), 0);
      assert.equal((await h.api.me(page, author)).body.pending[0].id, c.id);
      // A clean edit does not release it: a moderator decides.
      assert.equal((await h.api.edit(c.id, 'On reflection the council was mostly right', c.editToken)).body.status, 'pending');
      assert.equal(await count(page), 0);
    });

    it('keeps replies in place under a placeholder when their parent is rejected, and restores it on approval', async () => {
      const page = newPage('placeholder');
      const root = await h.api.comment({ page, body: 'A root comment', name: 'Rooter', visitor: newVisitor() });
      const reply = await h.api.reply(root, { page, body: 'A reply to it', visitor: newVisitor() });
      assert.equal(await count(page), 2);
      assert.equal((await mod.request('POST', `/api/v1/admin/comments/${root.id}/moderate`, { action: 'reject' })).status, 200);
      const list = (await h.api.list(page)).body;
      assert.equal(list.thread.commentCount, 1);
      assert.equal(list.comments.length, 1);
      assert.equal(list.comments[0].id, root.id);
      assert.equal(list.comments[0].deleted, true);
      assert.equal(list.comments[0].html, '');
      assert.equal(list.comments[0].author.name, '');
      assert.equal(list.comments[0].replies[0].id, reply.id);
      // No new replies to a hidden comment.
      assert.equal((await h.api.post({ page, body: 'me too', parentId: root.id })).status, 400);

      // The reply is deleted: the placeholder has nothing left to hold and leaves too.
      await h.api.remove(reply.id, reply.editToken);
      assert.deepEqual((await h.api.list(page)).body.comments, []);
      assert.equal(await count(page), 0);

      assert.equal((await mod.request('POST', `/api/v1/admin/comments/${root.id}/moderate`, { action: 'approve' })).status, 200);
      const back = (await h.api.list(page)).body;
      assert.equal(back.thread.commentCount, 1);
      assert.equal(back.comments[0].html, '<p>A root comment</p>');
    });
  });
}
