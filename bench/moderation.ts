// Per-comment cost of the moderation pipeline, in one process, after a warm-up:
//   - the text phases (terms + scorer) with the default lists and with `--terms` extra site terms;
//   - every phase buildPhases() gives the server that needs no external service (closed, bans,
//     bots with the honeypot and a real ALTCHA verification, duplicates, links, terms, scorer,
//     premoderation, duplicates.record) with the extra terms, twice: the default settings
//     (premoderation "none"), and premoderation "first", so its count query runs; both
//     over a real database (SQLite, or PostgreSQL with --postgres); fingerprints in
//     memory as on one node, or in Redis with --redis URL as with REDIS_URL; then, apart, what
//     the phases keep once a comment is stored (its fingerprint).
//
//   npm run bench:moderation [-- --comments 4000 --rounds 3 --terms 10000 --postgres --redis redis://127.0.0.1:6379]
//
// Prints Markdown tables (figures for docs/MODERATION.md and docs/BENCHMARKS.md).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createModerationCommentStore } from '../src/comments/moderation-store.ts';
import { createAltcha } from '../src/moderation/altcha.ts';
import { createBanStore } from '../src/moderation/ban-store.ts';
import { createBanService } from '../src/moderation/bans.ts';
import { runPipeline, type Phase, type PhaseContext, type PhaseInput } from '../src/moderation/phase.ts';
import { buildPhases } from '../src/moderation/phases/index.ts';
import { createRedisFingerprintStore } from '../src/moderation/phases/redis-fingerprint-store.ts';
import { scorerPhase } from '../src/moderation/phases/scorer.ts';
import { termsPhase } from '../src/moderation/phases/terms.ts';
import { prepareScorer } from '../src/moderation/scorer/index.ts';
import { approvedCounter } from '../src/moderation/service.ts';
import { defaultModerationSettings, resolveModerationSettings, type ModerationSettings } from '../src/moderation/settings.ts';
import { termsFor } from '../src/moderation/terms.ts';
import { openDatabase } from '../src/platform/db.ts';
import { solveAltcha, type AltchaChallenge } from '../web/widget/altcha.ts';
import { createPostgres } from './processes.ts';
import { random } from './seed.ts';
import { siteTerms } from './terms.ts';

const { values: args } = parseArgs({
  options: {
    comments: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    terms: { type: 'string', default: '10000' },
    postgres: { type: 'boolean', default: false },
    redis: { type: 'string' },
  },
});
const COMMENTS = Number(args.comments);
const ROUNDS = Number(args.rounds);
/** Comments run before the measured rounds, to warm up the JIT. */
const WARM_UP = 500;
const rand = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const SENTENCES = [
  'I completely disagree with the author on this.', 'The council has failed residents for years.',
  'Does anyone know when the consultation closes?', 'This is fucking brilliant reporting, thank you.',
  'The minister is an idiot and should resign.', 'You clearly did not read the article.',
  'The suspect threatened to kill his neighbour, the court heard.', 'Scunthorpe beat Essex in a cocktail of goals.',
  'Prices in Sussex have doubled since 2019, according to the figures.', 'I live in Middlesex and my therapist agrees.',
  'Le gouvernement doit répondre à ces questions.', 'Die Regierung muss jetzt handeln.', 'Esto es una vergüenza.',
  'Это позор для всего города.', '这篇文章写得很好。', 'Great piece 👏👏 more of this please!',
  'You are an idiot.', 'y0u 4re 4 m0r0n', 'I will kill you', 'k y s', 'Immigrants are vermin.', 'ѕһіт article',
  'f.u.c.k this government', 'STOP THE BUILDING WORK NOW, WE ARE SICK OF THE NOISE EVERY SINGLE NIGHT',
  'Someone should shoot him.', 'They should all be hanged.', 'The referee blew after 88 minutes.',
  'Visit www.example.com for cheap watches', 'nooooooooooooooooo!!!!!!!!!!!!', 'Shit, the library is closing.',
];

function comment(): string {
  const length = pick([1, 1, 2, 3, 5, 8, 20]); // mostly short, some long (up to ~1,500 characters)
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(pick(SENTENCES));
  return parts.join(rand() < 0.2 ? '\n' : ' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Row {
  name: string;
  compileMs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** The process's CPU time per comment (user + system), which waits for a busy machine's scheduler do not inflate. */
  cpuP50: number;
  cpuP99: number;
  /** p99 per phase, by name. */
  phases: Map<string, number>;
  /** Mean per phase, by name: where the time goes on an ordinary comment. */
  phaseMeans: Map<string, number>;
  /** p50 and p99 of what the phases keep of a stored comment, when measured. */
  keeps?: { p50: number; p99: number };
  statuses: Record<string, number>;
}

type Inputs = (text: string, i: number) => PhaseInput | Promise<PhaseInput>;

async function measure(name: string, phases: readonly Phase[], ctx: PhaseContext, comments: string[], inputOf: Inputs, keepAll = false): Promise<Row> {
  const compileStarted = performance.now();
  termsFor(ctx.settings.terms, ctx.siteId);
  const compileMs = performance.now() - compileStarted;
  let n = 0;
  for (const text of comments.slice(0, WARM_UP)) await runPipeline(phases, await inputOf(text, n++), ctx); // warm up the JIT
  const totals: number[] = [];
  const cpu: number[] = [];
  const keeps: number[] = [];
  const byPhase = new Map<string, number[]>();
  const statuses: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of comments) {
      const input = await inputOf(text, n++);
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const result = await runPipeline(phases, input, ctx);
      totals.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
      for (const t of result.timings) {
        const list = byPhase.get(t.phase);
        if (list) list.push(t.ms);
        else byPhase.set(t.phase, [t.ms]);
      }
      if (round === 0) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
      if (keepAll && result.keeps.length) {
        const kept = performance.now();
        for (const keep of result.keeps) await keep(`comment-${n}`);
        keeps.push(performance.now() - kept);
      }
    }
  }
  for (const list of [totals, cpu, keeps, ...byPhase.values()]) list.sort((a, b) => a - b);
  return {
    name, compileMs, p50: percentile(totals, 50), p99: percentile(totals, 99), max: totals[totals.length - 1],
    mean: totals.reduce((a, b) => a + b, 0) / totals.length, statuses, cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99),
    phases: new Map([...byPhase].map(([phase, list]) => [phase, percentile(list, 99)])),
    phaseMeans: new Map([...byPhase].map(([phase, list]) => [phase, list.reduce((x, y) => x + y, 0) / list.length])),
    keeps: keeps.length ? { p50: percentile(keeps, 50), p99: percentile(keeps, 99) } : undefined,
  };
}

/** Every phase the server runs without external services, over a real database and ALTCHA. */
async function fullPipeline(settings: ModerationSettings, comments: string[], premoderation: 'none' | 'first'): Promise<Row> {
  const postgres = args.postgres ? await createPostgres() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-moderation-bench-'));
  const database = await openDatabase(postgres?.url ?? `sqlite:${join(dir, 'bench.db')}`);
  const redis = args.redis ? new Redis(args.redis, { maxRetriesPerRequest: 1 }) : undefined;
  const prefix = `colloquy-bench:dup:${randomBytes(6).toString('hex')}:`;
  try {
    const { db } = database;
    // Cheap challenges: the reader's work is not the subject; verifying one costs the same.
    const altcha = createAltcha({ hmacKey: 'bench-altcha-key', minCounter: 0, maxCounter: 20 });
    // Solved before the measured rounds, one per comment (each works once): solving is the
    // browser's work, and its garbage would otherwise be collected inside measured comments.
    const solutions: string[] = [];
    for (let i = 0; i < WARM_UP + ROUNDS * comments.length; i++) solutions.push((await solveAltcha((await altcha.challenge('bench')) as unknown as AltchaChallenge))!);
    const phases = buildPhases({
      isBanned: createBanService(createBanStore(db)).isBanned,
      approvedCountOf: approvedCounter(createModerationCommentStore(db)),
      fingerprints: redis ? createRedisFingerprintStore(redis, { prefix, onError: (error) => { throw error; } }) : undefined,
      altcha,
    });
    const full = resolveModerationSettings({ ...settings, premoderation: { mode: premoderation } });
    const ctx: PhaseContext = { settings: full, siteId: 'bench' };
    const thread = { id: 'bench-thread', createdAt: Date.now(), closed: false };
    const inputOf: Inputs = (text, i) => ({
      text, thread, at: Date.now(), bot: { honeypot: '', altcha: solutions[i] },
      author: { visitorKey: `visitor-${i}`, ipHash: `ip-${i % 5000}`, ipPrefixHash: `net-${i % 200}`, name: `Reader ${i}` },
    });
    const where = `${postgres ? 'PostgreSQL' : 'SQLite'}, fingerprints ${redis ? 'in Redis' : 'in memory'}`;
    const mode = premoderation === 'none' ? 'default settings' : 'premoderation "first"';
    return await measure(`every phase, ${mode}, + ${args.terms} site terms (${where})`, phases, ctx, comments, inputOf, true);
  } finally {
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
      redis.disconnect();
    }
    await database.close();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = loadavg()[0];
const lexiconStarted = performance.now();
prepareScorer();
const lexiconMs = performance.now() - lexiconStarted;
const comments = Array.from({ length: COMMENTS }, comment);
const averageLength = Math.round(comments.reduce((a, c) => a + c.length, 0) / comments.length);
const loaded: ModerationSettings = {
  ...defaultModerationSettings,
  terms: { ...defaultModerationSettings.terms, ...siteTerms(Number(args.terms), rand, 'bench-terms') },
};
const textPhases = [termsPhase, scorerPhase];
const textOnly: Inputs = (text) => ({ text });
const rows = [
  await measure('terms + scorer, default lists', textPhases, { settings: defaultModerationSettings, siteId: 'bench-default' }, comments, textOnly),
  await measure(`terms + scorer, + ${args.terms} site terms`, textPhases, { settings: loaded, siteId: 'bench-terms' }, comments, textOnly),
  await fullPipeline(loaded, comments, 'none'),
  await fullPipeline(loaded, comments, 'first'),
];

const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(3));
const phaseNames = [...rows.at(-1)!.phases.keys()];
console.log(`Node ${process.version}, ${COMMENTS} comments (mean ${averageLength} characters, longest ${Math.max(...comments.map((c) => c.length))}), ${ROUNDS} rounds, after warm-up.\n`);
console.log(`Load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)} on ${cpus().length} cores.\n`);
console.log('| pipeline | compile (ms, once) | p50 (ms) | p99 (ms) | max (ms) | mean (ms) | CPU p50 / p99 (ms) | keeping a stored comment, p50 / p99 (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${ms(r.compileMs)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.mean)} | ${ms(r.cpuP50)} / ${ms(r.cpuP99)} | ${r.keeps ? `${ms(r.keeps.p50)} / ${ms(r.keeps.p99)}` : '—'} |`);
console.log(`\np99 per phase (ms):\n\n| pipeline | ${phaseNames.join(' | ')} |\n|---|${phaseNames.map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.name} | ${phaseNames.map((p) => ms(r.phases.get(p))).join(' | ')} |`);
console.log(`\nMean per phase (ms):\n\n| pipeline | ${phaseNames.join(' | ')} |\n|---|${phaseNames.map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.name} | ${phaseNames.map((p) => ms(r.phaseMeans.get(p))).join(' | ')} |`);
console.log(`\nThe scorer's curated lists compile once per process in ${ms(lexiconMs)} ms; site lists once per version (column "compile").`);
for (const r of rows) console.log(`Decisions, ${r.name}: ${JSON.stringify(r.statuses)}`);
