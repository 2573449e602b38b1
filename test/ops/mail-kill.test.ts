// Killing the server with SIGKILL while it sends e-mail loses none: after a restart on the
// same database every message arrives. Duplicates are limited to what SMTP itself cannot
// prevent: a message the SMTP server had received in full but had not yet acknowledged when
// the sender died. Its outbox row was never marked sent, so it is sent again once its lease
// runs out (at-least-once delivery; see docs/DECISIONS.md).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startProcess, type ServerProcess } from '../helpers/process.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp.ts';

const ADDRESSES = Array.from({ length: 12 }, (_, i) => `reader-${i}@kill.example`);

let sink: SmtpSink;
let database: TestDatabase;
let dataDir: string;
const processes: ServerProcess[] = [];

before(async () => {
  sink = await startSmtpSink();
  database = sqliteDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'colloquy-kill-'));
});
after(async () => {
  for (const p of processes) await p.stop();
  await sink?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function start() {
  return startProcess({ DATABASE_URL: database.url, DATA_DIR: dataDir, SMTP_URL: sink.url, OUTBOX_LEASE_SECONDS: '3', RATE_LIMITS: 'false', DEMO_ORIGINS: '*' });
}

test('SIGKILL mid-send, restart: every e-mail arrives, none twice but those in flight', async () => {
  // Every message is held 500 ms before the server says 250: the sender is always mid-send.
  sink.setDelay(500);
  const first = await start();
  processes.push(first);
  for (const email of ADDRESSES) {
    const res = await fetch(`${first.url}/api/v1/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ site: 'demo', page: 'kill-test', email, kind: 'thread' }),
    });
    assert.equal(res.status, 202);
  }
  // Acknowledged once, so the outbox was part-way through, then kill with messages held.
  await sink.waitFor((messages) => messages.some((m) => m.answeredAt) && sink.inFlight.size > 0, 20_000);
  // The kill's moment is taken in the same task that saw a message held, before any timer can
  // answer it: on a loaded machine the exit below can take longer than the sink's 500 ms hold.
  const killedAt = Date.now();
  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  first.child.kill('SIGKILL');
  await exited;
  const deliveredBeforeKill = sink.messages.length;
  assert.ok(deliveredBeforeKill < ADDRESSES.length, 'killed before everything was sent');

  sink.setDelay(0);
  const restartedAt = Date.now();
  const second = await start();
  processes.push(second);
  await sink.waitFor(() => ADDRESSES.every((a) => sink.to(a).length > 0), 30_000);
  await new Promise((r) => setTimeout(r, 4_000)); // longer than a lease: anything resent would be here
  await second.stop();

  // Unacknowledged when the sender died: received in full, the 250 not yet given (or given after).
  const inFlight = new Set(sink.messages.filter((m) => m.at < restartedAt && (!m.answeredAt || m.answeredAt >= killedAt)).flatMap((m) => m.rcpt));
  assert.ok(inFlight.size > 0, 'a message was in flight when the server was killed');
  for (const address of ADDRESSES) {
    const count = sink.to(address).length;
    assert.ok(count >= 1, `${address} never got its e-mail`);
    if (count > 1) {
      assert.equal(count, 2, `${address} got ${count} copies`);
      assert.ok(inFlight.has(address), `${address} got two copies but was not in flight at the kill`);
    }
  }
  const duplicates = ADDRESSES.filter((a) => sink.to(a).length > 1);
  console.log(`# ${deliveredBeforeKill} delivered before SIGKILL, ${inFlight.size} unacknowledged then, ${duplicates.length} sent twice`);
});
