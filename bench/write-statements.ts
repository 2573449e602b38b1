// Where a comment write's database time goes, statement by statement, with the moderation
// pipeline and without it: two apps in this process (SQLite, the pipeline's with 10,000 extra
// site terms), the same POST /api/v1/comments through Fastify's inject, alternating; each
// node:sqlite statement timed. In-process and CPU-bound, so it needs no load generator; the
// absolute times still follow the machine's load, the split between statements less so.
//
//   node bench/write-statements.ts [--posts 400 --rounds 3 --terms 10000 --profile DIR]
//
// --profile DIR writes V8 CPU profiles of the measured rounds only (with.cpuprofile and
// without.cpuprofile; start-up and the 10,000 terms' compilation stay out of them).
import * as sqlite from 'node:sqlite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, type App } from '../src/app.ts';
import { approveAll } from '../src/comments/service.ts';
import { loadConfig } from '../src/config.ts';
import { createSiteService } from '../src/sites/service.ts';
import { createSiteStore } from '../src/sites/store.ts';
import { SITE, commentText, random } from './seed.ts';
import { siteTerms } from './terms.ts';

const { values: args } = parseArgs({ options: { posts: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' }, terms: { type: 'string', default: '10000' }, profile: { type: 'string' } } });
const POSTS = Number(args.posts);
const ROUNDS = Number(args.rounds);

// Every statement's time, by SQL text and by which app ran it.
let current: string | null = null;
const spent = new Map<string, { ms: number; count: number }>();
const proto = (sqlite as unknown as { StatementSync: { prototype: Record<string, (...a: unknown[]) => unknown> } }).StatementSync.prototype;
for (const method of ['run', 'all', 'get', 'iterate']) {
  const original = proto[method];
  proto[method] = function (this: { sourceSQL: string }, ...params: unknown[]) {
    if (!current) return original.apply(this, params);
    const started = performance.now();
    try {
      return original.apply(this, params);
    } finally {
      const key = `${current}\0${this.sourceSQL.slice(0, 90)}`;
      const entry = spent.get(key) ?? { ms: 0, count: 0 };
      entry.ms += performance.now() - started;
      entry.count++;
      spent.set(key, entry);
    }
  };
}

const dirs: string[] = [];
async function app(withPipeline: boolean): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-statements-'));
  dirs.push(dir);
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', COLLOQUY_SECRET: 'bench-secret-that-is-long-enough-to-use', DEMO_ALTCHA: 'false', TRUST_PROXY: 'true', NODE_ENV: 'production' });
  const built = await buildApp(config, withPipeline ? {} : { moderate: approveAll });
  if (withPipeline) {
    const sites = createSiteService(createSiteStore(built.database.db), { bus: built.bus });
    const site = await sites.require(SITE);
    await sites.saveSettings(SITE, site.settings.version, { moderation: { ...site.settings.moderation, terms: siteTerms(Number(args.terms), random(42), 'bench') } });
  }
  return built;
}

const apps = { with: await app(true), without: await app(false) };
const rng = random(5);
let n = 0;
async function post(target: App): Promise<void> {
  const i = n++;
  const res = await target.http.inject({
    method: 'POST', url: '/api/v1/comments',
    headers: { 'content-type': 'application/json', 'x-colloquy-visitor': `bench_writer_${i.toString(36).padStart(10, '0')}`, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    payload: JSON.stringify({ site: SITE, page: 'bench/statements', author: { name: 'Writer' }, body: commentText(rng, i) }),
  });
  if (res.statusCode !== 201) throw new Error(`POST → ${res.statusCode}: ${res.body}`);
}

for (const target of Object.values(apps)) for (let i = 0; i < 200; i++) await post(target); // warm-up
const cpu: Record<string, number[]> = { with: [], without: [] };
const profiler = args.profile ? new Session() : undefined;
profiler?.connect();
await profiler?.post('Profiler.enable');
const profiles: Record<string, unknown[]> = { with: [], without: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, target] of Object.entries(apps)) {
    current = name;
    await profiler?.post('Profiler.start');
    const started = process.cpuUsage();
    for (let i = 0; i < POSTS; i++) await post(target);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the outbox worker's turn
    const used = process.cpuUsage(started);
    if (profiler) profiles[name].push((await profiler.post('Profiler.stop')).profile);
    cpu[name].push((used.user + used.system) / POSTS);
    current = null;
  }
}
if (args.profile) {
  mkdirSync(args.profile, { recursive: true });
  // The middle round of each app, as the CPU figures take the median.
  for (const [name, list] of Object.entries(profiles)) writeFileSync(join(args.profile, `${name}.cpuprofile`), JSON.stringify(list[Math.floor(list.length / 2)]));
  profiler?.disconnect();
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const total = ROUNDS * POSTS;
console.log(`CPU µs per comment (median of ${ROUNDS} rounds of ${POSTS}): with the pipeline ${Math.round(median(cpu.with))}, without ${Math.round(median(cpu.without))}; without / with ${(100 * median(cpu.without) / median(cpu.with)).toFixed(0)}%\n`);
console.log('| app | statement | µs per comment | runs per comment |\n|---|---|--:|--:|');
for (const [key, { ms, count }] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 24)) {
  const [name, text] = key.split('\0');
  console.log(`| ${name} | \`${text.replace(/\|/g, '\\|')}\` | ${Math.round((1000 * ms) / total)} | ${(count / total).toFixed(2)} |`);
}
for (const target of Object.values(apps)) await target.close();
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
