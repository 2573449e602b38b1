// Turns a run's figures into Markdown and rewrites that engine's section of
// docs/BENCHMARKS.md; everything above the marker is hand-written and kept.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Figures } from './load.ts';
import type { SeededThread } from './seed.ts';

export const MARKER = '<!-- Everything below is rewritten by `npm run bench`; edit above this line. -->';
const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

export interface RunInfo {
  engine: Engine;
  date: Date;
  command: string;
  options: { duration: number; warmup: number; connections: number };
  threads: SeededThread[];
  smallPages: number;
  figures: Figures[];
  notes: string[];
}

export function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()} (${os.arch()})`,
  ].join(', ');
}

// autocannon records latency in whole milliseconds.
const ms = (n: number) => (n < 1 ? '<1' : String(Math.round(n)));
/** Server CPU time per request in microseconds: what the server spends, whoever limits throughput. */
export const cpuPerRequest = (f: Figures) => (f.rps > 0 ? (f.serverCpu / 100 / f.rps) * 1e6 : NaN);
const us = (n: number) => (Number.isFinite(n) ? int(n) : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');
const cpu = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)}%` : 'n/a');
const statuses = (u: Record<string, number>) => Object.entries(u).map(([s, n]) => `${n}×${s}`).join(', ') || '0';

export function ratios(figures: Figures[]): { label: string; value: string }[] {
  const get = (id: string) => figures.find((f) => f.id === id)?.rps ?? 0;
  const cpuOf = (id: string) => { const f = figures.find((x) => x.id === id); return f ? cpuPerRequest(f) : NaN; };
  return [
    { label: '(a) / (b): thread read as a share of the bare-node ceiling (target ≥ 60%)', value: pct(get('a'), get('b')) },
    { label: 'server CPU per request, (b) / (a): the same comparison, whoever limits throughput', value: pct(cpuOf('b'), cpuOf('a')) },
    { label: '(f) / (a): 304 revalidation against a full cached read', value: pct(get('f'), get('a')) },
    { label: '(e) / (a): cached 10,000-comment thread against the cached 1,000-comment thread (pages of different sizes)', value: pct(get('e'), get('a')) },
    { label: '(e′) / (e): 10,000-comment thread with the page cache off against on', value: pct(get("e'"), get('e')) },
    { label: "(a′) / (a): 1,000-comment thread with the page cache off against on", value: pct(get("a'"), get('a')) },
    { label: '(d) / (a): comment writes against cached reads', value: pct(get('d'), get('a')) },
  ];
}

export function section(run: RunInfo): string {
  const { engine, options } = run;
  const rows = run.figures.map((f) =>
    `| ${f.id} | ${f.title} | ${int(f.rps)} | ${ms(f.p50)} | ${ms(f.p99)} | ${f.errors} | ${statuses(f.unexpected)} | ${int(f.bytesPerResponse)} | ${cpu(f.serverCpu)} | ${us(cpuPerRequest(f))} | ${cpu(f.loaderCpu)} |`,
  );
  const threads = run.threads.map((t) =>
    `\`${t.page}\`: ${int(t.comments)} comments (${int(t.roots)} top-level; by depth ${t.depths.join(' / ')}; ` +
    `${t.flattened} placed at the deepest level), ${int(t.votes)} votes, seeded in ${t.seconds.toFixed(1)} s`,
  );
  return [
    `<!-- bench:${engine}:start -->`,
    `## ${engine === 'sqlite' ? 'SQLite (default store)' : 'PostgreSQL'}`,
    '',
    `- Date: ${run.date.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${machine()}`,
    `- Command: \`${run.command}\``,
    `- Load: autocannon, ${options.connections} connections, ${options.duration} s measured after ${options.warmup} s unmeasured warm-up per scenario`,
    `- Data (all through the public API): ${threads.join('; ')}; ${run.smallPages} small pages for counts`,
    '',
    '| | scenario | req/s | p50 ms | p99 ms | errors | unexpected status | bytes/response | server CPU | server CPU µs/request | loader CPU |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    '',
    '| ratio (same run) | value |',
    '|---|--:|',
    ...ratios(run.figures).map((r) => `| ${r.label} | ${r.value} |`),
    ...(run.notes.length ? ['', ...run.notes.map((n) => `Note: ${n}`)] : []),
    `<!-- bench:${engine}:end -->`,
  ].join('\n');
}

const DEFAULT_INTRO = '# Benchmarks\n\nFigures from `npm run bench` (bench/run.ts).\n';

/** Replaces this engine's section below the marker, keeping the intro and the other engine's section. */
export function writeReport(file: string, run: RunInfo): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = current.indexOf(MARKER);
  const intro = at >= 0 ? current.slice(0, at) : current || DEFAULT_INTRO;
  const generated = at >= 0 ? current.slice(at + MARKER.length) : '';
  const sections = ENGINES.map((engine) => {
    if (engine === run.engine) return section(run);
    const found = generated.match(new RegExp(`<!-- bench:${engine}:start -->[\\s\\S]*?<!-- bench:${engine}:end -->`));
    return found?.[0];
  }).filter(Boolean);
  writeFileSync(file, `${intro.trimEnd()}\n\n${MARKER}\n\n${sections.join('\n\n')}\n`);
}

export function printTable(figures: Figures[]): void {
  console.table(Object.fromEntries(figures.map((f) => [f.id, {
    scenario: f.title.slice(0, 60), 'req/s': Math.round(f.rps), 'p50 ms': f.p50, 'p99 ms': f.p99,
    errors: f.errors, unexpected: statuses(f.unexpected), 'bytes/resp': Math.round(f.bytesPerResponse),
    'srv cpu': cpu(f.serverCpu), 'µs/req': us(cpuPerRequest(f)), 'loader cpu': cpu(f.loaderCpu),
  }])));
  for (const r of ratios(figures)) console.log(`${r.value.padStart(5)}  ${r.label}`);
}
