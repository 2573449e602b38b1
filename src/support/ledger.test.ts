// The ledger's invariants at the store level, on SQLite and PostgreSQL: whatever mix of
// payments, duplicates, refunds and chargebacks arrives, concurrently and in any order, the
// cached totals equal the totals rebuilt from the entries; the thank-you e-mail is queued in
// the entry's transaction, once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import { createCampaignStore } from './campaign-store.ts';
import { createCampaigns } from './campaigns.ts';
import { createLedger, type Payment } from './ledger.ts';
import { createLedgerStore } from './ledger-store.ts';
import { outboxThankYou, type EnqueueEmail } from './thanks.ts';

for (const engine of ENGINES) {
  describe(`ledger invariants (${engine.name})`, () => {
    let database: TestDatabase;
    let open: OpenDatabase;
    const queued: Array<{ to: string; dedupeKey: string; text: string }> = [];
    let failMail = false;
    const enqueue: EnqueueEmail = async (trx, email) => {
      if (failMail) throw new Error('outbox unavailable');
      // Proves it runs inside the ledger transaction: the entry is visible to it.
      const seen = await trx.selectFrom('support_ledger').select('id').where('donor_email', '=', email.to).execute();
      assert.ok(seen.length > 0, 'the outbox row is written in the entry\u2019s transaction');
      queued.push(email);
    };

    before(async () => {
      database = await engine.create();
      open = await openDatabase(database.url);
      await open.db.insertInto('sites').values({ id: 's', name: 'S', origins: '[]', settings: '{}', created_at: 0 }).execute();
    });
    after(async () => {
      await open?.close();
      await database?.drop();
    });

    const services = () => {
      const store = createCampaignStore(open.db);
      const ledger = createLedger({ store: createLedgerStore(open.db), secret: 'x'.repeat(32), thank: outboxThankYou(enqueue) });
      return { campaigns: createCampaigns(store), ledger };
    };

    it('queues one thank-you per payment, in its transaction, and nothing if the outbox fails', async () => {
      const { campaigns, ledger } = services();
      const campaign = await campaigns.create({ site: 's', title: 'T', currency: 'USD', goal: 10_000, thankYou: 'Thank you, truly.' });
      const gift: Payment = { campaign, kind: 'donation', provider: 'stripe', providerId: 'pi_thanks', refs: ['pi_thanks'], amount: 700, currency: 'USD', interval: 'once', donor: { name: 'Ann', anonymous: false, email: 'ann@example.com' }, occurredAt: Date.now() };
      await Promise.all([1, 2, 3].map(() => ledger.transaction((tx) => ledger.payment(tx, gift))));
      assert.equal(queued.length, 1);
      assert.match(queued[0].text, /Thank you, truly\.[\s\S]*\$7/);
      failMail = true;
      await assert.rejects(ledger.transaction((tx) => ledger.payment(tx, { ...gift, providerId: 'pi_mail_down', refs: [] })));
      failMail = false;
      const rows = await open.db.selectFrom('support_ledger').select('provider_id').where('campaign_id', '=', campaign.id).execute();
      assert.deepEqual(rows.map((r) => r.provider_id), ['pi_thanks'], 'no entry without its e-mail');
      // An address the outbox would refuse does not block the money: the entry, no e-mail.
      await ledger.transaction((tx) => ledger.payment(tx, { ...gift, providerId: 'pi_bad_address', refs: [], donor: { ...gift.donor, email: 'not an address' } }));
      assert.equal(queued.length, 1);
      assert.equal((await open.db.selectFrom('support_ledger').select('id').where('provider_id', '=', 'pi_bad_address').execute()).length, 1);
    });

    it('keeps totals equal to the ledger under a concurrent, shuffled, duplicated stream of movements', async () => {
      const { campaigns, ledger } = services();
      const campaign = await campaigns.create({ site: 's', title: 'Stress', currency: 'USD', goal: 1_000_000 });
      const ops: Array<() => Promise<unknown>> = [];
      let expected = 0;
      for (let i = 0; i < 30; i++) {
        const amount = 1000 + i * 37;
        const payment: Payment = { campaign, kind: 'donation', provider: 'stripe', providerId: `pi_${i}`, refs: [`pi_${i}`], amount, currency: 'USD', interval: 'once', donor: { name: null, anonymous: true, email: `d${i % 7}@example.com` }, occurredAt: i };
        const refunded = i % 3 === 0 ? Math.floor(amount / 2) : i % 5 === 0 ? amount : 0;
        expected += amount - refunded;
        for (let copy = 0; copy < 3; copy++) ops.push(() => ledger.transaction((tx) => ledger.payment(tx, payment)));
        if (refunded) {
          // A partial step and the final total, each event delivered twice: only the final total counts.
          for (const cumulative of [Math.floor(refunded / 3), refunded]) {
            const reversal = { kind: 'refund' as const, provider: 'stripe', providerId: `ch_${i}:refunded:${cumulative}`, refs: [`pi_${i}`], cumulative, currency: 'USD', occurredAt: i };
            const id = `evt_${campaign.id}_${i}_${cumulative}`;
            const deliver = () =>
              ledger.transaction(async (tx) => {
                if (!(await tx.claimEvent({ id, provider: 'stripe', type: 'charge.refunded', status: 'processed', ref: null, payload: null, detail: null, received_at: Date.now() }))) return;
                if ((await ledger.reversal(tx, reversal)) === 'deferred') await tx.deferEvent(id, `pi_${i}`, JSON.stringify(reversal));
              });
            ops.push(deliver, deliver);
          }
        }
      }
      // Shuffle deterministically, then run in waves of ten at once.
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      ops.sort(() => random() - 0.5);
      for (let i = 0; i < ops.length; i += 10) await Promise.all(ops.slice(i, i + 10).map((op) => op()));
      const report = await ledger.verify();
      assert.ok(report.ok, JSON.stringify(report.campaigns.filter((c) => !c.match)));
      const mine = report.campaigns.find((c) => c.campaignId === campaign.id)!;
      assert.equal(mine.derived.raised, expected, 'refunds that came before their payment were applied when it came');
      const waiting = await open.db.selectFrom('support_webhook_events').select('id').where('status', '=', 'deferred').where('id', 'like', `evt_${campaign.id}_%`).execute();
      assert.equal(waiting.length, 0);
    });
  });
}
