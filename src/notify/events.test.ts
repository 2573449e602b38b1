// The SSE route end to end: real server, real stream.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { newId } from '../platform/ids.ts';
import { startServer, type TestServer } from '../../test/helpers/server.ts';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.stop());

const visitor = () => `visitor-${Math.random().toString(36).slice(2)}-0123456789`;

async function post(page: string, body: string) {
  const res = await fetch(`${server.url}/api/v1/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-colloquy-visitor': visitor() },
    body: JSON.stringify({ site: 'demo', page, author: { name: 'Ann', email: 'ann@example.com' }, body }),
  });
  assert.equal(res.status, 201);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

/** Opens a stream and returns a reader that waits for text matching a pattern. */
async function stream(page: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(`${server.url}/api/v1/events?site=demo&page=${page}`, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  return {
    res,
    async until(pattern: RegExp) {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
        text += value;
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

test('a new comment arrives on an open stream with an id and its comment id', async () => {
  const s = await stream('live-1');
  assert.equal(s.res.status, 200);
  assert.match(s.res.headers.get('content-type')!, /text\/event-stream/);
  const id = await post('live-1', 'hello live');
  const text = await s.until(new RegExp(id));
  assert.match(text, /id: [0-9A-Z]{16}\nevent: comment.created\ndata: \{"commentId":"/);
  assert.doesNotMatch(text, /ann@example.com/);
  s.close();
});

test('reconnecting with Last-Event-ID replays the events missed meanwhile', async () => {
  const s = await stream('live-2');
  const first = await post('live-2', 'first');
  const text = await s.until(new RegExp(first));
  const lastEventId = /id: (\w+)\nevent: comment.created\ndata: \{"commentId":"(\w+)"/.exec(text)![1];
  s.close();
  const missed = await post('live-2', 'while away');
  const again = await stream('live-2', { 'Last-Event-ID': lastEventId });
  await again.until(new RegExp(missed));
  again.close();
});

test('another thread and disallowed origins get nothing', async () => {
  const other = await stream('live-3-other');
  const forbidden = await fetch(`${server.url}/api/v1/events?site=demo&page=live-3`, { headers: { origin: 'https://evil.example' } });
  assert.equal(forbidden.status, 403);
  const id = await post('live-3', 'not for you');
  const sentinel = await post('live-3-other', 'sentinel');
  const text = await other.until(new RegExp(sentinel));
  assert.doesNotMatch(text, new RegExp(id));
  other.close();
});

/** An event as the comments module publishes it, with `bytes` of padding in its data. */
function publish(page: string, bytes = 0): string {
  const id = newId();
  server.app.bus.publish({
    id, type: 'comment.created', siteId: 'demo', threadId: 't', pageKey: page, commentId: newId(),
    status: 'approved', at: Date.now(), data: { commentId: id, padding: 'x'.repeat(bytes) },
  });
  return id;
}

/** A raw HTTP request: its socket, what it read, and how many SSE frames ended in it. */
async function rawRequest(head: string): Promise<{ socket: Socket; read: () => string; frames: () => number }> {
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  socket.setEncoding('latin1');
  let text = '';
  let frames = 0;
  socket.on('data', (chunk: string) => {
    for (let at = (text.at(-1) === '\n' && chunk[0] === '\n' ? (frames++, 1) : 0); (at = chunk.indexOf('\n\n', at)) >= 0; at += 2) frames++;
    text += chunk;
  });
  socket.write(head);
  while (!text.includes('\r\n\r\n')) await once(socket, 'data');
  return { socket, read: () => text, frames: () => frames };
}

test('an HTTP/1.0 client gets bare frames, its response ending with the connection', async () => {
  const { socket, read } = await rawRequest('GET /api/v1/events?site=demo&page=live-4 HTTP/1.0\r\n\r\n');
  assert.doesNotMatch(read(), /transfer-encoding/i);
  const id = publish('live-4');
  while (!read().endsWith('\n\n') || !read().includes(id)) await once(socket, 'data');
  const body = read().slice(read().indexOf('\r\n\r\n') + 4);
  assert.equal(body, `retry: 3000\n\nid: ${id}\nevent: comment.created\ndata: {"commentId":"${id}","padding":""}\n\n`);
  socket.destroy();
});

test('a reader that stops reading is dropped, not buffered for, and resumes with Last-Event-ID', async () => {
  const page = 'live-5';
  const request = `GET /api/v1/events?site=demo&page=${page} HTTP/1.1\r\nHost: x\r\n\r\n`;
  const reading = await rawRequest(request);
  const stalled = await rawRequest(request);
  stalled.socket.pause();
  // 60 events of 128 KB: more than socket buffers (4 MB at most here) and the server's 256 KB allowance hold.
  // Each goes out once the reading stream has the one before in full, so that one keeps up.
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    ids.push(publish(page, 128 * 1024));
    while (reading.frames() < i + 2) await once(reading.socket, 'data'); // + the retry frame
  }
  assert.ok(!reading.socket.readableEnded, 'a reader that keeps up stays connected');
  reading.socket.destroy();

  stalled.socket.resume();
  await once(stalled.socket, 'end', { signal: AbortSignal.timeout(10_000) }); // dropped: its stream ends
  const got = [...stalled.read().matchAll(/id: (\w+)\nevent: comment\.created\ndata: [^\n]*\n\n/g)].map((m) => m[1]);
  assert.ok(got.length > 0 && got.length < ids.length, `the stalled reader got ${got.length} of ${ids.length} events before being dropped`);
  assert.deepEqual(got, ids.slice(0, got.length));

  const again = await stream(page, { 'Last-Event-ID': got.at(-1)! });
  const replayed = await again.until(new RegExp(ids.at(-1)!));
  assert.deepEqual([...replayed.matchAll(/id: (\w+)\n/g)].map((m) => m[1]), ids.slice(got.length));
  again.close();
});
