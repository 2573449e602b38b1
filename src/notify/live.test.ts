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
  assert.deepEqual(heard.sort(), ['demo/a campaign.updated', 'demo/b campaign.updated']);
  hub.close();
});
