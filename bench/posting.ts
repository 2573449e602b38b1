// npm run bench:posting [-- --duration 5 --warmup 2 --rounds 3 --connections 32 --terms 10000 --postgres]
//
// Posting with the moderation pipeline against posting without it, in the same run. Two real
// servers, each its own process over its own fresh database:
//   with:    src/main.ts, the demo site's default moderation settings (every phase that needs no
//            external service) plus `--terms` extra site terms saved through the admin API;
//   without: bench/server-without-pipeline.ts, the same server with the `moderate` hook
//            replaced by approveAll (no phases, no decision row, no per-site post limits).
// Both take the same POST /api/v1/comments load (bench/load.ts: distinct body, visitor and
// address each, ¼ replies), alternating for `--rounds` rounds so a burst of load elsewhere on
// the machine hits both alike. Prints Markdown for docs/BENCHMARKS.md.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArgs, loadOptionsOf, measure, writeRequests, type Figures, type LoadOptions, type Scenario } from './load.ts';
import { createPostgres, runBenchmark, startColloquy, type Child } from './processes.ts';
import { cpuPerRequest, machine } from './report.ts';
import { SITE, random, seedThread } from './seed.ts';
import { siteTerms } from './terms.ts';
import { openDatabase } from '../src/platform/db.ts';
import { plainApprovalRow } from '../src/moderation/decision-store.ts';

const { values: args } = parseArgs({ options: { ...loadArgs('5'), terms: { type: 'string', default: '10000' } } });
const load: LoadOptions = loadOptionsOf(args);
const command = ['npm run bench:posting', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
const PAGE = 'bench/posting';
const ADMIN = { email: 'bench-admin@example.org', password: 'bench-admin-password-long-enough' };
const log = (message: string) => console.log(`[posting] ${message}`);

const work = mkdtempSync(join(tmpdir(), 'colloquy-posting-'));
const children: Child[] = [];
const databases: Array<{ url: string; drop(): Promise<void> }> = [];

const databaseUrls = new Map<string, string>();

async function server(name: string, script?: string): Promise<Child> {
  const database = args.postgres ? await createPostgres() : undefined;
  if (database) databases.push(database);
  databaseUrls.set(name, database?.url ?? `sqlite:${join(work, name, 'colloquy.db')}`);
  const child = await startColloquy({
    dataDir: join(work, name), databaseUrl: database?.url, logFile: join(work, `${name}.log`), script,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  children.push(child);
  return child;
}

/** Saves `count` random terms (half banned, half suspect) in the demo site's settings, as an admin would. */
async function loadTerms(base: string, count: number): Promise<void> {
  const session = await fetch(`${base}/api/v1/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!session.ok) throw new Error(`admin sign-in → ${session.status}: ${await session.text()}`);
  const headers = { cookie: session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': ((await session.json()) as { csrfToken: string }).csrfToken };
  const current = (await (await fetch(`${base}/api/v1/admin/sites/${SITE}/settings`, { headers })).json()) as { version: number };
  // The server versions term lists itself: a client may not send `version`.
  const { version: _version, ...terms } = siteTerms(count, random(42), 'bench');
  const saved = await fetch(`${base}/api/v1/admin/sites/${SITE}/settings`, {
    method: 'PUT', headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ version: current.version, settings: { moderation: { terms } } }),
  });
  if (!saved.ok) throw new Error(`saving ${count} terms → ${saved.status}: ${(await saved.text()).slice(0, 300)}`);
}

/** Ten top-level comments to reply to, then the write scenario against that server. */
async function scenario(id: string, title: string, child: Child): Promise<Scenario> {
  await seedThread(child.url, { page: PAGE, comments: 10, roots: 10, votes: 0, concurrency: 4, seed: 3 });
  const page = (await (await fetch(`${child.url}/api/v1/comments?site=${SITE}&page=${encodeURIComponent(PAGE)}&limit=50`)).json()) as { comments: { id: string }[] };
  if (page.comments.length < 10) throw new Error(`${id}: only ${page.comments.length} of 10 seeded comments were published`);
  return { id, title, url: `${child.url}/api/v1/comments`, method: 'POST', setupRequest: writeRequests(PAGE, page.comments.map((c) => c.id)), expect: 201 };
}

/** How the server decided what it took: published comments on the page against 201s. */
async function published(child: Child): Promise<number> {
  const counts = (await (await fetch(`${child.url}/api/v1/counts?site=${SITE}&page=${encodeURIComponent(PAGE)}`)).json()) as { counts: Record<string, number> };
  return counts.counts[PAGE] - 10;
}

/**
 * The pipeline's own time inside the server under this load, from the decisions it stored
 * with each comment (wall time per phase, as the console shows it): the whole pipeline's p50
 * and p99, and each phase's p99 and mean.
 */
async function pipelineTimes(since: number): Promise<string[]> {
  const database = await openDatabase(databaseUrls.get('with')!);
  try {
    // A plain approval is kept on its comment's row (decision-store.ts), any other decision is a row.
    const comments = await database.db.selectFrom('comments').select(['id', 'site_id', 'created_at', 'pipeline_timings']).where('created_at', '>=', since).where('pipeline_timings', 'is not', null).execute();
    const stored = await database.db.selectFrom('moderation_decisions').select(['ms', 'timings']).where('source', '=', 'pipeline').where('at', '>=', since).execute();
    const rows = [...comments.map((comment) => plainApprovalRow(comment)!), ...stored];
    const quantile = (values: number[], q: number) => values.sort((x, y) => x - y)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
    const byPhase = new Map<string, number[]>();
    for (const row of rows) {
      for (const { phase, ms } of JSON.parse(row.timings) as Array<{ phase: string; ms: number }>) {
        const list = byPhase.get(phase);
        if (list) list.push(ms);
        else byPhase.set(phase, [ms]);
      }
    }
    const totals = rows.map((row) => Number(row.ms));
    return [
      '',
      `Inside the server with the pipeline, from the ${int(rows.length)} decisions it stored during the rounds (wall time under this load, the first warm-up included): ` +
        `the pipeline took p50 ${quantile(totals, 0.5).toFixed(3)} ms, p99 ${quantile(totals, 0.99).toFixed(3)} ms per comment (target p99 < 1 ms); p99 by phase: ` +
        [...byPhase].map(([phase, list]) => `${phase} ${quantile(list, 0.99).toFixed(3)}`).join(', ') + ' ms; mean by phase: ' +
        [...byPhase].map(([phase, list]) => `${phase} ${(list.reduce((x, y) => x + y, 0) / list.length).toFixed(3)}`).join(', ') + ' ms.',
    ];
  } finally {
    await database.close();
  }
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function main() {
  const loadBefore = loadavg()[0];
  const withPipeline = await server('with');
  const without = await server('without', 'bench/server-without-pipeline.ts');
  log(`saving ${args.terms} site terms…`);
  await loadTerms(withPipeline.url, Number(args.terms));
  const a = await scenario('with', `POST /api/v1/comments, full pipeline + ${int(Number(args.terms))} site terms`, withPipeline);
  const b = await scenario('without', 'POST /api/v1/comments, pipeline replaced by approveAll', without);

  const measuredFrom = Date.now();
  const rounds: Array<[Figures, Figures]> = [];
  for (let round = 1; round <= Number(args.rounds); round++) {
    const options = round === 1 ? load : { ...load, warmup: 0 };
    log(`round ${round} of ${args.rounds}`);
    const [fa, fb] = [await measure(a, options, withPipeline.pid), await measure(b, options, without.pid)];
    log(`round ${round}: ${int(fa.rps)} req/s with the pipeline, ${int(fb.rps)} without (${pct(fa.rps, fb.rps)})`);
    rounds.push([fa, fb]);
  }
  const sent = rounds.reduce((sum, [fa]) => sum + fa.requests, 0);
  const listed = await published(withPipeline);
  log(`published without the pipeline by the end: ${int(await published(without))} comments`);
  const sorted = [...rounds].sort(([a1, b1], [a2, b2]) => a1.rps / b1.rps - a2.rps / b2.rps);
  const [fa, fb] = sorted[Math.floor((sorted.length - 1) / 2)];

  const row = (f: Figures) => `| ${f.title} | ${int(f.rps)} | ${f.p50} | ${f.p99} | ${f.errors} | ${Object.values(f.unexpected).reduce((x, y) => x + y, 0)} | ${f.serverCpu.toFixed(0)}% | ${int(cpuPerRequest(f))} |`;
  console.log([
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${args.postgres ? 'PostgreSQL' : 'SQLite'}`,
    `- Machine: ${machine()}; load average (1 min) before ${loadBefore.toFixed(2)}, after ${loadavg()[0].toFixed(2)}`,
    `- Command: \`${command}\``,
    `- Load: autocannon, ${load.connections} connections, ${load.duration} s measured per round, ${load.warmup} s warm-up before the first`,
    '',
    '| median round | req/s | p50 ms | p99 ms | errors | unexpected status | server CPU | server CPU µs/request |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    row(fa),
    row(fb),
    '',
    '| ratio (same run) | value |',
    '|---|--:|',
    `| throughput, with / without the pipeline (target ≥ 80%) | ${pct(fa.rps, fb.rps)} |`,
    `| server CPU per comment, without / with | ${pct(cpuPerRequest(fb), cpuPerRequest(fa))} |`,
    `| server CPU per comment the pipeline adds | ${int(cpuPerRequest(fa) - cpuPerRequest(fb))} µs |`,
    '',
    `Throughput ratio per round, sorted: ${sorted.map(([x, y]) => pct(x.rps, y.rps)).join(', ')}. ` +
      `Published on the page with the pipeline by the end: ${int(listed)} comments (${int(sent)} answered during the measured rounds; ` +
      'the warm-up and requests in flight at the end add to those posted, and the pipeline held or refused some).',
    ...(await pipelineTimes(measuredFrom)),
  ].join('\n'));
}

await runBenchmark('posting', work, children, main, async () => {
  for (const database of databases) await database.drop();
});
