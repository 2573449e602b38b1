// A deliberately dumb HTTP/1.1 client over a bare TCP socket: it sends exactly the bytes it
// is given (invalid UTF-8, broken framing, headers Node's own client would refuse) and
// reads back the first final response. Every request closes its connection.
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** What came back: a response, or the server hung up (or timed out) without one. */
export type RawResult = { kind: 'response'; response: RawResponse } | { kind: 'none'; reason: string };

export interface RawRequest {
  method: string;
  /** Sent as is: percent-encoding, dot segments and odd bytes are the caller's business. */
  path: string;
  /** Values are written as latin1, one byte a character; use utf8Header() for UTF-8 bytes. */
  headers?: Array<[string, string]>;
  body?: Buffer | string;
  /** Leave out Content-Length (it is added for any body otherwise). */
  noContentLength?: boolean;
}

/** A header value whose bytes on the wire are the UTF-8 encoding of `text`. */
export function utf8Header(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

export function encodeRequest(request: RawRequest): Buffer {
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const headers: Array<[string, string]> = [['Host', '127.0.0.1'], ['Connection', 'close'], ...(request.headers ?? [])];
  const has = (name: string) => headers.some(([key]) => key.toLowerCase() === name);
  if (body !== undefined && !request.noContentLength && !has('content-length') && !has('transfer-encoding')) {
    headers.push(['Content-Length', String(body.length)]);
  }
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return body === undefined ? Buffer.from(head, 'latin1') : Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

export interface SendOptions {
  /**
   * Send FIN after the bytes, for requests cut off mid-body. Only then: Node's HTTP server
   * takes a half-closed connection for a client that left and drops its request unanswered.
   */
  halfClose?: boolean;
  timeoutMs?: number;
}

/**
 * Writes `bytes` (in chunks, stopping early once the server has answered, as it may for a
 * body over the limit) and parses the first non-1xx response. Requests say Connection: close,
 * so the server ends the connection once it has answered.
 */
export function sendRaw(port: number, bytes: Buffer, { halfClose = false, timeoutMs = 10_000 }: SendOptions = {}): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let answered = false;
    let failure = '';
    socket.on('data', (chunk: Buffer) => {
      answered = true;
      received.push(chunk);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      failure ||= error.code ?? error.message;
    });
    socket.setTimeout(timeoutMs, () => {
      failure ||= `no answer within ${timeoutMs} ms`;
      socket.destroy();
    });
    socket.on('close', () => {
      const response = parseResponse(Buffer.concat(received));
      resolve(response ? { kind: 'response', response } : { kind: 'none', reason: failure || 'connection closed without a response' });
    });
    socket.on('connect', async () => {
      const CHUNK = 64 * 1024;
      for (let offset = 0; offset < bytes.length && !answered && !socket.destroyed; offset += CHUNK) {
        const more = socket.write(bytes.subarray(offset, offset + CHUNK));
        if (!more) await new Promise<void>((done) => {
          socket.once('drain', done);
          socket.once('close', done);
        });
      }
      if (halfClose && !socket.destroyed) socket.end();
    });
  });
}

function parseResponse(data: Buffer): RawResponse | undefined {
  let rest = data;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) return undefined;
    const status = Number(match[1]);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.subarray(end + 4);
    if (status >= 100 && status < 200) continue; // 100 Continue and friends: the real answer follows
    let body: Buffer;
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(rest);
    else if (headers['content-length'] !== undefined) body = rest.subarray(0, Number(headers['content-length']));
    else body = rest;
    return { status, headers, body, text: body.toString('utf8') };
  }
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', offset);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
