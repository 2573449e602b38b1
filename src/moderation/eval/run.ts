// npm run eval:moderation [-- --json] [-- --split tuning|holdout|holdout-2|all] [-- --set insult.pending=0.4 ...]
//                         [-- --pipeline text|full]
// Runs the text pipeline (default settings) over the labelled corpus and prints, per category,
// recall, false-positive rate and detector precision, the issue's targets, and the
// misclassified samples by id, for the tuning split, each held-out split and all together.
// --set changes one scorer threshold (category.pending or category.rejected; "null" turns the
// line off) to see what a stricter or looser site setting would do. --pipeline full runs every
// phase of buildPhases() (links, duplicates, bots... with a signed-in author per comment, dry
// run) instead of the text phases (terms, scorer). Exit code 1 when a target is missed.
import { parseArgs } from 'node:util';
import { prepareScorer, textPhases } from '../index.ts';
import { buildPhases } from '../phases/index.ts';
import { defaultModerationSettings, SCORE_CATEGORIES, type ModerationSettings, type ScoreCategory } from '../settings.ts';
import { HOLDOUT, HOLDOUT_2, TUNING } from './corpus/index.ts';
import { report, runSamples, type Outcome, type Rate, type Report } from './evaluate.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    split: { type: 'string', default: 'all' },
    set: { type: 'string', multiple: true, default: [] },
    pipeline: { type: 'string', default: 'text' },
  },
});
const split = values.split!;
if (!['all', 'tuning', 'holdout', 'holdout-2'].includes(split)) {
  console.error('--split must be tuning, holdout, holdout-2 or all');
  process.exit(2);
}

const settings: ModerationSettings = structuredClone(defaultModerationSettings);
for (const assignment of values.set!) {
  const m = /^([\w-]+)\.(pending|rejected)=(null|[01](?:\.\d+)?)$/.exec(assignment);
  if (!m || !SCORE_CATEGORIES.includes(m[1] as ScoreCategory)) {
    console.error(`--set ${assignment}: expected category.pending=0.4 or category.rejected=null (categories: ${SCORE_CATEGORIES.join(', ')})`);
    process.exit(2);
  }
  settings.scorer.thresholds[m[1] as ScoreCategory][m[2] as 'pending' | 'rejected'] = m[3] === 'null' ? null : Number(m[3]);
}
if (values.set!.length && !values.json) console.log(`settings changed: ${values.set!.join(', ')}`);

if (!['text', 'full'].includes(values.pipeline!)) {
  console.error('--pipeline must be text or full');
  process.exit(2);
}
const phases = values.pipeline === 'full' ? buildPhases() : textPhases;
if (!values.json) console.log(`phases: ${phases.map((p) => p.name).join(' → ')}`);

prepareScorer();
const wanted = (name: string) => split === 'all' || split === name;
const tuning = wanted('tuning') ? await runSamples(TUNING, 'tuning', { settings, phases }) : [];
const holdout = wanted('holdout') ? await runSamples(HOLDOUT, 'holdout', { settings, phases }) : [];
const holdout2 = wanted('holdout-2') ? await runSamples(HOLDOUT_2, 'holdout-2', { settings, phases }) : [];
const reports: [string, Report][] = [];
if (tuning.length) reports.push(['tuning', report(tuning)]);
if (holdout.length) reports.push(['held-out 1', report(holdout)]);
if (holdout2.length) reports.push(['held-out 2', report(holdout2)]);
if (split === 'all') reports.push(['all', report([...tuning, ...holdout, ...holdout2])]);

if (values.json) {
  const brief = (o: Outcome) => ({
    id: o.sample.id, split: o.split, category: o.sample.category, kind: o.sample.kind, expect: o.sample.expect, status: o.status,
    text: o.sample.text, reasons: o.reasons.map((r) => ({ phase: r.phase, rule: r.rule, category: r.category, score: r.score, detail: r.detail })),
  });
  const out = Object.fromEntries(reports.map(([name, r]) => [name, { ...r, misclassified: r.misclassified.map(brief) }]));
  console.log(JSON.stringify(out, null, 2));
} else {
  for (const [name, r] of reports) print(name, r, name !== 'all');
}
const failed = reports.some(([, r]) => r.targets.some((t) => !t.met));
process.exitCode = failed ? 1 : 0;

function pct(r: Rate | null): string {
  if (!r || r.value === null) return '—';
  return `${(r.value * 100).toFixed(1)}%`;
}
function ratio(r: Rate | null): string {
  if (!r || r.value === null) return '—';
  return `${r.value.toFixed(2)} (${r.count}/${r.of})`;
}

function print(name: string, r: Report, errors: boolean): void {
  console.log(`\n== ${name}: ${r.samples} samples, ${r.meanMs.toFixed(3)} ms per comment ==`);
  const head = ['category', 'n', 'pos', 'neg', 'recall', 'FP rate', 'precision', 'exact'];
  const rows = [...r.categories, ...r.breakdown].map((c) => [
    c.category, String(c.samples), String(c.positives), String(c.negatives), ratio(c.recall),
    c.negatives ? `${pct(c.falsePositiveRate)} (${c.falsePositiveRate.count}/${c.falsePositiveRate.of})` : '—',
    ratio(c.precision), pct(c.exact),
  ]);
  table(head, rows);
  console.log(`\ndetector precision (comments it held or rejected that should have been caught):`);
  table(['detector', 'flagged', 'precision'], r.detectors.map((d) => [d.detector, String(d.flagged), ratio(d.precision)]));
  const o = r.overall;
  console.log(`\noverall: recall ${ratio(o.recall)}, false positives ${pct(o.falsePositiveRate)} (${o.falsePositiveRate.count}/${o.falsePositiveRate.of}), civil held ${pct(o.civilHeld)} (${o.civilHeld.count}/${o.civilHeld.of}), exact outcome ${pct(o.exact)}`);
  for (const t of r.targets) {
    const shown = t.value === null ? '—' : t.name.includes('held') ? pct({ count: 0, of: 1, value: t.value }) : t.value.toFixed(2);
    const limit = t.name.includes('held') ? `${t.limit * 100}%` : String(t.limit);
    console.log(`target ${t.name}: ${shown} ${t.direction === 'min' ? '≥' : '≤'} ${limit} ${t.met ? 'met' : 'NOT MET'} — ${t.detail}`);
  }
  if (!errors) return;
  console.log(`\nmisclassified (${r.misclassified.length}):`);
  for (const m of r.misclassified) {
    const why = m.reasons.filter((x) => x.rule !== 'scorer.threshold').map((x) => `${x.rule}${x.score !== undefined ? ` ${x.score}` : ''}`).join(', ');
    const text = JSON.stringify(m.sample.text.length > 90 ? `${m.sample.text.slice(0, 87)}...` : m.sample.text);
    console.log(`  ${m.sample.id.padEnd(13)} expect ${m.sample.expect.padEnd(8)} got ${m.status.padEnd(8)} ${text}${why ? `  [${why}]` : ''}`);
  }
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row: string[]) => '  ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(fmt(head));
  for (const row of rows) console.log(fmt(row));
}
