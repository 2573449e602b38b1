// Sends what the outbox holds. One loop per node: claim a batch of due rows (a lease, so
// other nodes leave them alone), hand each to the handler for its kind, then mark it sent or
// schedule a retry with exponential backoff. Polls, and wakes at once when a row is queued.
//
// Delivery is at least once: a node killed after the receiver accepted a message but before
// it marked the row sent leaves the row claimed; when the lease runs out, a node sends it
// again. The dedupe key keeps every other path (retries, second enqueues, other nodes) to one.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { onEnqueue } from './outbox.ts';
import type { OutboxRow, OutboxStore } from './outbox-store.ts';
import type { OutboxKind } from './tables.ts';

/** A failure retrying cannot mend (an address the server refuses for good): given up at once. */
export class PermanentError extends Error {}

export type Handler = (row: OutboxRow, signal: AbortSignal) => Promise<void>;

export interface WorkerOptions {
  pollMs: number;
  /** How long a claim lasts; a handler must finish well within it (it gets a signal at 3/4). */
  leaseMs: number;
  /** Delay before the first retry; doubles with each attempt up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  maxAttempts: number;
  batchSize: number;
  /** Rows handled at once on this node. */
  concurrency: number;
}

export const defaultWorkerOptions: WorkerOptions = {
  pollMs: 2_000,
  leaseMs: 120_000,
  retryMs: 30_000,
  maxRetryMs: 6 * 3_600_000,
  maxAttempts: 12,
  batchSize: 20,
  concurrency: 4,
};

export interface WorkerLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerDeps {
  store: OutboxStore;
  handlers: Record<OutboxKind, Handler>;
  log: WorkerLog;
  options?: Partial<WorkerOptions>;
  now?: () => number;
}

/** Delay before attempt `attempts + 1`: doubling from retryMs, capped, ±20% so retries spread. */
export function backoff(attempts: number, options: Pick<WorkerOptions, 'retryMs' | 'maxRetryMs'>, random = Math.random): number {
  const base = Math.min(options.maxRetryMs, options.retryMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export function createOutboxWorker({ store, handlers, log, options: given = {}, now = Date.now }: WorkerDeps) {
  const options = { ...defaultWorkerOptions, ...given };
  const node = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stopped = true;
  let loop: Promise<void> | null = null;
  let sleeping: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  let wakeRequested = false;
  let unsubscribe = () => {};

  function wake(): void {
    wakeRequested = true;
    if (sleeping) {
      clearTimeout(sleeping.timer);
      sleeping.resolve();
    }
  }

  function sleep(ms: number): Promise<void> {
    if (wakeRequested) return Promise.resolve();
    return new Promise<void>((resolve) => {
      sleeping = { timer: setTimeout(resolve, ms), resolve: () => resolve() };
    }).finally(() => {
      sleeping = null;
    });
  }

  async function handle(row: OutboxRow): Promise<void> {
    const signal = AbortSignal.timeout(Math.floor(options.leaseMs * 0.75));
    try {
      await handlers[row.kind](row, signal);
      await store.markSent(row.id, node, now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentError || row.attempts >= options.maxAttempts) {
        log.error({ outboxId: row.id, kind: row.kind, attempts: row.attempts, err: message }, 'outbox: giving up');
        await store.giveUp(row.id, node, now(), message);
      } else {
        log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, err: message }, 'outbox: will retry');
        await store.retryLater(row.id, node, now() + backoff(row.attempts, options), message);
      }
    }
  }

  /** Claims and handles one batch; returns how many rows it claimed. */
  async function runOnce(): Promise<number> {
    wakeRequested = false;
    const rows = await store.claim(node, now(), options.leaseMs, options.batchSize);
    let next = 0;
    const lane = async () => {
      while (next < rows.length) await handle(rows[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, rows.length) }, lane));
    return rows.length;
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await runOnce();
      } catch (error) {
        log.error({ err: error }, 'outbox: claim failed');
      }
      // A full batch means more may be due: go again without waiting.
      if (!stopped && claimed < options.batchSize) await sleep(options.pollMs);
    }
  }

  return {
    node,
    options,
    wake,
    runOnce,
    start(): void {
      if (!stopped) return;
      stopped = false;
      unsubscribe = onEnqueue(wake);
      loop = run();
    },
    /** Stops claiming and waits for the rows in hand to finish. */
    async stop(): Promise<void> {
      stopped = true;
      unsubscribe();
      wake();
      await loop;
      loop = null;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
