// Child processes for the benchmark: the real server, the bare baseline, a scratch
// PostgreSQL database. Everything listens on 127.0.0.1 and is stopped by its own pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `node <script>` with its output in `logFile`; resolves once `readyPath` answers 200. */
async function start(name: string, script: string, env: Record<string, string>, logFile: string, readyPath: string, cwd = ROOT): Promise<Child> {
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags(name), script], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited during start; see ${logFile}:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after 30 s; see ${logFile}`);
    }
    try {
      const response = await fetch(url + readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

// BENCH_PROFILE=colloquy (or bare) writes a V8 CPU profile of that process into bench/profiles/.
function nodeFlags(name: string): string[] {
  const wanted = process.env.BENCH_PROFILE?.split(',') ?? [];
  return wanted.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'bench/profiles')}`] : [];
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

export const SECRET = 'bench-secret-' + randomBytes(24).toString('base64url');

export interface ColloquyOptions {
  dataDir: string;
  databaseUrl?: string;
  cacheEntries?: number;
  logFile: string;
  /** More environment (ADMIN_EMAIL, …). */
  env?: Record<string, string>;
  /** Another entry point than src/main.ts (bench/server-without-pipeline.ts). */
  script?: string;
  /** The checkout whose server to start (default this one), to compare versions. */
  root?: string;
}

export function startColloquy(options: ColloquyOptions): Promise<Child> {
  const env: Record<string, string> = {
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'warn',
    COLLOQUY_SECRET: SECRET,
    NODE_ENV: 'production',
    // Flood limits stay on, as in production; the load comes "through a proxy" with a
    // distinct X-Forwarded-For per simulated reader (see seed.ts), so they are not tripped.
    TRUST_PROXY: 'true',
    // Simulated readers do not solve the guest proof-of-work: its cost is the reader's
    // browser's, not the server's (verifying a solution is two HMACs).
    DEMO_ALTCHA: 'false',
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.cacheEntries !== undefined) env.CACHE_ENTRIES = String(options.cacheEntries);
  return start('colloquy', options.script ?? 'src/main.ts', { ...env, ...options.env }, options.logFile, '/readyz', options.root);
}

/** The baseline: node:http answering every request with the bytes and headers in `file`. */
export function startBare(file: string, logFile: string): Promise<Child> {
  return start('bare', 'bench/bare-server.ts', { BARE_RESPONSE: file }, logFile, '/');
}

export const POSTGRES_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** A fresh, empty database on the PostgreSQL server of POSTGRES_ADMIN_URL. */
export async function createPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `colloquy_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Runs a benchmark's `main`, then stops its child processes and runs `cleanup` whatever
 * happened; the work directory goes only after a success (its server logs explain a failure).
 */
export async function runBenchmark(name: string, work: string, children: Child[], main: () => Promise<void>, cleanup: () => Promise<void> = async () => {}): Promise<void> {
  let ok = false;
  try {
    await main();
    ok = true;
  } finally {
    for (const child of children.splice(0)) await child.stop();
    await cleanup();
    if (ok) rmSync(work, { recursive: true, force: true });
    else console.error(`[${name}] failed; server logs kept in ${work}`);
  }
}
