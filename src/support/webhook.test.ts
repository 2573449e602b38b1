// The Stripe webhook on the real route, on SQLite and PostgreSQL: signatures, concurrent
// duplicates, refunds, chargebacks, subscriptions and events that arrive out of order.
// Whatever the order or the number of deliveries, the ledger counts each movement once and
// the cached totals equal the totals rebuilt from the ledger.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { chargeRefunded, checkoutCompleted, dispute, invoicePaid, subscriptionCheckout, subscriptionDeleted } from '../../test/helpers/stripe-events.ts';
import { admin, useSupportServer } from '../../test/helpers/support.ts';

for (const engine of ENGINES) {
  describe(`Stripe webhook (${engine.name})`, () => {
    const h = useSupportServer(engine);

    async function verified() {
      const res = await h.call('GET', '/api/v1/admin/support/totals/verify?site=demo', undefined, admin);
      assert.equal(res.status, 200);
      assert.equal(res.body.ok, true, JSON.stringify(res.body));
    }

    async function entries(campaign: string) {
      const res = await h.call('GET', `/api/v1/admin/support/ledger?site=demo&campaign=${campaign}`, undefined, admin);
      assert.equal(res.status, 200);
      return res.body.entries as Array<{ kind: string; amount: number; amountCampaign: number; providerId: string }>;
    }

    it('refuses a wrong signature, a tampered body and a stale timestamp, changing nothing', async () => {
      const c = await h.campaign();
      const event = checkoutCompleted({ campaign: c.id, amount: 5000 });
      const wrong = await h.webhook.deliver(event, { secret: 'whsec_someone_else' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'invalid_signature');
      assert.equal((await h.webhook.deliver(event, { tamper: true })).status, 400);
      const stale = await h.webhook.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
      assert.equal(stale.status, 400);
      const unsigned = await fetch(`${h.server.url}/api/v1/support/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(unsigned.status, 400);
      assert.equal((await h.totals(c.id)).raised, 0);
      const status = await h.call('GET', '/api/v1/admin/support/webhooks?site=demo', undefined, admin);
      assert.ok(status.body.failures.last24h >= 4, JSON.stringify(status.body));
      assert.match(status.body.failures.recent[0].reason, /signature/i);
      // The same event, correctly signed, is then accepted.
      assert.equal((await h.webhook.deliver(event)).status, 200);
      assert.equal((await h.totals(c.id)).raised, 5000);
    });

    it('counts the same event delivered 20 times at once exactly once', async () => {
      const c = await h.campaign();
      const event = checkoutCompleted({ campaign: c.id, amount: 2500, name: 'Ada', anonymous: false, email: 'ada@example.com' });
      const results = await Promise.all(Array.from({ length: 20 }, () => h.webhook.deliver(event)));
      assert.deepEqual(results.map((r) => r.status), Array(20).fill(200));
      const outcomes = results.map((r) => r.body.outcome).sort();
      assert.equal(outcomes.filter((o) => o === 'processed').length, 1, outcomes.join());
      assert.equal(outcomes.filter((o) => o === 'duplicate').length, 19);
      const t = await h.totals(c.id);
      assert.equal(t.raised, 2500);
      assert.equal(t.donors, 1);
      assert.equal((await entries(c.id)).length, 1);
      await verified();
    });

    it('counts a payment once when different events report it (completed, then async success)', async () => {
      const c = await h.campaign();
      const pending = checkoutCompleted({ campaign: c.id, amount: 4000 }, { paid: false });
      assert.equal((await h.webhook.deliver(pending)).body.outcome, 'ignored');
      assert.equal((await h.totals(c.id)).raised, 0);
      const succeeded = checkoutCompleted({ campaign: c.id, amount: 4000 }, { pi: pending.pi, type: 'checkout.session.async_payment_succeeded' });
      const again = checkoutCompleted({ campaign: c.id, amount: 4000 }, { pi: pending.pi });
      await Promise.all([h.webhook.deliver(succeeded), h.webhook.deliver(again), h.webhook.deliver(succeeded)]);
      assert.equal((await h.totals(c.id)).raised, 4000);
    });

    it('records refunds as new negative entries; an older cumulative refund arriving late adds nothing', async () => {
      const c = await h.campaign();
      const paid = checkoutCompleted({ campaign: c.id, amount: 10_000, email: 'bo@example.com' });
      await h.webhook.deliver(paid);
      const first = chargeRefunded(paid.pi, 3000, { amount: 10_000 });
      const second = chargeRefunded(paid.pi, 10_000, { amount: 10_000 });
      // Out of order: the full refund, then the partial one before it, then both again.
      for (const e of [second, first, second, first]) assert.equal((await h.webhook.deliver(e)).status, 200);
      const t = await h.totals(c.id);
      assert.equal(t.raised, 0);
      assert.equal(t.donors, 0, 'a donor refunded in full no longer counts');
      const list = await entries(c.id);
      assert.deepEqual(list.map((e) => [e.kind, e.amount]).sort(), [['donation', 10_000], ['refund', -10_000]]);
      await verified();
    });

    it('applies a refund that arrives before its payment once the payment arrives', async () => {
      const c = await h.campaign();
      const paid = checkoutCompleted({ campaign: c.id, amount: 6000 });
      const refund = chargeRefunded(paid.pi, 2000, { amount: 6000 });
      assert.equal((await h.webhook.deliver(refund)).body.outcome, 'deferred');
      assert.equal((await h.totals(c.id)).raised, 0);
      const status = await h.call('GET', '/api/v1/admin/support/webhooks?site=demo', undefined, admin);
      assert.ok(status.body.deferred.some((d: { waitingFor: string }) => d.waitingFor === paid.pi));
      await Promise.all([h.webhook.deliver(paid), h.webhook.deliver(paid), h.webhook.deliver(refund)]);
      assert.equal((await h.totals(c.id)).raised, 4000);
      await verified();
    });

    it('takes a chargeback off and puts a won dispute back, once each', async () => {
      const c = await h.campaign();
      const paid = checkoutCompleted({ campaign: c.id, amount: 7000 });
      await h.webhook.deliver(paid);
      const lost = dispute(paid.pi, 7000, 'charge.dispute.funds_withdrawn', `dp_${c.id}`);
      await Promise.all([h.webhook.deliver(lost), h.webhook.deliver(lost)]);
      assert.equal((await h.totals(c.id)).raised, 0);
      await h.webhook.deliver(dispute(paid.pi, 7000, 'charge.dispute.funds_reinstated', `dp_${c.id}`));
      assert.equal((await h.totals(c.id)).raised, 7000);
      await verified();
    });

    it('counts monthly gifts from invoice.paid (first and renewals), not from the checkout session', async () => {
      const c = await h.campaign();
      const gift = { campaign: c.id, amount: 1500, email: 'monthly@example.com', name: 'Mo', anonymous: false };
      const start = subscriptionCheckout(gift);
      const firstInvoice = invoicePaid(gift, start.sub);
      // The invoice may come before the session: it carries the subscription's metadata itself.
      await h.webhook.deliver(firstInvoice);
      await h.webhook.deliver(start);
      await h.webhook.deliver(firstInvoice);
      assert.equal((await h.totals(c.id)).raised, 1500);
      await h.webhook.deliver(invoicePaid(gift, start.sub, { legacy: true }));
      const t = await h.totals(c.id);
      assert.equal(t.raised, 3000);
      assert.equal(t.donors, 1, 'one donor however many months');
      // A refund of a renewal finds it through the invoice's PaymentIntent.
      await h.webhook.deliver(chargeRefunded(firstInvoice.pi, 1500, { amount: 1500 }));
      assert.equal((await h.totals(c.id)).raised, 1500);
      await verified();
    });

    const lookups = () => h.stripe.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v1/invoice_payments'));

    it('refunds renewals on the newest API versions (no payment_intent on the invoice), in either order', async () => {
      const c = await h.campaign();
      const gift = { campaign: c.id, amount: 2000, email: 'newest@example.com' };
      const start = subscriptionCheckout(gift);
      await h.webhook.deliver(start);
      // Paid, then refunded: the invoice's PaymentIntent comes from its InvoicePayment.
      const renewal = invoicePaid(gift, start.sub, { webhook: true });
      h.stripe.payInvoice(renewal.object.id, renewal.pi, 2000);
      assert.equal((await h.webhook.deliver(renewal)).body.outcome, 'processed');
      assert.ok(lookups().some((r) => r.params.invoice === renewal.object.id), 'asked Stripe for the invoice payments');
      assert.equal((await h.webhook.deliver(chargeRefunded(renewal.pi, 2000, { amount: 2000 }))).body.outcome, 'processed');
      assert.equal((await h.totals(c.id)).raised, 0);
      // Refunded before its invoice.paid arrives: held, then applied with it, once.
      const next = invoicePaid(gift, start.sub, { webhook: true });
      h.stripe.payInvoice(next.object.id, next.pi, 2000);
      const early = chargeRefunded(next.pi, 500, { amount: 2000 });
      assert.equal((await h.webhook.deliver(early)).body.outcome, 'deferred');
      await Promise.all([h.webhook.deliver(next), h.webhook.deliver(next), h.webhook.deliver(early)]);
      assert.equal((await h.totals(c.id)).raised, 1500);
      const kinds = (await entries(c.id)).map((e) => `${e.kind} ${e.amount}`).sort();
      assert.deepEqual(kinds, ['donation 2000', 'donation 2000', 'refund -2000', 'refund -500']);
      await verified();
    });

    it('finds a renewal recorded by invoice id alone from the refunded PaymentIntent; a failed lookup is retried, not lost', async () => {
      const c = await h.campaign();
      const gift = { campaign: c.id, amount: 3000 };
      const sub = subscriptionCheckout(gift).sub;
      // Stripe lists no payment for the invoice yet: the entry knows only the invoice id.
      const renewal = invoicePaid(gift, sub, { webhook: true });
      assert.equal((await h.webhook.deliver(renewal)).body.outcome, 'processed');
      h.stripe.payInvoice(renewal.object.id, renewal.pi, 3000);
      const refund = chargeRefunded(renewal.pi, 1000, { amount: 3000 });
      // Stripe's API down (the SDK retries twice): 500, nothing recorded, so Stripe redelivers.
      for (let i = 0; i < 3; i++) h.stripe.failNext(500, { type: 'api_error', message: 'Stripe is down' });
      assert.equal((await h.webhook.deliver(refund)).status, 500);
      assert.equal((await h.totals(c.id)).raised, 3000);
      assert.equal((await h.webhook.deliver(refund)).body.outcome, 'processed');
      assert.ok(lookups().some((r) => r.params.payment?.type === 'payment_intent' && r.params.payment.payment_intent === renewal.pi));
      await h.webhook.deliver(dispute(renewal.pi, 2000, 'charge.dispute.funds_withdrawn', `dp_${c.id}`));
      assert.equal((await h.totals(c.id)).raised, 0);
      await verified();
    });

    it('refunds renewals on older API versions from the event alone, without asking Stripe', async () => {
      const c = await h.campaign();
      const gift = { campaign: c.id, amount: 2500 };
      const sub = subscriptionCheckout(gift).sub;
      const before = lookups().length;
      const renewal = invoicePaid(gift, sub, { legacy: true });
      const refund = chargeRefunded(renewal.pi, 2500, { amount: 2500, invoice: renewal.object.id });
      // The refund first: it waits for its payment.
      assert.equal((await h.webhook.deliver(refund)).body.outcome, 'deferred');
      await h.webhook.deliver(renewal);
      assert.equal((await h.totals(c.id)).raised, 0);
      assert.equal(lookups().length, before, 'no InvoicePayment lookups');
      await verified();
    });

    it('keeps a cancelled subscription cancelled, even when the cancellation comes first', async () => {
      const c = await h.campaign();
      const gift = { campaign: c.id, amount: 900 };
      const start = subscriptionCheckout(gift);
      assert.equal((await h.webhook.deliver(subscriptionDeleted(start.sub))).status, 200);
      assert.equal((await h.webhook.deliver(start)).status, 200);
      const row = await h.server.app.database.db.selectFrom('support_subscriptions').selectAll().where('id', '=', start.sub).executeTakeFirstOrThrow();
      assert.equal(row.status, 'canceled');
      assert.equal(row.campaign_id, c.id);
    });

    it('records a gift in another currency with the amount and rate Stripe converted it at', async () => {
      const c = await h.campaign();
      await h.webhook.deliver(checkoutCompleted({ campaign: c.id, amount: 9000, currency: 'EUR' }, { conversion: { amount: 9720, currency: 'USD', rate: '1.08' } }));
      assert.equal((await h.totals(c.id)).raised, 9720);
      const [entry] = (await h.call('GET', `/api/v1/admin/support/ledger?site=demo&campaign=${c.id}`, undefined, admin)).body.entries;
      assert.deepEqual([entry.amount, entry.currency, entry.amountCampaign, entry.rate], [9000, 'EUR', 9720, '1.08']);
    });

    it('ignores events for unknown campaigns and of unused types, answering 200 so Stripe stops', async () => {
      const unknown = await h.webhook.deliver(checkoutCompleted({ campaign: 'no-such-campaign', amount: 100 }));
      assert.equal(unknown.status, 200);
      assert.equal(unknown.body.outcome, 'ignored');
      const other = await h.webhook.deliver({ id: 'evt_other_type', type: 'customer.created', object: { id: 'cus_1', object: 'customer' } });
      assert.equal(other.body.outcome, 'ignored');
    });

    it('updates the public campaign at once and never shows a donor e-mail', async () => {
      const before = await h.call('GET', '/api/v1/campaigns/current?site=demo');
      assert.equal(before.status, 200);
      const etag = before.headers.get('etag')!;
      assert.equal((await fetch(`${h.server.url}/api/v1/campaigns/current?site=demo`, { headers: { 'if-none-match': etag } })).status, 304);
      await h.webhook.deliver(checkoutCompleted({ campaign: before.body.id, amount: 1234, email: 'secret-donor@example.com', name: 'Visible Name', anonymous: false }));
      const after = await h.call('GET', '/api/v1/campaigns/current?site=demo');
      assert.equal(after.body.raised, before.body.raised + 1234);
      assert.notEqual(after.headers.get('etag'), etag);
      for (const path of ['/api/v1/campaigns/current?site=demo', '/embed/support?site=demo', '/api/v1/support/block?site=demo', '/']) {
        const res = await h.call('GET', path);
        assert.ok(!res.text.includes('secret-donor'), `${path} shows a donor e-mail`);
      }
    });
  });
}
