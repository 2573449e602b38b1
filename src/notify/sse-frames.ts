// Server-Sent Events as bytes on the wire. Fan-out writes one frame to thousands of streams,
// so each frame is encoded once, ready to write as is: as an HTTP/1.1 chunk (the usual case)
// and bare (HTTP/1.0 clients, whose response ends by closing the connection, not by chunks).
import type { CommentEvent } from '../platform/bus.ts';

export interface WireFrame {
  chunked: Buffer;
  plain: Buffer;
}

const CRLF = Buffer.from('\r\n');

export function wireFrame(text: string): WireFrame {
  const plain = Buffer.from(text, 'utf8');
  return { plain, chunked: Buffer.concat([Buffer.from(`${plain.length.toString(16)}\r\n`), plain, CRLF]) };
}

/** Tells EventSource how long to wait before reconnecting. */
export const RETRY = wireFrame('retry: 3000\n\n');
/** A comment line: keeps proxies from closing an idle stream. */
export const PING = wireFrame(': ping\n\n');
/** Events may have been lost: the widget reloads the thread. */
export const RESET = wireFrame('event: reset\ndata: {}\n\n');

// One event goes to every stream of its thread, and again to readers who reconnect.
const frames = new WeakMap<CommentEvent, WireFrame>();

export function eventFrame(event: CommentEvent): WireFrame {
  let frame = frames.get(event);
  if (frame === undefined) frames.set(event, (frame = wireFrame(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`)));
  return frame;
}

// A site-wide notice (campaign.updated): no id, never replayed, the same few bytes every time.
const signals = new Map<string, WireFrame>();

export function signalFrame(name: string): WireFrame {
  let frame = signals.get(name);
  if (frame === undefined) signals.set(name, (frame = wireFrame(`event: ${name}\ndata: {}\n\n`)));
  return frame;
}
