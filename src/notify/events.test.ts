// The SSE route end to end: real server, real stream.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
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
