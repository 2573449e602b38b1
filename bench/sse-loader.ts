// One load process of `npm run bench:sse`, forked by bench/sse.ts and driven over IPC. It holds
// its share of the Server-Sent Events streams on raw node:net sockets and notes, per stream,
// the wall-clock time (Date.now(), the server's clock too) at which each `comment.created`
// frame was read, with the frame's event id. Reading is kept cheap, since this process shares
// the cores with the server it measures: one reused read buffer for every socket, one latin1
// string per read, no parsing beyond finding the frames.
import { connect, type Socket } from 'node:net';

export type ToLoader =
  | { type: 'open'; port: number; path: string; count: number; batch: number }
  | { type: 'collect' }
  | { type: 'close' };

/** The k-th comment.created frame of every stream of one loader. */
export interface Arrivals {
  eventId: string;
  commentId: string;
  /** Date.now() when each stream read the frame, in stream order. */
  readAt: number[];
}

export type FromLoader =
  | { type: 'opened'; count: number }
  | { type: 'failed'; message: string }
  /** Every stream of this loader has read its index-th comment.created frame. */
  | { type: 'received'; index: number }
  | { type: 'arrivals'; frames: Arrivals[]; cpuMs: number }
  | { type: 'closed' };

const MARK = '\nevent: comment.created\ndata: {"commentId":"';
const ID_LENGTH = 16;
// All sockets read into this one buffer: each read is handled before the next one starts.
const readBuffer = Buffer.allocUnsafe(64 * 1024);

let streams: Stream[] = [];
// reached[k]: how many streams have read k + 1 comment.created frames.
let reached: number[] = [];
// The ids of the k-th comment.created frame as the first stream read it; every other stream's
// k-th frame is checked against it in place, so no stream keeps strings (less to collect).
let expected: { eventId: string; commentId: string }[] = [];
let mismatches = 0;

class Stream {
  readonly socket: Socket;
  readonly readAt: number[] = [];
  #head = false;
  // What follows the last complete frame: a frame split across reads waits here for its end.
  #rest = '';
  #onHead: (error?: Error) => void = () => {};

  constructor(port: number, path: string) {
    this.socket = connect({ host: '127.0.0.1', port, onread: { buffer: readBuffer, callback: (n) => this.#read(n) } });
    this.socket.on('connect', () => this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`));
    this.socket.on('error', (error) => this.#onHead(error));
    this.socket.on('close', () => this.#onHead(new Error('stream closed')));
  }

  headed(): Promise<void> {
    return new Promise((resolve, reject) => (this.#onHead = (error) => (error ? reject(error) : resolve())));
  }

  #read(n: number): boolean {
    const now = Date.now();
    let text = this.#rest + readBuffer.toString('latin1', 0, n);
    if (!this.#head) {
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return ((this.#rest = text), true);
      if (!text.startsWith('HTTP/1.1 200')) return this.#onHead(new Error(text.slice(0, 200))), true;
      this.#head = true;
      text = text.slice(end + 4);
      this.#onHead();
    }
    const last = text.lastIndexOf('\n\n');
    if (last < 0) return ((this.#rest = text), true);
    this.#rest = text.slice(last + 2);
    for (let at = text.indexOf(MARK); at >= 0 && at < last; at = text.indexOf(MARK, at + MARK.length)) {
      const k = this.readAt.length;
      this.readAt.push(now);
      if (expected[k] === undefined) expected[k] = { eventId: text.slice(at - ID_LENGTH, at), commentId: text.slice(at + MARK.length, at + MARK.length + ID_LENGTH) };
      else if (!text.startsWith(expected[k].eventId, at - ID_LENGTH)) mismatches++;
      reached[k] = (reached[k] ?? 0) + 1;
      if (reached[k] === streams.length) send({ type: 'received', index: k });
    }
    return true;
  }
}

function send(message: FromLoader): void {
  process.send!(message);
}

async function open(port: number, path: string, count: number, batch: number): Promise<void> {
  for (let i = 0; i < count; i += batch) {
    const opened = Array.from({ length: Math.min(batch, count - i) }, () => new Stream(port, path));
    streams.push(...opened);
    await Promise.all(opened.map((s) => s.headed()));
  }
}

/** Every stream's k-th frame. */
function collect(): Arrivals[] {
  if (mismatches) throw new Error(`${mismatches} frames were not the event other streams read at the same place`);
  const count = Math.min(...streams.map((s) => s.readAt.length));
  return expected.slice(0, count).map(({ eventId, commentId }, k) => ({ eventId, commentId, readAt: streams.map((s) => s.readAt[k]) }));
}

process.on('message', (message: ToLoader) => {
  if (message.type === 'open') {
    open(message.port, message.path, message.count, message.batch).then(
      () => send({ type: 'opened', count: streams.length }),
      (error: Error) => send({ type: 'failed', message: error.message }),
    );
  } else if (message.type === 'collect') {
    const { user, system } = process.cpuUsage();
    try {
      send({ type: 'arrivals', frames: collect(), cpuMs: (user + system) / 1000 });
    } catch (error) {
      send({ type: 'failed', message: (error as Error).message });
    }
  } else {
    for (const s of streams) s.socket.destroy();
    streams = [];
    reached = [];
    expected = [];
    mismatches = 0;
    send({ type: 'closed' });
  }
});
