// One open event stream. The response head and end go through node:http; every frame in
// between is one write of ready-made bytes straight to the socket, which skips the response's
// per-write work (encoding, chunk header, cork and a writev a frame) on the fan-out hot path.
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CommentEvent, SiteSignal } from '../platform/bus.ts';
import type { LiveSubscriber } from './live.ts';
import { PING, RESET, RETRY, eventFrame, signalFrame, type WireFrame } from './sse-frames.ts';

export class SseStream implements LiveSubscriber {
  readonly #res: ServerResponse;
  // Null when the response waits behind another on a pipelined connection: frames then go
  // through the response, which keeps them in order.
  readonly #socket: Socket | null;
  readonly #chunked: boolean;
  readonly #maxBuffered: number;
  #ended = false;

  /**
   * Sends the head. A reader holding more than `maxBuffered` unsent bytes is dropped: its
   * EventSource reconnects and replays from Last-Event-ID, and the server's memory stays bounded.
   */
  constructor(res: ServerResponse, headers: Record<string, string>, maxBuffered: number) {
    this.#res = res;
    this.#maxBuffered = maxBuffered;
    res.writeHead(200, headers);
    res.flushHeaders();
    this.#chunked = res.chunkedEncoding;
    this.#socket = res.socket;
    this.#write(RETRY);
  }

  send(event: CommentEvent): void {
    this.#write(eventFrame(event));
  }

  /**
   * What a reconnecting reader missed, in full whatever its size: it is bounded by the history,
   * and dropping a reader for its replay would have it reconnect for the same replay forever.
   */
  replay(events: CommentEvent[]): void {
    for (const event of events) this.#write(eventFrame(event), Infinity);
  }

  ping(): void {
    this.#write(PING);
  }

  reset(): void {
    this.#write(RESET);
  }

  signal(name: SiteSignal['name']): void {
    this.#write(signalFrame(name));
  }

  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#res.end();
  }

  #write(frame: WireFrame, maxBuffered = this.#maxBuffered): void {
    if (this.#ended) return;
    const socket = this.#socket;
    if (socket === null) {
      if (this.#res.writableLength > maxBuffered) this.#res.destroy();
      else this.#res.write(frame.plain);
    } else if (socket.destroyed) {
      this.#ended = true;
    } else if (socket.writableLength > maxBuffered) {
      this.#ended = true;
      socket.destroy();
    } else {
      socket.write(this.#chunked ? frame.chunked : frame.plain);
    }
  }
}
