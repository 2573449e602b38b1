// Runs the text pipeline over labelled samples and measures it: per category, recall of the
// comments that should be caught, the false-positive rate of those that should pass, and the
// precision of each detector. "Caught" is any outcome but approved: held (pending), rejected
// or spam all take a comment out of public view until a moderator looks.
import { textPhases } from '../index.ts';
import { runPipeline, type Decision, type Phase, type Reason } from '../phase.ts';
import { defaultModerationSettings, type ModerationSettings } from '../settings.ts';
import { CATEGORIES, type Category, type Kind, type Sample } from './types.ts';

export interface Outcome {
  sample: Sample;
  split: 'tuning' | 'holdout' | 'holdout-2';
  status: Decision;
  /** The sample should be caught (its expected outcome is not "approved"). */
  positive: boolean;
  caught: boolean;
  /** Which detectors crossed a line: scorer categories, or other phases' categories/names. */
  flags: string[];
  reasons: Reason[];
  ms: number;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, or null when there is nothing to measure. */
  value: number | null;
}

export interface CategoryFigures {
  category: string;
  samples: number;
  positives: number;
  negatives: number;
  /** Positives caught / positives. */
  recall: Rate;
  /** Negatives caught (held, rejected or marked spam) / negatives. */
  falsePositiveRate: Rate;
  /** Of the comments this category's detector flagged anywhere in the set, how many should
   * have been caught. Null for categories without a detector of their own. */
  precision: Rate | null;
  /** Outcome exactly as labelled (pending vs rejected vs spam). */
  exact: Rate;
}

export interface DetectorFigures {
  detector: string;
  flagged: number;
  /** Flagged comments that should have been caught / flagged. */
  precision: Rate;
}

export interface Target {
  name: string;
  value: number | null;
  limit: number;
  /** "min": value must be at least limit; "max": at most. */
  direction: 'min' | 'max';
  met: boolean;
  detail: string;
}

export interface Report {
  samples: number;
  categories: CategoryFigures[];
  /** Obfuscated and other-language samples broken down by abusive kind and language. */
  breakdown: CategoryFigures[];
  detectors: DetectorFigures[];
  overall: { recall: Rate; falsePositiveRate: Rate; civilHeld: Rate; exact: Rate };
  targets: Target[];
  misclassified: Outcome[];
  meanMs: number;
}

/** The detector behind each abusive category. */
const DETECTOR: Partial<Record<Category, string>> = {
  insult: 'insult', slur: 'slur', dehumanising: 'dehumanising', threat: 'threat', 'self-harm': 'self-harm', spam: 'spam',
};

/** The targets: recall of at least 0.9 for slurs, threats and spam (English samples,
 * plain and disguised), and at most 2 % of civil comments held. */
export const TARGETS = { recall: 0.9, civilHeld: 0.02, kinds: ['slur', 'threat', 'spam'] as Kind[] };

function rate(count: number, of: number): Rate {
  return { count, of, value: of ? count / of : null };
}

export async function runSamples(
  samples: readonly Sample[],
  split: Outcome['split'],
  options: { phases?: readonly Phase[]; settings?: ModerationSettings } = {},
): Promise<Outcome[]> {
  const phases = options.phases ?? textPhases;
  const settings = options.settings ?? defaultModerationSettings;
  const out: Outcome[] = [];
  for (const sample of samples) {
    const started = performance.now();
    // A signed-in author of their own per comment, in a dry run: phases that look at who posts
    // (bots, duplicates, premoderation) see an ordinary reader and remember nothing.
    const author = { accountId: `eval-${sample.id}`, visitorKey: `eval-${sample.id}` };
    const result = await runPipeline(phases, { text: sample.text, author }, { settings, siteId: 'eval', dryRun: true });
    const ms = performance.now() - started;
    const flags = new Set<string>();
    for (const r of result.reasons) {
      if (r.phase === 'scorer') {
        if (r.rule === 'scorer.threshold' && r.category) flags.add(r.category);
      } else flags.add(r.category ?? r.phase);
    }
    const positive = sample.expect !== 'approved';
    out.push({ sample, split, status: result.status, positive, caught: result.status !== 'approved', flags: [...flags], reasons: result.reasons, ms });
  }
  return out;
}

function figures(name: string, outcomes: readonly Outcome[], all: readonly Outcome[], detector?: string): CategoryFigures {
  const pos = outcomes.filter((o) => o.positive);
  const neg = outcomes.filter((o) => !o.positive);
  let precision: Rate | null = null;
  if (detector) {
    const flagged = all.filter((o) => o.flags.includes(detector));
    precision = rate(flagged.filter((o) => o.positive).length, flagged.length);
  }
  return {
    category: name,
    samples: outcomes.length,
    positives: pos.length,
    negatives: neg.length,
    recall: rate(pos.filter((o) => o.caught).length, pos.length),
    falsePositiveRate: rate(neg.filter((o) => o.caught).length, neg.length),
    precision,
    exact: rate(outcomes.filter((o) => o.status === o.sample.expect).length, outcomes.length),
  };
}

export function report(outcomes: readonly Outcome[]): Report {
  const categories = CATEGORIES.map((c) => figures(c, outcomes.filter((o) => o.sample.category === c), outcomes, DETECTOR[c]));
  const breakdown: CategoryFigures[] = [];
  const obfuscated = outcomes.filter((o) => o.sample.category === 'obfuscated');
  for (const kind of [...new Set(obfuscated.map((o) => o.sample.kind ?? 'other'))]) {
    breakdown.push(figures(`obfuscated/${kind}`, obfuscated.filter((o) => (o.sample.kind ?? 'other') === kind), outcomes));
  }
  const languages = outcomes.filter((o) => o.sample.category === 'multilingual');
  for (const lang of [...new Set(languages.map((o) => o.sample.lang ?? 'en'))]) {
    breakdown.push(figures(`multilingual/${lang}`, languages.filter((o) => (o.sample.lang ?? 'en') === lang), outcomes));
  }
  const detectorNames = [...new Set(outcomes.flatMap((o) => o.flags))].sort();
  const detectors = detectorNames.map((detector) => {
    const flagged = outcomes.filter((o) => o.flags.includes(detector));
    return { detector, flagged: flagged.length, precision: rate(flagged.filter((o) => o.positive).length, flagged.length) };
  });
  const civil = outcomes.filter((o) => o.sample.category === 'civil');
  const civilHeld = rate(civil.filter((o) => o.caught).length, civil.length);
  const targets: Target[] = TARGETS.kinds.map((kind) => {
    // English samples of the kind, plain and disguised; other languages are reported apart.
    const of = outcomes.filter((o) => o.positive && (o.sample.category === kind || (o.sample.category === 'obfuscated' && o.sample.kind === kind)));
    const r = rate(of.filter((o) => o.caught).length, of.length);
    return {
      name: `${kind} recall`, value: r.value, limit: TARGETS.recall, direction: 'min' as const,
      met: r.value === null || r.value >= TARGETS.recall, detail: `${r.count}/${r.of} (${kind} + obfuscated ${kind})`,
    };
  });
  targets.push({
    name: 'civil held', value: civilHeld.value, limit: TARGETS.civilHeld, direction: 'max',
    met: civilHeld.value === null || civilHeld.value <= TARGETS.civilHeld, detail: `${civilHeld.count}/${civilHeld.of} civil comments held`,
  });
  const pos = outcomes.filter((o) => o.positive);
  const neg = outcomes.filter((o) => !o.positive);
  return {
    samples: outcomes.length,
    categories,
    breakdown,
    detectors,
    overall: {
      recall: rate(pos.filter((o) => o.caught).length, pos.length),
      falsePositiveRate: rate(neg.filter((o) => o.caught).length, neg.length),
      civilHeld,
      exact: rate(outcomes.filter((o) => o.status === o.sample.expect).length, outcomes.length),
    },
    targets,
    misclassified: outcomes.filter((o) => o.positive !== o.caught),
    meanMs: outcomes.length ? outcomes.reduce((s, o) => s + o.ms, 0) / outcomes.length : 0,
  };
}
