// A local HTTP server that receives webhooks as a publisher's would: it records each request,
// can answer errors for a while, and checks Colloquy-Signature as README tells receivers to.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  hits: Hit[];
  /** Answer the next `count` requests with `status` (then 204 again). */
  fail(count: number, status?: number): void;
  /** The hits of one event type. */
  of(event: string): Hit[];
  close(): Promise<void>;
}

/** Verifies Colloquy-Signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, recent. */
export function verify(secret: string, header: string, body: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function startReceiver(path = '/hooks/colloquy'): Promise<Receiver> {
  const hits: Hit[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(failures-- > 0 ? failStatus : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    hits,
    fail(count, status = 503) {
      failures = count;
      failStatus = status;
    },
    of: (event) => hits.filter((hit) => hit.headers['colloquy-event'] === event),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
