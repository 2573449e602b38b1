// The ceiling: a bare node:http server that answers every request with the very bytes and
// headers the real server sent for the benchmarked page, held in memory. Whatever Colloquy
// does beyond this (routing, validation, site lookup, cache lookup) is its overhead.
// Usage: BARE_RESPONSE=file.json PORT=n node bench/bare-server.ts
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  headers: Record<string, string>;
  bodyBase64: string;
}

const recorded = JSON.parse(readFileSync(process.env.BARE_RESPONSE!, 'utf8')) as Recorded;
const body = Buffer.from(recorded.bodyBase64, 'base64');
const headers = { ...recorded.headers, 'content-length': String(body.length) };

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));
