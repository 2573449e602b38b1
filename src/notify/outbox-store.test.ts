// The outbox table on SQLite and PostgreSQL: one row per dedupe key, rows join the caller's
// transaction, claims are exclusive across concurrent workers, leases expire, retries wait.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { enqueue, enqueueEmail } from './outbox.ts';
import { createOutboxStore, type OutboxStore } from './outbox-store.ts';

const email = (to: string, key: string) => ({ to, subject: 'Hello', text: 'Hi', html: '<p>Hi</p>', dedupeKey: key });

for (const engine of ENGINES) {
  describe(`outbox store on ${engine.name}`, () => {
    let database: TestDatabase;
    let open: OpenDatabase;
    let store: OutboxStore;
    before(async () => {
      database = await engine.create();
      open = await openDatabase(database.url);
      store = createOutboxStore(open.db, open.engine);
    });
    after(async () => {
      await open?.close();
      await database?.drop();
    });

    test('the same dedupe key is stored once, whoever enqueues it and however often', async () => {
      assert.equal(await enqueueEmail(open.db, email('a@example.com', 'once')), true);
      assert.equal(await enqueueEmail(open.db, email('a@example.com', 'once')), false);
      const rows = (await store.recent(50, 'email')).filter((r) => r.dedupe_key === 'email:once');
      assert.equal(rows.length, 1);
    });

    test('a row enqueued in a transaction that rolls back does not exist', async () => {
      await assert.rejects(
        open.db.transaction().execute(async (trx) => {
          await enqueueEmail(trx, email('b@example.com', 'rolled-back'));
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.ok(!(await store.recent(100)).some((r) => r.dedupe_key === 'email:rolled-back'));
    });

    test('concurrent claims never hand the same row to two nodes', async () => {
      const now = Date.now() + 10_000_000;
      for (let i = 0; i < 30; i++) await enqueue(open.db, { kind: 'event', dedupeKey: `claim-${i}`, payload: { i } }, now - 1000);
      const claims = await Promise.all(['a', 'b', 'c'].map(async (node) => {
        const mine: string[] = [];
        for (let round = 0; round < 10; round++) mine.push(...(await store.claim(node, now, 60_000, 4)).map((r) => r.id));
        return mine;
      }));
      const all = claims.flat();
      assert.equal(new Set(all).size, all.length, 'a row was claimed twice');
      const due = (await store.recent(500)).filter((r) => r.dedupe_key.startsWith('claim-'));
      assert.deepEqual(all.filter((id) => due.some((r) => r.id === id)).sort(), due.map((r) => r.id).sort(), 'every due row was claimed once');
      assert.ok(due.every((r) => r.attempts === 1 && r.locked_until === now + 60_000));
    });

    test('a claimed row is left alone until its lease runs out, then claimed again', async () => {
      const t0 = Date.now() + 20_000_000;
      await enqueue(open.db, { kind: 'event', dedupeKey: 'lease', payload: {} }, t0);
      const [first] = (await store.claim('dead-node', t0, 5_000, 100)).filter((r) => r.dedupe_key === 'lease');
      assert.ok(first);
      assert.ok(!(await store.claim('other', t0 + 4_999, 5_000, 100)).some((r) => r.id === first.id));
      const again = (await store.claim('other', t0 + 5_001, 5_000, 100)).find((r) => r.id === first.id);
      assert.equal(again?.attempts, 2);
      assert.equal(await store.markSent(first.id, 'dead-node', t0 + 6_000), false, 'a node whose lease ran out changes nothing');
      assert.equal(await store.markSent(first.id, 'other', t0 + 6_000), true);
      assert.ok(!(await store.claim('third', t0 + 100_000, 5_000, 100)).some((r) => r.id === first.id), 'a sent row is never claimed');
    });

    test('a retried row waits for its next attempt; a given-up row is never claimed', async () => {
      const t0 = Date.now() + 30_000_000;
      await enqueue(open.db, { kind: 'event', dedupeKey: 'retry', payload: {} }, t0);
      await enqueue(open.db, { kind: 'event', dedupeKey: 'give-up', payload: {} }, t0);
      const rows = await store.claim('n', t0, 5_000, 100);
      const retry = rows.find((r) => r.dedupe_key === 'retry')!;
      const giveUp = rows.find((r) => r.dedupe_key === 'give-up')!;
      await store.retryLater(retry.id, 'n', t0 + 60_000, 'HTTP 503');
      await store.giveUp(giveUp.id, 'n', t0, '550 no such user');
      assert.ok(!(await store.claim('n', t0 + 59_000, 5_000, 100)).some((r) => r.id === retry.id || r.id === giveUp.id));
      const later = await store.claim('n', t0 + 60_000, 5_000, 100);
      assert.deepEqual(later.filter((r) => r.id === retry.id || r.id === giveUp.id).map((r) => [r.dedupe_key, r.last_error]), [['retry', 'HTTP 503']]);
      assert.equal((await store.find(giveUp.id))?.last_error, '550 no such user');
    });
  });
}
