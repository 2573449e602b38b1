// npm run bench:sse [-- --connections 10000 --events 20 --batch 500]
// Live events at scale: starts the real server as its own process, opens N Server-Sent Events
// streams to one thread from this process over raw node:net sockets, records the server's RSS,
// then posts K comments one at a time and measures, for every stream, how long after the POST
// was sent the `comment.created` frame carrying that comment's id arrived. The same is measured
// first with a single stream on another thread: the baseline, so the ratio is the fan-out cost.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startColloquy, type Child } from './processes.ts';
import { SITE, api, visitor } from './seed.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20' },
    batch: { type: 'string', default: '500' },
  },
});
const N = Number(args.connections);
const K = Number(args.events);
const BATCH = Number(args.batch);
const log = (message: string) => console.log(`[bench:sse] ${message}`);
const timeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref())]);

/** One SSE stream on its own socket; records when each comment.created id arrives. */
class Stream {
  readonly socket: Socket;
  readonly headed: Promise<void>;
  readonly arrived = new Map<string, number>();
  waiting?: { id: string; resolve: () => void };
  #buffer = '';
  #head = false;

  constructor(port: number, page: string) {
    this.socket = connect({ host: '127.0.0.1', port });
    this.socket.setEncoding('utf8');
    const path = `/api/v1/events?site=${SITE}&page=${encodeURIComponent(page)}`;
    this.socket.on('connect', () => this.socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`));
    this.headed = new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.once('close', () => reject(new Error('stream closed')));
      this.socket.on('data', (chunk: string) => {
        const now = performance.now();
        this.#buffer += chunk;
        if (!this.#head) {
          const end = this.#buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          if (!this.#buffer.startsWith('HTTP/1.1 200')) return reject(new Error(this.#buffer.slice(0, 200)));
          this.#head = true;
          this.#buffer = this.#buffer.slice(end + 4);
          resolve();
        }
        this.#frames(now);
      });
    });
    this.headed.catch(() => {});
  }

  // Complete frames only; a frame split across TCP reads waits in the buffer for its end.
  #frames(now: number): void {
    const last = this.#buffer.lastIndexOf('\n\n');
    if (last < 0) return;
    const complete = this.#buffer.slice(0, last);
    this.#buffer = this.#buffer.slice(last + 2);
    if (!complete.includes('event: comment.created')) return;
    for (const m of complete.matchAll(/event: comment\.created\ndata: \{"commentId":"([^"]+)"/g)) {
      this.arrived.set(m[1], now);
      if (this.waiting?.id === m[1]) this.waiting.resolve();
    }
  }

  until(id: string): Promise<void> {
    if (this.arrived.has(id)) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { id, resolve }));
  }
}

function rssMB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  return kb / 1024;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99), max: s.at(-1)! };
};
const ms = (v: number) => v.toFixed(1);

async function openStreams(port: number, page: string, count: number): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < count; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - i) }, () => new Stream(port, page));
    streams.push(...batch);
    await timeout(Promise.all(batch.map((s) => s.headed)), 30_000, `streams ${i}..${i + batch.length}`);
  }
  return streams;
}

/** Posts K comments one at a time; each waits until every stream has its frame. */
async function fanOut(base: string, page: string, streams: Stream[], tag: string, count = K) {
  const perEvent: { p50: number; p99: number; max: number }[] = [];
  const all: number[] = [];
  for (let k = 0; k < count; k++) {
    const sent = performance.now();
    const body = { site: SITE, page, title: `SSE bench ${page}`, author: { name: `Reader ${k}` }, body: `Live event ${tag} #${k}` };
    const { comment } = await api<{ comment: { id: string } }>(base, 'POST', '/api/v1/comments', body, visitor(`sse${tag}`, k));
    // Only approved comments go live: a comment held for moderation times out here.
    await timeout(Promise.all(streams.map((s) => s.until(comment.id))), 30_000, `event ${k} fan-out`);
    const latencies = streams.map((s) => s.arrived.get(comment.id)! - sent);
    all.push(...latencies);
    perEvent.push(summary(latencies));
    for (const s of streams) s.arrived.delete(comment.id);
  }
  return { all: summary(all), worstEventP99: Math.max(...perEvent.map((e) => e.p99)), firstEvent: perEvent[0], p99s: perEvent.map((e) => Math.round(e.p99)) };
}

const work = mkdtempSync(join(tmpdir(), 'colloquy-bench-sse-'));
process.env.RATE_LIMITS = 'false'; // inherited by the server: K posts from one client in seconds
let server: Child | undefined;
const streams: Stream[] = [];
try {
  server = await startColloquy({ dataDir: join(work, 'data'), logFile: join(work, 'colloquy.log') });
  const port = Number(new URL(server.url).port);
  log(`server pid ${server.pid} on ${server.url}`);

  // Baseline: one stream on its own thread, same K events.
  const one = await openStreams(port, 'bench/sse-one', 1);
  streams.push(...one);
  await fanOut(server.url, 'bench/sse-one', one, 'warm', 5); // JIT warm-up, not measured
  const baseline = await fanOut(server.url, 'bench/sse-one', one, 'one');
  one[0].socket.destroy();
  log(`baseline (1 stream): p50 ${ms(baseline.all.p50)} ms, p99 ${ms(baseline.all.p99)} ms, max ${ms(baseline.all.max)} ms`);

  await new Promise((r) => setTimeout(r, 500));
  const rssBefore = rssMB(server.pid);
  const t0 = performance.now();
  const many = await openStreams(port, 'bench/sse-fanout', N);
  streams.push(...many);
  const setupS = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const rssIdle = rssMB(server.pid);
  log(`${N} streams open in ${setupS.toFixed(2)} s; RSS ${rssBefore.toFixed(0)} → ${rssIdle.toFixed(0)} MB`);

  const fan = await fanOut(server.url, 'bench/sse-fanout', many, 'many');
  const rssAfter = rssMB(server.pid);
  const open = many.filter((s) => !s.socket.destroyed).length;

  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0].model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${process.platform}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  const command = ['npm run bench:sse', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  console.log(`
Command: ${command}
Machine: ${machine}
Streams: ${N} (${open} still open after the events), events: ${K}, ramp batch ${BATCH}
Connection setup: ${setupS.toFixed(2)} s for ${N} streams (${(N / setupS).toFixed(0)}/s)
Server RSS: ${rssBefore.toFixed(0)} MB before streams, ${rssIdle.toFixed(0)} MB with ${N} idle streams (${((rssIdle - rssBefore) * 1024 / N).toFixed(1)} KB each), ${rssAfter.toFixed(0)} MB after ${K} events   [target < 500 MB]
Delivery, POST sent → frame read, ms      p50      p99      max   worst event's p99
  1 stream (baseline)               ${[baseline.all.p50, baseline.all.p99, baseline.all.max, baseline.worstEventP99].map((v) => ms(v).padStart(8)).join(' ')}
  ${N} streams (fan-out)          ${[fan.all.p50, fan.all.p99, fan.all.max, fan.worstEventP99].map((v) => ms(v).padStart(8)).join(' ')}   [target p99 < 200 ms]
  first event only (${N})         ${[fan.firstEvent.p50, fan.firstEvent.p99, fan.firstEvent.max].map((v) => ms(v).padStart(8)).join(' ')}
p99 of each event in order, ms: ${fan.p99s.join(' ')}
Fan-out / baseline p99: ${(fan.all.p99 / baseline.all.p99).toFixed(1)}×`);
} finally {
  for (const s of streams) s.socket.destroy();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
