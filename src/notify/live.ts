// Live events per thread: fans bus events out to open streams and keeps a short
// history per thread so a reconnecting reader (Last-Event-ID) misses nothing.
import { READER_SIGNALS, type Bus, type CommentEvent, type SiteSignal } from '../platform/bus.ts';
import { idTime, isId } from '../platform/ids.ts';

export interface LiveSubscriber {
  send(event: CommentEvent): void;
  /** Keeps proxies from closing an idle stream. */
  ping(): void;
  /** Events may have been lost: the client should reload the thread. */
  reset(): void;
  /** A site-wide notice (SiteSignal), not replayed. */
  signal?(name: SiteSignal['name']): void;
  end(): void;
}

export interface LiveOptions {
  /** Events remembered per thread for replay. */
  historySize: number;
  /** How long remembered events stay replayable, in ms. */
  historyMs: number;
  heartbeatMs: number;
  /** Streams written before the fan-out of one event yields to other work (accepts, requests, heartbeats). */
  sliceSize: number;
}

const defaults: LiveOptions = { historySize: 200, historyMs: 10 * 60_000, heartbeatMs: 25_000, sliceSize: 1000 };

/** A stream in its thread's set; `open` turns false when it unsubscribes. */
interface Entry {
  subscriber: LiveSubscriber;
  open: boolean;
}

/** An event (or heartbeat) on its way to the streams that were open when it was sent. */
interface Delivery {
  write: (subscriber: LiveSubscriber) => void;
  to: Entry[];
  next: number;
}

const ping = (subscriber: LiveSubscriber) => subscriber.ping();

/** Only what every reader may see goes out: approved comments, and votes on them. */
function isPublic(event: CommentEvent): boolean {
  return event.status === 'approved';
}

export function threadKey(siteId: string, pageKey: string): string {
  return `${siteId}\0${pageKey}`;
}

export class LiveHub {
  readonly #subscribers = new Map<string, Set<Entry>>();
  readonly #history = new Map<string, CommentEvent[]>();
  // When a thread's history last lost an event to the size bound.
  readonly #evictedAt = new Map<string, number>();
  #coveredSince = Date.now();
  readonly #options: LiveOptions;
  readonly #heartbeat: NodeJS.Timeout;
  readonly #unsubscribeBus: () => void;
  #deliveries: Delivery[] = [];

  constructor(bus: Bus, options: Partial<LiveOptions> = {}) {
    this.#options = { ...defaults, ...options };
    const stopEvents = bus.subscribe((event) => {
      if (isPublic(event)) this.#deliver(event);
    });
    const stopGaps = bus.onGap(() => this.#lostEvents());
    const stopSignals = bus.onSignal((signal) => this.#signal(signal));
    this.#unsubscribeBus = () => {
      stopEvents();
      stopGaps();
      stopSignals();
    };
    // One timer for every stream, not one each: thousands of streams stay cheap.
    this.#heartbeat = setInterval(() => {
      const all: Entry[] = [];
      for (const set of this.#subscribers.values()) for (const entry of set) all.push(entry);
      this.#send(ping, all);
    }, this.#options.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Ends every stream, for shutdown. */
  close(): void {
    clearInterval(this.#heartbeat);
    this.#unsubscribeBus();
    this.#deliveries = [];
    for (const set of this.#subscribers.values()) for (const { subscriber } of set) subscriber.end();
    this.#subscribers.clear();
  }

  get connections(): number {
    let n = 0;
    for (const set of this.#subscribers.values()) n += set.size;
    return n;
  }

  /**
   * Registers a stream. Returns the events after `lastEventId` to replay first, or
   * null when that id is older than the history: the client must reload instead.
   */
  subscribe(key: string, subscriber: LiveSubscriber, lastEventId?: string): { replay: CommentEvent[] | null; unsubscribe: () => void } {
    let set = this.#subscribers.get(key);
    if (!set) this.#subscribers.set(key, (set = new Set()));
    const entry: Entry = { subscriber, open: true };
    set.add(entry);
    const unsubscribe = () => {
      entry.open = false;
      set.delete(entry);
      if (set.size === 0 && this.#subscribers.get(key) === set) this.#subscribers.delete(key);
    };
    return { replay: lastEventId ? this.#since(key, lastEventId) : [], unsubscribe };
  }

  /** To every stream of the site's threads (a rare event: a walk over the keys is fine). */
  #signal({ siteId, name }: SiteSignal): void {
    if (!READER_SIGNALS.has(name)) return;
    const prefix = threadKey(siteId, '');
    for (const [key, set] of this.#subscribers) if (key.startsWith(prefix)) for (const { subscriber } of set) subscriber.signal?.(name);
  }

  #lostEvents(): void {
    this.#history.clear();
    this.#evictedAt.clear();
    this.#coveredSince = Date.now();
    for (const set of this.#subscribers.values()) for (const { subscriber } of set) subscriber.reset();
  }

  #since(key: string, lastEventId: string): CommentEvent[] | null {
    const history = this.#fresh(key);
    if (history.some((e) => e.id === lastEventId)) return history.filter((e) => e.id > lastEventId);
    // An id we do not hold is safe only if we hold every event since it was made.
    if (!isId(lastEventId)) return null;
    const made = idTime(lastEventId);
    if (made < Math.max(this.#coveredSince, Date.now() - this.#options.historyMs) || made <= (this.#evictedAt.get(key) ?? -1)) return null;
    return history.filter((e) => e.id > lastEventId);
  }

  #fresh(key: string): CommentEvent[] {
    const history = this.#history.get(key) ?? [];
    const cutoff = Date.now() - this.#options.historyMs;
    const kept = history.filter((e) => e.at >= cutoff);
    if (kept.length !== history.length) {
      if (kept.length) this.#history.set(key, kept);
      else this.#history.delete(key);
    }
    return kept;
  }

  #deliver(event: CommentEvent): void {
    const key = threadKey(event.siteId, event.pageKey);
    const history = this.#fresh(key);
    history.push(event);
    if (history.length > this.#options.historySize) this.#evictedAt.set(key, history.shift()!.at);
    this.#history.set(key, history);
    const set = this.#subscribers.get(key);
    if (!set) return;
    // A copy: streams opening meanwhile got this event by replay, or opened after it.
    this.#send((subscriber) => subscriber.send(event), [...set]);
  }

  // In turn after what is still going out, so a stream never gets a later event first.
  #send(write: Delivery['write'], to: Entry[]): void {
    this.#deliveries.push({ write, to, next: 0 });
    if (this.#deliveries.length === 1) this.#fanOut();
  }

  // Most slices run outside any caller, where a throw would end the process: a stream that
  // fails gets nothing more, and the others carry on.
  #write(write: Delivery['write'], entry: Entry): void {
    try {
      write(entry.subscriber);
    } catch {
      entry.open = false;
    }
  }

  // The first slice goes out at once; the rest after the event loop has polled, so one event (or
  // heartbeat) to thousands of streams does not hold up the process for the whole fan-out.
  readonly #fanOut = (): void => {
    let budget = this.#options.sliceSize;
    while (this.#deliveries.length) {
      const delivery = this.#deliveries[0];
      const { write, to } = delivery;
      const end = Math.min(to.length, delivery.next + budget);
      for (let i = delivery.next; i < end; i++) if (to[i].open) this.#write(write, to[i]);
      budget -= end - delivery.next;
      delivery.next = end;
      if (end < to.length) {
        setImmediate(this.#fanOut);
        return;
      }
      this.#deliveries.shift();
    }
  };
}
