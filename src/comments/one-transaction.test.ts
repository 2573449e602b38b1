// A new comment and everything that must commit with it (counters, the moderation decision,
// the outbox rows, here the notify module's event row) are one transaction: all stored, or,
// when any part fails, nothing.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { ENGINES } from '../../test/helpers/databases.ts';
import { createDecisionStore } from '../moderation/decision-store.ts';
import { createModeration } from '../moderation/module.ts';
import { enqueueEvent } from '../notify/fanout.ts';
import { createLocalBus } from '../platform/bus.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';
import { createCommentService, type CommentEffects } from './service.ts';
import { createCommentStore } from './store.ts';

for (const engine of ENGINES) {
  describe(`one transaction per comment (${engine.name})`, () => {
    let database: OpenDatabase;
    let drop: () => Promise<void>;
    let outboxFails = false;

    before(async () => {
      const made = await engine.create();
      drop = made.drop;
      database = await openDatabase(made.url);
    });
    after(async () => {
      await database.close();
      await drop();
    });

    async function setup() {
      const { db } = database;
      const sites = createSiteService(createSiteStore(db));
      const site = await sites.ensure('tx', 'Transactions', ['*']);
      const store = createCommentStore(db);
      const bus = createLocalBus();
      const moderation = createModeration({ db, sites, store, bus, limiter: null, config: { secret: 'test-secret-that-is-at-least-32-characters-long', adminEmail: null, adminPassword: null, adminSessionHours: 12 } });
      const effects: CommentEffects = {
        async created(trx, { comment }) {
          if (outboxFails) throw new Error('outbox unavailable');
          await enqueueEvent(trx, 'comment.created', comment.id, comment.status);
        },
      };
      const comments = createCommentService({ store, sites, bus, moderate: moderation.moderate, effects });
      const actor = { visitorKey: `visitor-${Math.random()}`, ipHash: 'ip-hash' };
      const count = async (table: 'comments' | 'moderation_decisions' | 'outbox') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { site, comments, actor, count, db };
    }

    test('a stored comment has its decision, written with it', async () => {
      const { site, comments, actor, db, count } = await setup();
      const decisions = createDecisionStore(db);
      const historyOf = async (id: string) => decisions.forComments(await db.selectFrom('comments').selectAll().where('id', '=', id).execute());
      // A plain approval is kept on the comment row itself; a held comment's decision is a row.
      const plain = await comments.create(site, { site: 'tx', page: 'kept', author: { name: 'Ann' }, body: 'A careful, civil comment about the bridge.' }, actor);
      const held = await comments.create(site, { site: 'tx', page: 'kept', author: { name: 'Ann' }, body: 'Honestly, you absolute idiot.' }, actor);
      assert.equal(held.status, 'pending');
      for (const [created, status] of [[plain, 'approved'], [held, 'pending']] as const) {
        const history = await historyOf(created.comment.id);
        assert.deepEqual(history.map((d) => `${d.source}/${d.status}`), [`pipeline/${status}`]);
        assert.ok(JSON.parse(history[0].timings).length > 3);
      }
      assert.equal(await count('moderation_decisions'), 1);
    });

    test('when the outbox write fails, neither the comment nor its decision is stored', async () => {
      const { site, comments, actor, count } = await setup();
      const before = { comments: await count('comments'), decisions: await count('moderation_decisions'), outbox: await count('outbox') };
      outboxFails = true;
      try {
        await assert.rejects(comments.create(site, { site: 'tx', page: 'lost', author: { name: 'Bob' }, body: 'This one never makes it to the database.' }, actor), /outbox unavailable/);
      } finally {
        outboxFails = false;
      }
      assert.deepEqual({ comments: await count('comments'), decisions: await count('moderation_decisions'), outbox: await count('outbox') }, before);
    });

    test('when the decision cannot be written, the comment is not stored either (no comment without its reasons)', async () => {
      const { site, comments, actor, count, db } = await setup();
      const before = { comments: await count('comments'), outbox: await count('outbox') };
      await sql`alter table moderation_decisions rename to moderation_decisions_away`.execute(db);
      try {
        await assert.rejects(comments.create(site, { site: 'tx', page: 'no-reasons', author: { name: 'Cy' }, body: 'Posted while decisions cannot be stored, you absolute idiot.' }, actor));
      } finally {
        await sql`alter table moderation_decisions_away rename to moderation_decisions`.execute(db);
      }
      assert.deepEqual({ comments: await count('comments'), outbox: await count('outbox') }, before);
    });
  });
}
