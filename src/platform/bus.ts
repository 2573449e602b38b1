// Domain events within one process. Issue #4 adds a Redis transport for many nodes;
// listeners do not change when it does.
export interface CommentEvent {
  /** Time-sortable and the same on every node: live streams resume after it (Last-Event-ID). */
  id: string;
  type: 'comment.created' | 'comment.updated' | 'comment.deleted' | 'comment.voted';
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

export interface Bus {
  publish(event: BusEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createLocalBus(onError: (error: unknown) => void = () => {}): Bus {
  const listeners = new Set<Listener>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          onError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
