// Delivery: SMTP refusing for a while is retried with growing delays and delivers once; a
// refusal for good is given up at once; webhooks are signed, retried and logged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startHarness, type Harness } from '../../test/helpers/notify-harness.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp.ts';
import { startReceiver, verify, type Hit, type Receiver } from '../../test/helpers/webhook-receiver.ts';
import { enqueueEmail } from './outbox.ts';
import { backoff } from './worker.ts';

const mail = (to: string, key: string) => ({ to, subject: 'Hello', text: 'Hi', html: '<p>Hi</p>', dedupeKey: key });

describe('e-mail delivery', () => {
  let sink: SmtpSink;
  let h: Harness;
  before(async () => {
    sink = await startSmtpSink();
    h = await startHarness(sink, { retryMs: 100 });
  });
  after(async () => {
    await h?.close();
    await sink?.close();
  });

  test('backoff doubles from the first delay, capped, with ±20% jitter', () => {
    const options = { retryMs: 1000, maxRetryMs: 5000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((a) => backoff(a, options, () => 0.5)), [1000, 2000, 4000, 5000, 5000]);
    assert.equal(backoff(1, options, () => 0), 800);
    assert.equal(backoff(1, options, () => 1), 1200);
  });

  test('a server that refuses for a while (451) gets the message once, after growing delays', async () => {
    const attemptsBefore = sink.attempts;
    const times: number[] = [];
    sink.refuse(2, 451);
    const timer = setInterval(() => {
      if (sink.attempts - attemptsBefore > times.length) times.push(Date.now());
    }, 2);
    await enqueueEmail(h.open.db, mail('patient@example.com', 'refused-twice'));
    await sink.waitFor(() => sink.to('patient@example.com').length === 1);
    clearInterval(timer);
    await h.drained();
    assert.equal(sink.attempts - attemptsBefore, 3);
    assert.equal(sink.to('patient@example.com').length, 1);
    const [row] = (await h.notify.outbox.recent(20, 'email')).filter((r) => r.dedupe_key === 'email:refused-twice');
    assert.equal(row.attempts, 3);
    assert.ok(row.sent_at);
    // Lower bounds only: a busy machine makes every wait longer, never shorter (the doubling
    // itself is the backoff test's, above, with the jitter fixed).
    const [first, second, third] = times;
    assert.ok(second - first >= 80, `first retry waited ${second - first} ms, at least 100 ms less 20% jitter`);
    assert.ok(third - second >= 150, `second retry waited ${third - second} ms, at least 200 ms less 20% jitter (and the 2 ms polling)`);
  });

  test('a refusal for good (550) is not retried', async () => {
    sink.refuse(1, 550);
    await enqueueEmail(h.open.db, mail('gone@example.com', 'refused-for-good'));
    await h.drained();
    const [row] = (await h.notify.outbox.recent(20, 'email')).filter((r) => r.dedupe_key === 'email:refused-for-good');
    assert.equal(row.attempts, 1);
    assert.ok(row.failed_at);
    assert.match(row.last_error ?? '', /Mailbox unavailable/);
    assert.equal(sink.to('gone@example.com').length, 0);
  });

  test('enqueueing the same e-mail again, after it was sent, sends nothing', async () => {
    await enqueueEmail(h.open.db, mail('once@example.com', 'just-once'));
    await h.drained();
    await enqueueEmail(h.open.db, mail('once@example.com', 'just-once'));
    await h.drained();
    assert.equal(sink.to('once@example.com').length, 1);
  });
});

describe('webhooks', () => {
  let h: Harness;
  let receiver: Receiver;
  let url: string;
  let hits: Hit[];
  before(async () => {
    h = await startHarness(null, { retryMs: 50 });
    receiver = await startReceiver();
    ({ url, hits } = receiver);
  });
  after(async () => {
    await h?.close();
    await receiver?.close();
  });

  test('signed deliveries of comment.created, .approved and .deleted, retried and logged', async () => {
    const endpoint = await h.notify.webhooks.add('demo', url);
    assert.match(endpoint.secret, /^whsec_/);
    receiver.fail(1);
    const created = await h.post({ page: 'hooks', name: 'Hana', email: 'hana@example.com', body: 'A *webhook* test' });
    await h.drained();
    const createdHits = hits.filter((x) => x.headers['colloquy-event'] === 'comment.created');
    assert.equal(createdHits.length, 2, 'a 503 is retried');
    for (const hit of createdHits) assert.ok(verify(endpoint.secret, String(hit.headers['colloquy-signature']), hit.body), 'signature verifies');
    assert.equal(createdHits[0].headers['colloquy-delivery'], createdHits[1].headers['colloquy-delivery'], 'a retry is the same delivery');
    assert.equal(createdHits[0].body, createdHits[1].body);
    const event = JSON.parse(createdHits[1].body);
    assert.equal(event.type, 'comment.created');
    assert.equal(event.site, 'demo');
    assert.equal(event.data.comment.id, created.comment.id);
    assert.equal(event.data.comment.body, 'A *webhook* test');
    assert.equal(event.data.comment.author.name, 'Hana');
    assert.ok(!createdHits[1].body.includes('hana@example.com'), 'no e-mail address leaves in a webhook');
    assert.ok(!verify('whsec_wrong', String(createdHits[1].headers['colloquy-signature']), createdHits[1].body));
    assert.ok(!verify(endpoint.secret, String(createdHits[1].headers['colloquy-signature']), createdHits[1].body.replace('webhook', 'webhooK')));

    const log = await h.notify.webhooks.deliveries(endpoint.id);
    assert.deepEqual(log.map((d) => [d.event, d.statusCode, d.error]), [['comment.created', 204, null], ['comment.created', 503, 'HTTP 503']]);
    assert.ok(log.every((d) => d.durationMs >= 0));

    h.verdict = { status: 'pending' };
    const held = await h.post({ page: 'hooks', name: 'Ivo', body: 'Held first' });
    h.verdict = { status: 'approved' };
    await h.moderation.setStatus(held.comment.id, 'approved', false);
    await h.comments.remove(created.comment.id, created.editToken, { visitorKey: null, ipHash: null });
    await h.drained();
    const events = hits.map((x) => [x.headers['colloquy-event'], JSON.parse(x.body).data.comment.id]);
    assert.deepEqual(events.slice(2), [
      ['comment.created', held.comment.id],
      ['comment.approved', held.comment.id],
      ['comment.deleted', created.comment.id],
    ]);
    assert.equal(JSON.parse(hits[2].body).data.comment.status, 'pending');
  });

  test('an endpoint switched off receives nothing more', async () => {
    const [endpoint] = await h.notify.webhooks.list('demo');
    await h.notify.webhooks.setActive(endpoint.id, false);
    const count = hits.length;
    await h.post({ page: 'hooks', name: 'Jun', body: 'Nobody listens' });
    await h.drained();
    assert.equal(hits.length, count);
  });
});
