// A local HTTP server speaking the part of Stripe's wire format Colloquy uses: form-encoded
// POST /v1/checkout/sessions with bracketed keys, GET /v1/invoice_payments (filtered by
// invoice or by payment[payment_intent]) with Stripe's list shape, Bearer auth, Idempotency-Key replay (and
// Stripe's refusal of a reused key with other parameters), JSON objects and Stripe's error
// shape. Point the SDK at it with STRIPE_API_BASE. Webhook signatures need no server: the
// SDK's generateTestHeaderString makes them.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export const TEST_SECRET_KEY = 'sk_test_colloquy_fake_0000000000';
export const TEST_WEBHOOK_SECRET = 'whsec_colloquy_test_secret_0000000000';

export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, any>;
  idempotencyKey: string | undefined;
}

/** Stripe's form encoding back into objects: a[b][0][c]=1 → { a: { b: [ { c: '1' } ] } }. */
export function parseStripeForm(body: string): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: any = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1]);
      if (last) node[part] = value;
      else node = node[part] ??= nextIsIndex ? [] : {};
    });
  }
  return root;
}

export interface StripeFake {
  base: string;
  requests: FakeRequest[];
  /** The next request (each call queues one more) is answered with this Stripe error instead. */
  failNext(status: number, error: { type: string; message: string; param?: string }): void;
  /** Records that a PaymentIntent paid an invoice (what GET /v1/invoice_payments lists). */
  payInvoice(invoice: string, paymentIntent: string, amount: number): void;
  close(): Promise<void>;
}

export async function startStripeFake(): Promise<StripeFake> {
  const requests: FakeRequest[] = [];
  const replays = new Map<string, { params: string; status: number; body: string }>();
  const failures: Array<{ status: number; error: object }> = [];
  const invoicePayments: Array<Record<string, unknown> & { invoice: string; payment: { type: string; payment_intent: string } }> = [];

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const send = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${randomBytes(6).toString('hex')}` });
        res.end(text);
      };
      if (req.headers.authorization !== `Bearer ${TEST_SECRET_KEY}`) {
        return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
      }
      const url = new URL(req.url!, 'http://stripe.test');
      const params = parseStripeForm(req.method === 'GET' ? url.search.slice(1) : body);
      const key = req.headers['idempotency-key'] as string | undefined;
      requests.push({ method: req.method!, path: req.url!, params, idempotencyKey: key });
      const failure = failures.shift();
      if (failure) return send(failure.status, { error: failure.error });
      if (key && replays.has(key)) {
        const earlier = replays.get(key)!;
        if (earlier.params !== body) {
          return send(400, { error: { type: 'idempotency_error', message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } });
        }
        res.writeHead(earlier.status, { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' });
        return res.end(earlier.body);
      }
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const id = `cs_test_${randomBytes(12).toString('hex')}`;
        const item = params.line_items?.[0]?.price_data ?? {};
        const session = {
          id,
          object: 'checkout.session',
          mode: params.mode,
          status: 'open',
          payment_status: 'unpaid',
          amount_total: Number(item.unit_amount),
          currency: item.currency,
          metadata: params.metadata ?? {},
          customer_email: params.customer_email ?? null,
          success_url: params.success_url,
          cancel_url: params.cancel_url,
          url: `https://checkout.stripe.test/c/pay/${id}`,
          livemode: false,
          created: Math.floor(Date.now() / 1000),
        };
        const text = JSON.stringify(session);
        if (key) replays.set(key, { params: body, status: 200, body: text });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(text);
      }
      if (req.method === 'GET' && url.pathname === '/v1/invoice_payments') {
        const pi = params.payment?.payment_intent;
        if (pi && params.payment.type !== 'payment_intent') {
          return send(400, { error: { type: 'invalid_request_error', message: 'Missing required param: payment[type].', param: 'payment[type]' } });
        }
        const data = invoicePayments.filter((p) => (!params.invoice || p.invoice === params.invoice) && (!pi || p.payment.payment_intent === pi) && (!params.status || p.status === params.status));
        return send(200, { object: 'list', data: data.slice(0, Number(params.limit ?? 10)), has_more: false, url: '/v1/invoice_payments' });
      }
      send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.url})` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    failNext(status, error) {
      failures.push({ status, error });
    },
    payInvoice(invoice, paymentIntent, amount) {
      const created = Math.floor(Date.now() / 1000);
      invoicePayments.push({
        id: `inpay_${randomBytes(8).toString('hex')}`,
        object: 'invoice_payment',
        amount_paid: amount,
        amount_requested: amount,
        created,
        currency: 'usd',
        invoice,
        is_default: true,
        livemode: false,
        payment: { type: 'payment_intent', payment_intent: paymentIntent },
        status: 'paid',
        status_transitions: { canceled_at: null, paid_at: created },
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Environment for startServer: Stripe through the fake, webhooks signed with the test secret. */
export function stripeEnv(fake: StripeFake): Record<string, string> {
  return { STRIPE_SECRET_KEY: TEST_SECRET_KEY, STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, STRIPE_API_BASE: fake.base };
}

const signer = new Stripe(TEST_SECRET_KEY).webhooks;

/** A Stripe event as its webhook would carry it, with the Stripe-Signature header for it. */
export function signedEvent(event: { id: string; type: string; object: Record<string, unknown>; created?: number }, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify({
    id: event.id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: event.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    type: event.type,
    data: { object: event.object },
  });
  const header = signer.generateTestHeaderString({ payload, secret: options.secret ?? TEST_WEBHOOK_SECRET, timestamp: options.timestamp });
  return { payload, header };
}
