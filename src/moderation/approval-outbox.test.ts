// A moderator's approval and its notifications commit together, on SQLite and PostgreSQL: the
// outbox row exists the moment the approval is answered (no bus hop after the commit); a
// failure inside the transaction leaves neither the approval nor the row; approving again,
// or again after a rejection, sends nothing twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newPage } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { startReceiver, type Receiver } from '../../test/helpers/webhook-receiver.ts';
import { createCommentModeration } from '../comments/moderation.ts';
import { createCommentStore } from '../comments/store.ts';
import { createLocalBus } from '../platform/bus.ts';

const HELD = 'held-approvals';

for (const engine of ENGINES) {
  describe(`approvals queue their notifications in their own transaction (${engine.name})`, () => {
    const h = useServer(engine);
    let mod: AdminClient;
    let receiver: Receiver;
    before(async () => {
      await h.addSite(HELD, ['*'], { moderation: { premoderation: { mode: 'all', firstCount: 1 } } as never });
      ({ client: mod } = await staffClient(h.server, [{ site: HELD, role: 'moderator' }], 'approver'));
      receiver = await startReceiver();
      await h.server.app.notify.webhooks.add(HELD, receiver.url, ['comment.approved']);
    });
    after(async () => receiver?.close());

    const held = async (label: string) => {
      const res = await h.api.post({ site: HELD, page: newPage(label), name: 'Held', body: `Waiting: ${label}` });
      assert.equal(res.body.status, 'pending');
      return res.body.comment.id as string;
    };
    const approvalRows = (id: string) =>
      h.server.app.database.db.selectFrom('outbox').select(['id', 'sent_at']).where('dedupe_key', '=', `event:comment.approved:${id}`).execute();
    const moderate = (id: string, action: string) => mod.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action });

    test('the approval row is there when the approval is answered; approving twice, or after a rejection, sends once', async () => {
      const { notify } = h.server.app;
      // Nothing is sent meanwhile: what exists is what the approval's own commit wrote.
      await notify.worker.stop();
      const id = await held('approve');
      assert.equal((await approvalRows(id)).length, 0);
      assert.equal((await moderate(id, 'approve')).status, 200);
      assert.equal((await approvalRows(id)).length, 1, 'written with the approval');
      assert.equal((await moderate(id, 'approve')).status, 200);
      assert.equal((await moderate(id, 'reject')).status, 200);
      assert.equal((await moderate(id, 'approve')).status, 200);
      assert.equal((await approvalRows(id)).length, 1);
      notify.worker.start();
      for (let i = 0; receiver.of('comment.approved').length < 1; i++) {
        if (i > 400) throw new Error('no approval webhook');
        await new Promise((r) => setTimeout(r, 25));
      }
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(receiver.of('comment.approved').length, 1, 'one comment.approved webhook');
      assert.equal(JSON.parse(receiver.of('comment.approved')[0]!.body).data.comment.id, id);
    });

    test('a failure inside the approval transaction leaves the comment held and queues nothing', async () => {
      const { db } = h.server.app.database;
      const id = await held('crash');
      const crashing = createCommentModeration({
        store: createCommentStore(db),
        moderationStore: {} as never,
        bus: createLocalBus(() => {}),
        effects: {
          async approved(trx, commentId) {
            await h.server.app.notify.effects.approved(trx, commentId);
            throw new Error('the process dies here');
          },
        },
      });
      await assert.rejects(crashing.setStatus(id, 'approved', false), /the process dies here/);
      const comment = await db.selectFrom('comments').select(['status', 'listed']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual([comment.status, comment.listed], ['pending', 0]);
      assert.equal((await approvalRows(id)).length, 0);
    });
  });
}
