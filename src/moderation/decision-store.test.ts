// Decisions are kept per comment, oldest first, on both engines; a plain approval kept on the
// comment row reads as its first decision; migrations 013 (keyed by comment) and 014 (plain
// approvals on the comment row) keep every decision stored before them, both ways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import * as migration013 from '../platform/migrations/013-decisions-by-comment.ts';
import * as migration014 from '../platform/migrations/014-plain-approvals.ts';
import { createDecisionStore, encodePlainApproval, type DecidedComment, type DecisionRow } from './decision-store.ts';

const row = (id: string, commentId: string, status = 'approved'): DecisionRow => ({
  id, comment_id: commentId, site_id: 's', source: 'pipeline', status, shadow: 0,
  reasons: JSON.stringify([{ phase: 'terms', rule: 'terms.suspect' }]), timings: '[]', ms: 0.2, actor_id: null, at: 1_700_000_000_000,
});

/** A comment as decisions are read for it; `kept`: the plain approval its row keeps. */
const comment = (id: string, kept: string | null = null): DecidedComment => ({ id, site_id: 's', created_at: 1_600_000_000_000, pipeline_timings: kept });
const comments = (...ids: string[]) => ids.map((id) => comment(id));

for (const engine of ENGINES) {
  describe(`moderation decisions (${engine.name})`, () => {
    let database: TestDatabase;
    let open: OpenDatabase;
    before(async () => {
      database = await engine.create();
      open = await openDatabase(database.url);
    });
    after(async () => {
      await open.close();
      await database.drop();
    });

    it('are read by comment, oldest first; the same decision twice is refused', async () => {
      const decisions = createDecisionStore(open.db);
      for (const [id, comment] of [['02', 'b'], ['01', 'a'], ['03', 'a'], ['04', 'c']]) await decisions.insert(row(id, comment));
      assert.deepEqual((await decisions.forComments(comments('a', 'b'))).map((d) => `${d.comment_id}/${d.id}`), ['a/01', 'a/03', 'b/02']);
      await assert.rejects(decisions.insert(row('03', 'a')));
    });

    it('survive the migration to the per-comment key and back', async () => {
      const decisions = createDecisionStore(open.db);
      await migration013.down(open.db);
      await decisions.insert(row('05', 'd', 'pending'));
      await migration013.up(open.db);
      const kept = await decisions.forComments(comments('a', 'b', 'c', 'd'));
      assert.deepEqual(kept.map((d) => `${d.comment_id}/${d.id}/${d.status}`), ['a/01/approved', 'a/03/approved', 'b/02/approved', 'c/04/approved', 'd/05/pending']);
      assert.deepEqual(JSON.parse(kept[4].reasons), [{ phase: 'terms', rule: 'terms.suspect' }]);
      await decisions.insert(row('06', 'd'));
      assert.equal((await decisions.forComments(comments('d'))).length, 2);
    });

    it('read a plain approval kept on the comment row as its first decision, with its timings', async () => {
      const decisions = createDecisionStore(open.db);
      const kept = encodePlainApproval(0.153, [{ phase: 'closed', ms: 0.002 }, { phase: 'duplicates.record', ms: 0 }, { phase: 'scorer', ms: 0.151 }]);
      await decisions.insert({ ...row('07', 'e', 'rejected'), source: 'staff', actor_id: 'mod' });
      const history = await decisions.forComments([comment('d'), comment('e', kept), comment('f', kept)]);
      assert.deepEqual(history.map((d) => `${d.comment_id}/${d.source}/${d.status}`), ['d/pipeline/pending', 'd/pipeline/approved', 'e/pipeline/approved', 'e/staff/rejected', 'f/pipeline/approved']);
      const first = history[2];
      assert.deepEqual({ reasons: JSON.parse(first.reasons), timings: JSON.parse(first.timings), ms: first.ms, at: first.at, shadow: first.shadow },
        { reasons: [], timings: [{ phase: 'closed', ms: 0.002 }, { phase: 'duplicates.record', ms: 0 }, { phase: 'scorer', ms: 0.151 }], ms: 0.153, at: 1_600_000_000_000, shadow: 0 });
    });

    it('become decision rows when migration 014 is undone, and stay readable when it is applied again', async () => {
      const { db } = open;
      const decisions = createDecisionStore(db);
      const siteId = 's';
      await db.insertInto('sites').values({ id: siteId, name: 'S', origins: '[]', settings: '{}', created_at: 1 }).execute();
      await db.insertInto('threads').values({ id: 't', site_id: siteId, page_key: '/p', url: null, title: null, closed: 0, comment_count: 0, created_at: 1, updated_at: 1 }).execute();
      const base = {
        thread_id: 't', site_id: siteId, parent_id: null, depth: 0, reply_to_id: null, reply_to_name: null, author_name: 'Ann', author_email: null, author_key: null,
        ip_hash: null, body: 'b', html: '<p>b</p>', status: 'approved', listed: 1, score: 0, up: 0, down: 0, child_count: 0, deleted: 0, edit_token_hash: null,
        created_at: 1_600_000_000_000, edited_at: null, deleted_at: null,
      };
      const kept = encodePlainApproval(0.2, [{ phase: 'terms', ms: 0.2 }]);
      await db.insertInto('comments').values([
        { ...base, id: 'g', root_id: 'g', path: 'g', pipeline_timings: kept },
        { ...base, id: 'h', root_id: 'h', path: 'h', pipeline_timings: null },
      ]).execute();
      const read = async () => (await decisions.forComments(await db.selectFrom('comments').selectAll().where('id', 'in', ['g', 'h']).execute()))
        .map((d) => `${d.comment_id}/${d.status}/${d.ms}/${d.timings}`);
      const before = await read();
      assert.deepEqual(before, ['g/approved/0.2/[{"phase":"terms","ms":0.2}]']);
      await migration014.down(db);
      const rows = await db.selectFrom('moderation_decisions').selectAll().where('comment_id', '=', 'g').execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0].at, 1_600_000_000_000);
      await migration014.up(db);
      assert.deepEqual(await read(), before);
    });
  });
}
