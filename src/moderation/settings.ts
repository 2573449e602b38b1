// Per-site moderation settings with their defaults. The sites module stores them as JSON;
// resolveModerationSettings turns whatever is stored (possibly partial, old or damaged) into a
// complete, valid object, falling back to the default value by value.
import type { TermInput, TermLists } from './terms.ts';

export type ScoreCategory =
  | 'profanity' // swearing not aimed at anyone
  | 'insult' // insults and profanity aimed at a person
  | 'slur' // slurs, coded hate terms and numbers
  | 'dehumanising' // groups called vermin, animals, a disease...
  | 'threat' // threats, incitement, wishes of death
  | 'self-harm' // "kill yourself" taunts
  | 'shouting' // long text mostly in capitals
  | 'repetition'; // repeated words, characters, lines

export const SCORE_CATEGORIES: readonly ScoreCategory[] = [
  'profanity', 'insult', 'slur', 'dehumanising', 'threat', 'self-harm', 'shouting', 'repetition',
];

/** A category's score at or above `pending` holds the comment, at or above `rejected` rejects
 * it; null turns that action off. Scores run 0..1. */
export interface Threshold {
  pending: number | null;
  rejected: number | null;
}

export interface ModerationSettings {
  terms: TermLists;
  scorer: {
    enabled: boolean;
    thresholds: Record<ScoreCategory, Threshold>;
  };
}

/** Innocent words that contain listed terms; only matter for prefix, suffix and "any" terms
 * (whole-word terms already pass them), and for sites whose lists use those modes. */
export const DEFAULT_ALLOW: readonly string[] = [
  'scunthorpe', 'penistone', 'cockburn', 'hancock', 'peacock', 'cocktail', 'cockpit', 'shuttlecock',
  'hitchcock', 'assassin', 'assassinate', 'assassination', 'bass', 'bassist', 'cassette', 'classic',
  'essex', 'sussex', 'wessex', 'middlesex', 'analysis', 'analyst', 'analytics', 'therapist', 'grape',
  'drape', 'scrape', 'document', 'cucumber', 'circumstance', 'accumulate', 'dickens', 'shitake',
  'shiitake', 'snigger', 'sniggers', 'sniggered', 'sniggering', 'niggle', 'niggles', 'niggling',
  'niggardly', 'niger', 'nigeria', 'nigerian', 'nigerians', 'raccoon', 'cocoon', 'tycoon', 'maine coon',
  'spice', 'spicy', 'title', 'titillate', 'button', 'buttress', 'arsenal', 'therapists', 'cockney',
];

/** Defaults: civil and harsh-but-allowed comments pass; a person insulted, a slur, threats,
 * dehumanising language and self-harm taunts are held or rejected (see docs/MODERATION.md). */
export const DEFAULT_THRESHOLDS: Readonly<Record<ScoreCategory, Threshold>> = {
  profanity: { pending: 0.8, rejected: null },
  insult: { pending: 0.6, rejected: 1 },
  slur: { pending: 0.5, rejected: 0.9 },
  dehumanising: { pending: 0.5, rejected: 0.9 },
  threat: { pending: 0.5, rejected: 0.9 },
  'self-harm': { pending: 0.5, rejected: 0.9 },
  shouting: { pending: 0.9, rejected: null },
  repetition: { pending: 0.8, rejected: null },
};

export const defaultModerationSettings: ModerationSettings = {
  terms: { version: 'default', banned: [], suspect: [], allow: [...DEFAULT_ALLOW] },
  scorer: { enabled: true, thresholds: { ...DEFAULT_THRESHOLDS } },
};

const MODES = new Set(['word', 'stem', 'prefix', 'suffix', 'any']);
const MAX_TERMS = 50_000;
const MAX_TERM_LENGTH = 200;

function termList(value: unknown): TermInput[] {
  if (!Array.isArray(value)) return [];
  const out: TermInput[] = [];
  for (const item of value.slice(0, MAX_TERMS)) {
    if (typeof item === 'string' && item.length <= MAX_TERM_LENGTH) out.push(item);
    else if (item && typeof item === 'object' && typeof item.term === 'string' && item.term.length <= MAX_TERM_LENGTH) {
      out.push({
        term: item.term,
        category: typeof item.category === 'string' ? item.category : undefined,
        match: MODES.has(item.match) ? item.match : undefined,
        suffixes: Array.isArray(item.suffixes) ? item.suffixes.filter((s: unknown) => typeof s === 'string') : undefined,
      });
    }
  }
  return out;
}

function level(value: unknown, fallback: number | null): number | null {
  if (value === null) return null;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
}

/** A complete, valid settings object from stored JSON (already parsed) of unknown shape. */
export function resolveModerationSettings(stored: unknown): ModerationSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, any>;
  const terms = (s.terms && typeof s.terms === 'object' ? s.terms : {}) as Record<string, unknown>;
  const scorer = (s.scorer && typeof s.scorer === 'object' ? s.scorer : {}) as Record<string, any>;
  const storedThresholds = (scorer.thresholds && typeof scorer.thresholds === 'object' ? scorer.thresholds : {}) as Record<string, any>;
  const thresholds = {} as Record<ScoreCategory, Threshold>;
  for (const category of SCORE_CATEGORIES) {
    const given = storedThresholds[category] ?? {};
    const fallback = DEFAULT_THRESHOLDS[category];
    thresholds[category] = { pending: level(given.pending, fallback.pending), rejected: level(given.rejected, fallback.rejected) };
  }
  const allow = Array.isArray(terms.allow) ? terms.allow.filter((w): w is string => typeof w === 'string') : [...DEFAULT_ALLOW];
  return {
    terms: {
      version: typeof terms.version === 'string' || typeof terms.version === 'number' ? String(terms.version) : 'default',
      banned: termList(terms.banned),
      suspect: termList(terms.suspect),
      allow,
    },
    scorer: { enabled: scorer.enabled !== false, thresholds },
  };
}
