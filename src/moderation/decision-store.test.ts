// Decisions are kept per comment, oldest first, on both engines, and migration 013 (keyed by
// comment) keeps every decision stored before it, both ways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import * as migration013 from '../platform/migrations/013-decisions-by-comment.ts';
import { createDecisionStore, type DecisionRow } from './decision-store.ts';

const row = (id: string, commentId: string, status = 'approved'): DecisionRow => ({
  id, comment_id: commentId, site_id: 's', source: 'pipeline', status, shadow: 0,
  reasons: JSON.stringify([{ phase: 'terms', rule: 'terms.suspect' }]), timings: '[]', ms: 0.2, actor_id: null, at: 1_700_000_000_000,
});

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
      assert.deepEqual((await decisions.forComments(['a', 'b'])).map((d) => `${d.comment_id}/${d.id}`), ['a/01', 'a/03', 'b/02']);
      await assert.rejects(decisions.insert(row('03', 'a')));
    });

    it('survive the migration to the per-comment key and back', async () => {
      const decisions = createDecisionStore(open.db);
      await migration013.down(open.db);
      await decisions.insert(row('05', 'd', 'pending'));
      await migration013.up(open.db);
      const kept = await decisions.forComments(['a', 'b', 'c', 'd']);
      assert.deepEqual(kept.map((d) => `${d.comment_id}/${d.id}/${d.status}`), ['a/01/approved', 'a/03/approved', 'b/02/approved', 'c/04/approved', 'd/05/pending']);
      assert.deepEqual(JSON.parse(kept[4].reasons), [{ phase: 'terms', rule: 'terms.suspect' }]);
      await decisions.insert(row('06', 'd'));
      assert.equal((await decisions.forComments(['d'])).length, 2);
    });
  });
}
