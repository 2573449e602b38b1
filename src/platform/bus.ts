// Domain events. In one process by default; across nodes through Redis (redis-bus.ts).
// Listeners are the same either way.
export interface CommentEvent {
  /** Time-sortable and the same on every node: live streams resume after it (Last-Event-ID). */
  id: string;
  // comment.approved: a held comment was approved by a moderator and is now public; for
  // readers it arrives like comment.created.
  type: 'comment.created' | 'comment.updated' | 'comment.deleted' | 'comment.voted' | 'comment.approved';
  siteId: string;
  threadId: string;
  pageKey: string;
  commentId: string;
  status: string;
  at: number;
  /** What readers may see of the change: ids and tallies, never personal data. */
  data: Record<string, unknown>;
}

export type BusEvent = CommentEvent;
export type Listener = (event: BusEvent) => void;

/**
 * A site-wide notice with no payload and no history: "fetch this again". campaign.updated
 * goes on to readers' widgets (the goal bar after a donation); site.updated and bans.updated
 * stay on the server (every node drops its cached copy of the site's settings or bans). Missing one costs a late
 * refresh (at worst until a cache expires), never a wrong figure.
 */
export interface SiteSignal {
  siteId: string;
  name: 'campaign.updated' | 'site.updated' | 'bans.updated';
}

/** The signals readers' live streams carry. */
export const READER_SIGNALS: ReadonlySet<SiteSignal['name']> = new Set(['campaign.updated']);
export type SignalListener = (signal: SiteSignal) => void;

export interface Bus {
  publish(event: BusEvent): void;
  subscribe(listener: Listener): () => void;
  /** Called when events from other nodes may have been lost (a reconnect): drop what they keep fresh. */
  onGap(listener: () => void): () => void;
  signal(signal: SiteSignal): void;
  onSignal(listener: SignalListener): () => void;
  close(): Promise<void>;
}

/** Delivers events to this process's listeners; transports build on it. */
export function createListeners(onError: (error: unknown) => void) {
  const listeners = new Set<Listener>();
  const gapListeners = new Set<() => void>();
  const signalListeners = new Set<SignalListener>();
  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      onError(error);
    }
  };
  return {
    deliver(event: BusEvent) {
      for (const listener of listeners) guarded(() => listener(event));
    },
    gap() {
      for (const listener of gapListeners) guarded(listener);
    },
    deliverSignal(signal: SiteSignal) {
      for (const listener of signalListeners) guarded(() => listener(signal));
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onGap(listener: () => void) {
      gapListeners.add(listener);
      return () => void gapListeners.delete(listener);
    },
    onSignal(listener: SignalListener) {
      signalListeners.add(listener);
      return () => void signalListeners.delete(listener);
    },
  };
}

export function createLocalBus(onError: (error: unknown) => void = () => {}): Bus {
  const local = createListeners(onError);
  return { publish: local.deliver, subscribe: local.subscribe, onGap: local.onGap, signal: local.deliverSignal, onSignal: local.onSignal, close: async () => {} };
}
