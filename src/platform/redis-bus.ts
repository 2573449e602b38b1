// The bus across nodes: Redis pub/sub. An event reaches this node's listeners at once
// and every other node's through Redis; each node ignores its own echo.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createListeners, type Bus, type BusEvent, type SiteSignal } from './bus.ts';

const CHANNEL = 'colloquy:events';

interface Envelope {
  node: string;
  event?: BusEvent;
  signal?: SiteSignal;
}

export async function createRedisBus(url: string, onError: (error: unknown) => void): Promise<Bus> {
  const node = randomBytes(8).toString('hex');
  const local = createListeners(onError);
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const client of [publisher, subscriber]) client.on('error', onError);
  await Promise.all([publisher.connect(), subscriber.connect()]);

  subscriber.on('message', (_channel: string, message: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (error) {
      return onError(error);
    }
    if (envelope.node === node) return;
    if (envelope.signal) local.deliverSignal(envelope.signal);
    else if (envelope.event) local.deliver(envelope.event);
  });
  // Messages published while we were disconnected are gone: caches must not trust themselves.
  let connectedOnce = false;
  subscriber.on('ready', () => {
    if (connectedOnce) local.gap();
    connectedOnce = true;
  });
  await subscriber.subscribe(CHANNEL);
  connectedOnce = true;

  return {
    publish(event) {
      local.deliver(event);
      publisher.publish(CHANNEL, JSON.stringify({ node, event } satisfies Envelope)).catch(onError);
    },
    subscribe: local.subscribe,
    onGap: local.onGap,
    signal(signal) {
      local.deliverSignal(signal);
      publisher.publish(CHANNEL, JSON.stringify({ node, signal } satisfies Envelope)).catch(onError);
    },
    onSignal: local.onSignal,
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
