import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalBus, type CommentEvent } from '../platform/bus.ts';
import { newId } from '../platform/ids.ts';
import { LiveHub, threadKey } from './live.ts';

function event(overrides: Partial<CommentEvent> = {}): CommentEvent {
  return {
    id: newId(), type: 'comment.created', siteId: 'demo', threadId: 't', pageKey: 'p',
    commentId: newId(), status: 'approved', at: Date.now(), data: {}, ...overrides,
  };
}

function collector() {
  const got: CommentEvent[] = [];
  return { got, subscriber: { send: (e: CommentEvent) => got.push(e), ping: () => {}, reset: () => {}, end: () => {} } };
}

test('streams receive approved events of their own thread only', () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus);
  const mine = collector();
  hub.subscribe(threadKey('demo', 'p'), mine.subscriber);
  bus.publish(event());
  bus.publish(event({ pageKey: 'other' }));
  bus.publish(event({ status: 'pending' }));
  assert.equal(mine.got.length, 1);
  hub.close();
});

test('a reconnecting stream replays what it missed, in order', () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus);
  const first = event();
  bus.publish(first);
  const missed = [event(), event()];
  for (const e of missed) bus.publish(e);
  const { replay } = hub.subscribe(threadKey('demo', 'p'), collector().subscriber, first.id);
  assert.deepEqual(replay?.map((e) => e.id), missed.map((e) => e.id));
  hub.close();
});

test('an id older than the history asks the client to reload', () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus, { historySize: 2 });
  const old = event();
  bus.publish(old);
  for (let i = 0; i < 3; i++) bus.publish(event());
  assert.equal(hub.subscribe(threadKey('demo', 'p'), collector().subscriber, old.id).replay, null);
  assert.equal(hub.subscribe(threadKey('demo', 'p'), collector().subscriber, newId(Date.now() - 3_600_000)).replay, null);
  hub.close();
});

test('unsubscribing stops delivery and close ends every stream', () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus);
  let ended = 0;
  const a = collector();
  const { unsubscribe } = hub.subscribe(threadKey('demo', 'p'), a.subscriber);
  hub.subscribe(threadKey('demo', 'p'), { ...collector().subscriber, end: () => ended++ });
  unsubscribe();
  bus.publish(event());
  assert.equal(a.got.length, 0);
  assert.equal(hub.connections, 1);
  hub.close();
  assert.equal(ended, 1);
  assert.equal(hub.connections, 0);
});

test("a site's signal reaches every stream of that site's threads, and no other site's", () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus);
  const heard: string[] = [];
  const listen = (site: string, page: string) => hub.subscribe(threadKey(site, page), { ...collector().subscriber, signal: (name) => heard.push(`${site}/${page} ${name}`) });
  listen('demo', 'a');
  listen('demo', 'b');
  listen('demo-two', 'a');
  bus.signal({ siteId: 'demo', name: 'campaign.updated' });
  bus.signal({ siteId: 'demo', name: 'site.updated' }); // for the server's caches, not for readers
  assert.deepEqual(heard.sort(), ['demo/a campaign.updated', 'demo/b campaign.updated']);
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('a fan-out goes out in slices between which the process gets on with other work', async () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus, { sliceSize: 2 });
  const streams = Array.from({ length: 5 }, () => collector());
  for (const s of streams) hub.subscribe(threadKey('demo', 'p'), s.subscriber);
  const e = event();
  bus.publish(e);
  assert.deepEqual(streams.map((s) => s.got.length), [1, 1, 0, 0, 0]);
  await turn();
  assert.deepEqual(streams.map((s) => s.got.length), [1, 1, 1, 1, 0]);
  await turn();
  assert.deepEqual(streams.map((s) => s.got.map((g) => g.id)), streams.map(() => [e.id]));
  hub.close();
});

test('events published during a fan-out reach every stream in order, once, and not after it leaves', async () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus, { sliceSize: 3 });
  const streams = Array.from({ length: 7 }, () => collector());
  const leaving = streams.map((s) => hub.subscribe(threadKey('demo', 'p'), s.subscriber).unsubscribe).at(-1)!;
  const published = [event(), event(), event()];
  for (const e of published) bus.publish(e);
  leaving();
  // A reader reconnecting meanwhile after the first event: the rest come by replay, not twice.
  const late = collector();
  const { replay } = hub.subscribe(threadKey('demo', 'p'), late.subscriber, published[0].id);
  for (let i = 0; i < 10; i++) await turn();
  const ids = published.map((e) => e.id);
  assert.deepEqual(streams.slice(0, -1).map((s) => s.got.map((g) => g.id)), streams.slice(0, -1).map(() => ids));
  assert.deepEqual(streams.at(-1)!.got, []);
  assert.deepEqual([...replay!, ...late.got].map((e) => e.id), ids.slice(1));
  hub.close();
});

test('heartbeats reach every open stream of every thread, and only open ones', async () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus, { heartbeatMs: 10, sliceSize: 1 });
  const pings = [0, 0, 0];
  const leaving = pings.map((_, i) => hub.subscribe(threadKey('demo', `p${i}`), { ...collector().subscriber, ping: () => pings[i]++ }).unsubscribe)[2];
  leaving();
  while (pings[0] === 0 || pings[1] === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(pings[2], 0);
  hub.close();
});

test('a stream that fails is left out; the others and later events carry on', async () => {
  const bus = createLocalBus();
  const hub = new LiveHub(bus, { sliceSize: 1 });
  const before = collector();
  const after = collector();
  let tries = 0;
  hub.subscribe(threadKey('demo', 'p'), before.subscriber);
  const failing = () => {
    tries++;
    throw new Error('socket gone');
  };
  hub.subscribe(threadKey('demo', 'p'), { ...collector().subscriber, send: failing });
  hub.subscribe(threadKey('demo', 'p'), after.subscriber);
  const published = [event(), event()];
  for (const e of published) bus.publish(e);
  for (let i = 0; i < 10; i++) await turn();
  assert.deepEqual(before.got.map((e) => e.id), published.map((e) => e.id));
  assert.deepEqual(after.got.map((e) => e.id), published.map((e) => e.id));
  assert.equal(tries, 1);
  hub.close();
});
