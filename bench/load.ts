// Drives one scenario with autocannon (in this process, never in the server's) and reduces
// its result to the figures the report shows.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { SITE, clientIp, commentText, random, visitor } from './seed.ts';

type CannonRequest = autocannon.Request;

export interface Scenario {
  id: string;
  title: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Builds each request anew: distinct bodies and visitor tokens for writes. */
  setupRequest?: (request: CannonRequest) => CannonRequest;
  /** The status every response should have; any other counts as unexpected. */
  expect: number;
}

export interface LoadOptions {
  duration: number;
  warmup: number;
  connections: number;
}

export interface Figures {
  id: string;
  title: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Responses with another status than expected, by status. */
  unexpected: Record<string, number>;
  /** Bytes read per response, headers included. */
  bytesPerResponse: number;
  /** CPU used by the server process and by this load generator, in % of one core. */
  serverCpu: number;
  loaderCpu: number;
}

/** The command-line options of a load benchmark (npm run bench, bench:posting), with its own default duration. */
export function loadArgs(duration: string) {
  return {
    duration: { type: 'string', default: duration },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    postgres: { type: 'boolean', default: false },
  } as const;
}

export function loadOptionsOf(args: { duration: string; warmup: string; connections: string }): LoadOptions {
  return { duration: Number(args.duration), warmup: Number(args.warmup), connections: Number(args.connections) };
}

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ ticks
  } catch {
    return NaN;
  }
}

function run(scenario: Scenario, connections: number, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: scenario.url,
    connections,
    duration,
    timeout: 10,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    requests: scenario.setupRequest ? [{ setupRequest: scenario.setupRequest }] : undefined,
  });
}

export async function measure(scenario: Scenario, options: LoadOptions, serverPid: number): Promise<Figures> {
  // A short unmeasured run first: JIT, caches and connection set-up are not the subject.
  if (options.warmup > 0) await run(scenario, options.connections, options.warmup);
  const [server0, loader0, wall0] = [cpuSeconds(serverPid), process.cpuUsage(), performance.now()];
  const result = await run(scenario, options.connections, options.duration);
  const wall = (performance.now() - wall0) / 1000;
  const loader = process.cpuUsage(loader0);
  const unexpected: Record<string, number> = {};
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
    if (Number(status) !== scenario.expect && count > 0) unexpected[status] = count;
  }
  return {
    id: scenario.id,
    title: scenario.title,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    unexpected,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
    serverCpu: (100 * (cpuSeconds(serverPid) - server0)) / wall,
    loaderCpu: (100 * (loader.user + loader.system)) / 1e6 / wall,
  };
}

/**
 * POST /api/v1/comments with a distinct body and visitor token on every request: three in
 * four start a new top-level comment on `page`, one in four replies to one of `parents`.
 */
export function writeRequests(page: string, parents: string[]): (request: CannonRequest) => CannonRequest {
  const rng = random(99);
  let n = 0;
  return (request) => {
    const i = n++;
    const parentId = i % 4 === 3 ? parents[i % parents.length] : undefined;
    const body = { site: SITE, page, parentId, author: { name: `Writer ${i % 500}` }, body: commentText(rng, i) };
    return {
      ...request,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-colloquy-visitor': visitor('writer', i), 'x-forwarded-for': clientIp(200 + ((i >> 16) % 50), i) },
      body: JSON.stringify(body),
    };
  };
}
