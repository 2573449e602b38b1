// npm run bench:sse [-- --connections 10000 --events 20 --loaders 1 --runs 5 --batch 500 --server-root DIR]
// Live events at scale. Each run starts the real server as its own process, forks load
// processes (bench/sse-loader.ts) that open N Server-Sent Events streams to one thread over raw
// node:net sockets, records the server's RSS, then posts K comments one at a time, each once
// every stream has read the one before. Delivery is measured per stream and event as the time
// the loader read the frame minus the time the server published the event: the event id
// carries the server's Date.now() at publication (src/platform/ids.ts), and the loader notes
// Date.now() when it reads the frame, on the same machine's clock. The same is measured first
// with a single stream on another thread: the baseline. Prints every run and the median
// (min–max) over the runs; docs/BENCHMARKS.md explains each column.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { idTime } from '../src/platform/ids.ts';
import { startColloquy } from './processes.ts';
import { SITE, api, visitor } from './seed.ts';
import type { Arrivals, FromLoader, ToLoader } from './sse-loader.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '10000' },
    events: { type: 'string', default: '20' },
    loaders: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    batch: { type: 'string', default: '500' },
    // Another checkout's server, to compare versions with the same load.
    'server-root': { type: 'string' },
  },
});
const N = Number(args.connections);
const K = Number(args.events);
const LOADERS = Number(args.loaders);
const RUNS = Number(args.runs);
const BATCH = Number(args.batch);
const WARM_UP = 5;
const log = (message: string) => console.log(`[bench:sse] ${message}`);

/** A forked load process and the replies it sends. */
class Loader {
  readonly #child: ChildProcess;
  #reply: { resolve: (m: FromLoader) => void; reject: (e: Error) => void } | null = null;
  #received = -1;
  #waiting: { index: number; resolve: () => void } | null = null;

  constructor() {
    this.#child = fork(new URL('./sse-loader.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#child.on('message', (message: FromLoader) => {
      if (message.type === 'received') {
        this.#received = message.index;
        if (this.#waiting && this.#waiting.index <= message.index) this.#waiting.resolve();
      } else if (message.type === 'failed') this.#reply?.reject(new Error(`loader: ${message.message}`));
      else this.#reply?.resolve(message);
    });
  }

  request<T extends FromLoader['type']>(message: ToLoader, ms = 60_000): Promise<Extract<FromLoader, { type: T }>> {
    if (message.type === 'close') this.#received = -1; // the next streams count from their first frame
    return deadline(new Promise((resolve, reject) => {
      this.#reply = { resolve: resolve as (m: FromLoader) => void, reject };
      this.#child.send(message);
    }), ms, `loader ${message.type}`);
  }

  /** Resolves once every stream of this loader has read its index-th comment.created frame. */
  until(index: number): Promise<void> {
    if (this.#received >= index) return Promise.resolve();
    return deadline(new Promise((resolve) => (this.#waiting = { index, resolve })), 30_000, `frame ${index}`);
  }

  async stop(): Promise<void> {
    this.#child.kill();
  }
}

function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms).unref())]);
}

function procStat(pid: number) {
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
  // utime and stime, fields 14 and 15, in clock ticks of 10 ms.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rssMB: rssKb / 1024, userMs: Number(fields[11]) * 10, systemMs: Number(fields[12]) * 10, get cpuMs() { return this.userMs + this.systemMs; } };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(values: number[]) {
  const s = Float64Array.from(values).sort();
  return { p50: pct([...s], 50), p99: pct([...s], 99), max: s[s.length - 1] };
}
const median = (values: number[]) => summary(values).p50;

interface Post {
  commentId: string;
  sentAt: number;
}

/** Posts `count` comments one at a time; each waits until every stream has the one before. */
async function post(base: string, page: string, loaders: Loader[], from: number, count: number, tag: string): Promise<Post[]> {
  const posts: Post[] = [];
  for (let k = from; k < from + count; k++) {
    const sentAt = Date.now();
    const body = { site: SITE, page, title: `SSE bench ${page}`, author: { name: `Reader ${k}` }, body: `Live event ${tag} #${k}` };
    const { comment } = await api<{ comment: { id: string } }>(base, 'POST', '/api/v1/comments', body, visitor(`sse${tag}`, k));
    // Only approved comments go live: one held for moderation times out here.
    await Promise.all(loaders.map((l) => l.until(k)));
    posts.push({ commentId: comment.id, sentAt });
  }
  return posts;
}

/** Delivery times of the posted events, from every loader's frames (indexed from `from`). */
async function deliveries(loaders: Loader[], posts: Post[], from: number) {
  const fromPublish: number[] = [];
  const fromPost: number[] = [];
  const perEvent: number[][] = posts.map(() => []);
  let loaderCpuMs = 0;
  for (const loader of loaders) {
    const { frames, cpuMs } = await loader.request<'arrivals'>({ type: 'collect' });
    loaderCpuMs += cpuMs;
    posts.forEach(({ commentId, sentAt }, k) => {
      const frame: Arrivals = frames[from + k];
      if (frame?.commentId !== commentId) throw new Error(`event ${k}: expected comment ${commentId}, read ${frame?.commentId}`);
      const publishedAt = idTime(frame.eventId);
      for (const readAt of frame.readAt) {
        fromPublish.push(readAt - publishedAt);
        fromPost.push(readAt - sentAt);
        perEvent[k].push(readAt - publishedAt);
      }
    });
  }
  return { fromPublish: summary(fromPublish), fromPost: summary(fromPost), eventP99s: perEvent.map((e) => summary(e).p99), count: fromPublish.length, loaderCpuMs };
}

async function open(loaders: Loader[], port: number, page: string, count: number): Promise<void> {
  const path = `/api/v1/events?site=${SITE}&page=${encodeURIComponent(page)}`;
  const share = (i: number) => Math.floor(count / loaders.length) + (i < count % loaders.length ? 1 : 0);
  await Promise.all(loaders.map((l, i) => l.request({ type: 'open', port, path, count: share(i), batch: BATCH })));
}

async function run(index: number) {
  const work = mkdtempSync(join(tmpdir(), 'colloquy-bench-sse-'));
  const server = await startColloquy({ dataDir: join(work, 'data'), logFile: join(work, 'colloquy.log'), root: args['server-root'] });
  const loaders = Array.from({ length: LOADERS }, () => new Loader());
  try {
    const port = Number(new URL(server.url).port);
    log(`run ${index + 1}/${RUNS}: server pid ${server.pid} on ${server.url}`);

    // Baseline: one stream on its own thread; the first events only warm the JIT up.
    const [first] = loaders;
    await open([first], port, 'bench/sse-one', 1);
    await post(server.url, 'bench/sse-one', [first], 0, WARM_UP, 'warm');
    const cpuBaseline = procStat(server.pid).cpuMs;
    const basePosts = await post(server.url, 'bench/sse-one', [first], WARM_UP, K, 'one');
    const baselineCpuMs = procStat(server.pid).cpuMs - cpuBaseline;
    const baseline = await deliveries([first], basePosts, WARM_UP);
    await first.request({ type: 'close' });

    await new Promise((r) => setTimeout(r, 500));
    const t0 = performance.now();
    await open(loaders, port, 'bench/sse-fanout', N);
    const setupS = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
    const idle = procStat(server.pid);
    const loaderCpuBefore = (await Promise.all(loaders.map((l) => l.request<'arrivals'>({ type: 'collect' })))).reduce((sum, r) => sum + r.cpuMs, 0);
    const fanPosts = await post(server.url, 'bench/sse-fanout', loaders, 0, K, 'many');
    const after = procStat(server.pid);
    const fan = await deliveries(loaders, fanPosts, 0);
    if (fan.count !== N * K) throw new Error(`${fan.count} deliveries, expected ${N * K}`);
    const result = {
      setupS, rssIdle: idle.rssMB, baseline, fan,
      loaderCpuMs: fan.loaderCpuMs - loaderCpuBefore,
      // The server's CPU per event, less what the same event costs it with a single stream.
      fanOutCpuMsPerEvent: (after.cpuMs - idle.cpuMs) / K - baselineCpuMs / K,
      kernelShare: (after.systemMs - idle.systemMs) / (after.cpuMs - idle.cpuMs),
      load: loadavg()[0],
    };
    log(`run ${index + 1}: RSS ${idle.rssMB.toFixed(0)} MB with ${N} streams; delivery p50 ${ms(fan.fromPublish.p50)} p99 ${ms(fan.fromPublish.p99)} ms (baseline p99 ${ms(baseline.fromPublish.p99)} ms)`);
    return result;
  } finally {
    await Promise.all(loaders.map((l) => l.stop()));
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

const ms = (v: number) => v.toFixed(1);
const spread = (values: number[]) => `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

process.env.RATE_LIMITS = 'false'; // inherited by the server: many posts from one client in seconds
const results = [];
for (let i = 0; i < RUNS; i++) results.push(await run(i));

const cpu = cpus();
const cells = (values: (string | number)[]) => `| ${values.map((v) => (typeof v === 'number' ? ms(v) : v)).join(' | ')} |`;
console.log(`
Command: ${['npm run bench:sse', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ')}
Machine: ${cpu.length} × ${cpu[0].model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}
Streams: ${N} over ${LOADERS} load process(es), ${K} events a run${args['server-root'] ? `, server from ${args['server-root']}` : ''}
Delivery: loader read the frame − server published the event, ms. CPU: the server's, per event, less a 1-stream event's.

${cells(['run', 'load avg', 'RSS idle MB', '1 stream p99', 'fan-out p50', 'fan-out p99', 'max', 'POST→read p99', "median event's p99", 'events p99 < 200', 'server CPU ms/event', 'of it kernel', 'loader CPU ms/event'])}
${cells(Array(13).fill('---'))}`);
results.forEach((r, i) => console.log(cells([
  String(i + 1), r.load.toFixed(1), r.rssIdle.toFixed(0), r.baseline.fromPublish.p99, r.fan.fromPublish.p50, r.fan.fromPublish.p99, r.fan.fromPublish.max,
  r.fan.fromPost.p99, median(r.fan.eventP99s), `${r.fan.eventP99s.filter((p) => p < 200).length}/${K}`, r.fanOutCpuMsPerEvent, `${(r.kernelShare * 100).toFixed(0)}%`, r.loaderCpuMs / K,
])));
console.log(`
Median (min–max) over ${RUNS} runs:
  server RSS with ${N} idle streams: ${spread(results.map((r) => r.rssIdle))} MB   [target < 500 MB]
  fan-out delivery p50: ${spread(results.map((r) => r.fan.fromPublish.p50))} ms
  fan-out delivery p99, all events of a run pooled: ${spread(results.map((r) => r.fan.fromPublish.p99))} ms   [target < 200 ms]
  p99 of one event's fan-out, median event of a run: ${spread(results.map((r) => median(r.fan.eventP99s)))} ms; events under 200 ms: ${results.reduce((n, r) => n + r.fan.eventP99s.filter((p) => p < 200).length, 0)} of ${RUNS * K}
  1-stream delivery p99: ${spread(results.map((r) => r.baseline.fromPublish.p99))} ms
  server CPU for the fan-out of one event: ${spread(results.map((r) => r.fanOutCpuMsPerEvent))} ms (${spread(results.map((r) => (r.fanOutCpuMsPerEvent * 1000) / N))} µs a stream)
  connection setup: ${spread(results.map((r) => r.setupS))} s for ${N} streams
p99 of each event in order, last run: ${results.at(-1)!.fan.eventP99s.map((v) => Math.round(v)).join(' ')}`);
