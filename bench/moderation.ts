// Per-comment cost of the moderation text defences (terms phase + scorer phase) through
// runPipeline, with the default lists and with 10,000 extra site terms loaded.
//
//   node bench/moderation.ts [--comments 4000] [--rounds 3]
//
// Prints a markdown table (figures for docs/MODERATION.md). No network, no database.
import { runPipeline, type PhaseContext } from '../src/moderation/phase.ts';
import { scorerPhase } from '../src/moderation/phases/scorer.ts';
import { termsPhase } from '../src/moderation/phases/terms.ts';
import { prepareScorer } from '../src/moderation/scorer/index.ts';
import { defaultModerationSettings, type ModerationSettings } from '../src/moderation/settings.ts';
import { termsFor, type TermSpec } from '../src/moderation/terms.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COMMENTS = arg('comments', 4000);
const ROUNDS = arg('rounds', 3);

let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
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

function randomTerms(count: number): TermSpec[] {
  const out: TermSpec[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  while (out.length < count) {
    let term = '';
    const length = 4 + Math.floor(rand() * 7);
    while (term.length < length) term += pick([...letters]);
    if (rand() < 0.1) term += ` ${pick(['lover', 'scum', 'out', 'now'])}`;
    out.push({ term, match: pick(['word', 'word', 'word', 'stem', 'prefix', 'any'] as const) });
  }
  return out;
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
  termsP99: number;
  scorerP99: number;
  statuses: Record<string, number>;
}

async function measure(name: string, settings: ModerationSettings, comments: string[]): Promise<Row> {
  const ctx: PhaseContext = { settings, siteId: `bench-${name}` };
  const compileStarted = performance.now();
  termsFor(settings.terms, ctx.siteId);
  const compileMs = performance.now() - compileStarted;
  const phases = [termsPhase, scorerPhase];
  for (const text of comments.slice(0, 500)) await runPipeline(phases, { text }, ctx); // warm up the JIT
  const totals: number[] = [];
  const terms: number[] = [];
  const scorer: number[] = [];
  const statuses: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of comments) {
      const started = performance.now();
      const result = await runPipeline(phases, { text }, ctx);
      totals.push(performance.now() - started);
      for (const t of result.timings) (t.phase === 'terms' ? terms : scorer).push(t.ms);
      if (round === 0) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    }
  }
  for (const list of [totals, terms, scorer]) list.sort((a, b) => a - b);
  return {
    name, compileMs, p50: percentile(totals, 50), p99: percentile(totals, 99), max: totals[totals.length - 1],
    mean: totals.reduce((a, b) => a + b, 0) / totals.length, termsP99: percentile(terms, 99), scorerP99: percentile(scorer, 99), statuses,
  };
}

const lexiconStarted = performance.now();
prepareScorer();
const lexiconMs = performance.now() - lexiconStarted;
const comments = Array.from({ length: COMMENTS }, comment);
const averageLength = Math.round(comments.reduce((a, c) => a + c.length, 0) / comments.length);
const extra = randomTerms(10_000);
const loaded: ModerationSettings = {
  ...defaultModerationSettings,
  terms: { ...defaultModerationSettings.terms, version: 'bench-10k', banned: extra.slice(0, 5000), suspect: extra.slice(5000) },
};
const rows = [
  await measure('default lists', defaultModerationSettings, comments),
  await measure('+ 10,000 site terms', loaded, comments),
];

const ms = (v: number) => v.toFixed(3);
console.log(`Node ${process.version}, ${COMMENTS} comments (mean ${averageLength} characters, longest ${Math.max(...comments.map((c) => c.length))}), ${ROUNDS} rounds, after warm-up.\n`);
console.log('| lists | compile (ms, once) | p50 (ms) | p99 (ms) | max (ms) | mean (ms) | terms phase p99 | scorer phase p99 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${ms(r.compileMs)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.mean)} | ${ms(r.termsP99)} | ${ms(r.scorerP99)} |`);
}
console.log(`\nThe scorer's curated lists compile once per process in ${ms(lexiconMs)} ms; site lists once per version (column "compile").`);
console.log(`\nDecisions (default lists): ${JSON.stringify(rows[0].statuses)}; with 10,000 terms: ${JSON.stringify(rows[1].statuses)}`);
