// Starting a donation: the JSON route and the no-JavaScript form, against a local server that
// speaks Stripe's wire format (test/helpers/stripe-fake.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { startServer } from '../../test/helpers/server.ts';
import { useSupportServer } from '../../test/helpers/support.ts';

const VISITOR = 'checkout-visitor-000000001';

for (const engine of ENGINES) {
  describe(`Stripe Checkout (${engine.name})`, () => {
    const h = useSupportServer(engine);
    const checkout = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      h.call('POST', '/api/v1/support/checkout', { site: 'demo', currency: 'USD', interval: 'once', ...body }, { 'x-colloquy-visitor': VISITOR, ...headers });

    it('opens a one-off payment session with the campaign on it, server-side', async () => {
      const c = await h.campaign({ title: 'Printing press' });
      const res = await checkout({ campaign: c.id, amount: 2500, name: 'Ada', anonymous: false, email: 'ada@example.com' });
      assert.equal(res.status, 200, res.text);
      assert.match(res.body.url, /^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
      const sent = h.stripe.requests.at(-1)!;
      assert.equal(sent.path, '/v1/checkout/sessions');
      assert.equal(sent.params.mode, 'payment');
      assert.equal(sent.params.submit_type, 'donate');
      assert.deepEqual(sent.params.line_items[0].price_data.unit_amount, '2500');
      assert.equal(sent.params.line_items[0].price_data.currency, 'usd');
      assert.equal(sent.params.customer_email, 'ada@example.com');
      assert.deepEqual(sent.params.metadata, { colloquy_site: 'demo', colloquy_campaign: c.id, colloquy_name: 'Ada', colloquy_anonymous: 'false' });
      assert.deepEqual(sent.params.payment_intent_data.metadata, sent.params.metadata);
      assert.match(sent.params.success_url, /\/support\/thanks\?site=demo&campaign=/);
      assert.match(sent.idempotencyKey ?? '', /^colloquy-checkout-/);
    });

    it('opens a monthly subscription session whose subscription carries the campaign', async () => {
      const c = await h.campaign();
      const res = await checkout({ campaign: c.id, amount: 500, interval: 'month' });
      assert.equal(res.status, 200, res.text);
      const sent = h.stripe.requests.at(-1)!;
      assert.equal(sent.params.mode, 'subscription');
      assert.equal(sent.params.line_items[0].price_data.recurring.interval, 'month');
      assert.equal(sent.params.subscription_data.metadata.colloquy_campaign, c.id);
      assert.equal(sent.params.metadata.colloquy_anonymous, 'true');
    });

    it('sends a repeated request with the same idempotency key and gets the same session back', async () => {
      const c = await h.campaign();
      const [a, b] = await Promise.all([checkout({ campaign: c.id, amount: 1000 }), checkout({ campaign: c.id, amount: 1000 })]);
      assert.equal(a.body.url, b.body.url);
      const other = await checkout({ campaign: c.id, amount: 1000 }, { 'x-colloquy-visitor': 'another-visitor-00000001' });
      assert.notEqual(other.body.url, a.body.url, 'another reader gets their own session');
      const mine = await checkout({ campaign: c.id, amount: 1000 }, { 'idempotency-key': 'my-key-123456' });
      const again = await checkout({ campaign: c.id, amount: 1000 }, { 'idempotency-key': 'my-key-123456' });
      assert.equal(mine.body.url, again.body.url);
    });

    it('refuses what it should, naming the field', async () => {
      const c = await h.campaign({ currency: 'EUR' });
      const cases: Array<[Record<string, unknown>, number, string, string?]> = [
        [{ campaign: c.id, amount: 1000, currency: 'USD' }, 400, 'currency_mismatch', 'currency'],
        [{ campaign: c.id, amount: 50, currency: 'EUR' }, 400, 'invalid_amount', 'amount'],
        [{ campaign: 'nope', amount: 1000 }, 404, 'campaign_not_found'],
        [{ campaign: c.id, amount: 1000, currency: 'EUR', email: 'not-an-email' }, 400, 'invalid_email', 'email'],
        [{ campaign: c.id, amount: 1000, currency: 'EUR', returnUrl: 'https://evil.example/phish' }, 400, 'invalid_return_url', 'returnUrl'],
        [{ campaign: c.id, amount: 1000, currency: 'EUR', interval: 'year' }, 400, 'invalid_request', 'interval'],
        [{ campaign: c.id, amount: 10.5, currency: 'EUR' }, 400, 'invalid_request', 'amount'],
      ];
      for (const [body, status, code, field] of cases) {
        const res = await checkout(body);
        assert.equal(res.status, status, `${JSON.stringify(body)} → ${res.text}`);
        assert.equal(res.body.error.code, code);
        if (field) assert.equal(res.body.error.field, field);
      }
      const ended = await h.campaign({ startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-02-01T00:00:00Z' });
      assert.equal((await checkout({ campaign: ended.id, amount: 1000 })).body.error.code, 'campaign_closed');
      const foreign = await checkout({ campaign: c.id, amount: 1000, currency: 'EUR' }, { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
    });

    it('answers 502 when Stripe fails, and 400 when Stripe refuses the request', async () => {
      const c = await h.campaign();
      // The SDK retries twice (same idempotency key); a third failure reaches the reader.
      for (let i = 0; i < 3; i++) h.stripe.failNext(500, { type: 'api_error', message: 'boom' });
      const down = await checkout({ campaign: c.id, amount: 1001 });
      assert.equal(down.status, 502, down.text);
      assert.equal(down.body.error.code, 'payment_provider_unavailable');
      h.stripe.failNext(500, { type: 'api_error', message: 'boom' });
      const recovered = await checkout({ campaign: c.id, amount: 1003 });
      assert.equal(recovered.status, 200, 'one failure is retried away');
      const keys = h.stripe.requests.slice(-2).map((r) => r.idempotencyKey);
      assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
      h.stripe.failNext(400, { type: 'invalid_request_error', message: 'Amount too small', param: 'unit_amount' });
      const refused = await checkout({ campaign: c.id, amount: 1002 });
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error.code, 'payment_rejected');
    });

    it('takes the no-JavaScript form and redirects to Stripe (303), back to the article on cancel', async () => {
      const c = await h.campaign();
      const form = new URLSearchParams({ site: 'demo', campaign: c.id, currency: 'USD', choice: 'month:1500', name: '', email: '' });
      const res = await fetch(`${h.server.url}/support/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', referer: 'https://publisher.example/news/park', origin: 'https://publisher.example' },
        body: form,
        redirect: 'manual',
      });
      assert.equal(res.status, 303, await res.text());
      assert.match(res.headers.get('location') ?? '', /^https:\/\/checkout\.stripe\.test\//);
      const sent = h.stripe.requests.at(-1)!;
      assert.equal(sent.params.mode, 'subscription');
      assert.equal(sent.params.cancel_url, 'https://publisher.example/news/park');
      const other = new URLSearchParams({ site: 'demo', campaign: c.id, currency: 'USD', choice: 'once:1000', other: '12,50' });
      const typed = await fetch(`${h.server.url}/support/checkout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: other, redirect: 'manual' });
      assert.equal(typed.status, 303);
      assert.equal(h.stripe.requests.at(-1)!.params.line_items[0].price_data.unit_amount, '1250');
      const bad = await fetch(`${h.server.url}/support/checkout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'site=demo&campaign=x&currency=USD', redirect: 'manual' });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await bad.text(), /Choose an amount/);
    });

    it('thanks the donor on the return page with the campaign\u2019s text', async () => {
      const c = await h.campaign({ thankYou: 'You keep the presses rolling.' });
      const res = await h.call('GET', `/support/thanks?site=demo&campaign=${c.id}&back=${encodeURIComponent('https://publisher.example/a')}`);
      assert.equal(res.status, 200);
      assert.match(res.text, /You keep the presses rolling\./);
      assert.match(res.text, /href="https:\/\/publisher\.example\/a"/);
      const evil = await h.call('GET', `/support/thanks?site=demo&campaign=${c.id}&back=${encodeURIComponent('https://evil.example/')}`);
      assert.ok(!evil.text.includes('evil.example'));
    });

    it('shows the card form in the block only when Stripe is configured', async () => {
      const block = await h.call('GET', '/api/v1/support/block?site=demo');
      assert.equal(block.status, 200);
      assert.match(block.body.html, /action="http:\/\/127\.0\.0\.1:\d+\/support\/checkout"/);
      const plain = await startServer({});
      try {
        const res = await fetch(`${plain.url}/api/v1/support/block?site=demo`);
        const body = (await res.json()) as { html: string };
        assert.ok(!body.html.includes('<form'), 'no card form without STRIPE_SECRET_KEY');
        const refused = await fetch(`${plain.url}/api/v1/support/checkout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ site: 'demo', campaign: 'demo-fundraiser', amount: 1000, currency: 'USD', interval: 'once' }) });
        assert.equal(refused.status, 503);
      } finally {
        await plain.stop();
      }
    });
  });
}
