// Per-site moderation settings with their defaults. The sites module stores them as JSON;
// resolveModerationSettings turns whatever is stored (possibly partial, old or damaged) into a
// complete, valid object, falling back to the default value by value.
import { normalizeDomain } from './phases/domains.ts';
import type { TermInput, TermLists } from './terms.ts';

export type ScoreCategory =
  | 'profanity' // swearing not aimed at anyone
  | 'insult' // insults and profanity aimed at a person
  | 'slur' // slurs, coded hate terms and numbers
  | 'dehumanising' // groups called vermin, animals, a disease...
  | 'threat' // threats, incitement, wishes of death
  | 'self-harm' // "kill yourself" taunts
  | 'shouting' // long text mostly in capitals
  | 'repetition' // repeated words, characters, lines
  | 'spam'; // sales bait plus a link or contact; "rejected" marks the comment as spam

export const SCORE_CATEGORIES: readonly ScoreCategory[] = [
  'profanity', 'insult', 'slur', 'dehumanising', 'threat', 'self-harm', 'shouting', 'repetition', 'spam',
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
  closing: ClosingSettings;
  bots: BotSettings;
  duplicates: DuplicateSettings;
  links: LinkSettings;
  premoderation: PremoderationSettings;
  classifiers: ClassifierSettings;
}

/** What a rule does when it fires: hold for a moderator, mark as spam, reject; "allow" turns it off. */
export type RuleAction = 'allow' | 'pending' | 'spam' | 'rejected';

export interface ClosingSettings {
  /** Every thread of the site refuses new comments (and edits). */
  siteClosed: boolean;
  /** Threads refuse comments this many days after they were created; null: never. */
  autoCloseDays: number | null;
}

export interface BotSettings {
  /** The widget's hidden field `hp`: any value marks the comment as spam (the bot is not told). */
  honeypot: boolean;
  /** Guests must send a solved ALTCHA proof-of-work challenge (`altcha`); accounts need not. */
  altcha: boolean;
  /** What a guest comment without a valid, unused ALTCHA solution becomes. */
  altchaFailure: 'pending' | 'spam' | 'rejected';
}

export interface DuplicateRule {
  /** How far back to look, in minutes. */
  windowMinutes: number;
  /** Texts shorter than this (folded letters and digits) are never compared: "Thanks!" is no campaign. */
  minLength: number;
  action: RuleAction;
}

export interface DuplicateSettings {
  enabled: boolean;
  /** Estimated share of common 5-character shingles (Jaccard, 0..1) at which two folded texts
   * count as the same text; 1 means identical after folding. */
  similarity: number;
  /** The same author posting the same or nearly the same text again (any thread of the site). */
  sameAuthor: DuplicateRule;
  /** The same text from at least `minAuthors` distinct identities (this one included). */
  crossAuthor: DuplicateRule & { minAuthors: number };
}

export interface LinkSettings {
  enabled: boolean;
  /** More links than this (not counting allow-listed domains) → `tooMany`. */
  max: number;
  tooMany: RuleAction;
  /** Domains (with their subdomains) that are always fine. */
  allow: string[];
  /** Domains (with their subdomains) that are never fine → `denyAction`. */
  deny: string[];
  denyAction: RuleAction;
  /** Links to domains not on `allow`: "allow" (default), or hold them ("pending") to run an allow-list. */
  unlisted: RuleAction;
  /** Links through URL shorteners (built-in list plus `shortenerDomains`); they are never fetched. */
  shorteners: RuleAction;
  shortenerDomains: string[];
  /** A comment that is nothing but links. */
  linkOnly: RuleAction;
  /** Disguised links: "example dot com", "hxxp://", "example[.]com". */
  obfuscated: RuleAction;
}

export type PremoderationMode = 'none' | 'first' | 'all';

export interface PremoderationSettings {
  /** none; first: an author's comments are held until `firstCount` of theirs were approved; all. */
  mode: PremoderationMode;
  firstCount: number;
}

export type FailurePolicy = 'open' | 'closed';

export const PERSPECTIVE_ATTRIBUTES = ['TOXICITY', 'SEVERE_TOXICITY', 'IDENTITY_ATTACK', 'THREAT', 'INSULT'] as const;
export type PerspectiveAttribute = (typeof PERSPECTIVE_ATTRIBUTES)[number];

export interface ClassifierSettings {
  /** Longest wait for one classifier, in ms; then its failure policy applies. */
  timeoutMs: number;
  perspective: {
    enabled: boolean;
    /** open: a failure lets the comment through; closed: holds it ("classifier unavailable"). */
    failure: FailurePolicy;
    /** Languages sent to Perspective; empty lets it detect the language. */
    languages: string[];
    thresholds: Record<PerspectiveAttribute, Threshold>;
  };
  akismet: {
    enabled: boolean;
    failure: FailurePolicy;
    /** What Akismet's "spam" verdict does (its "discard" tip always marks spam). */
    action: 'pending' | 'spam';
  };
  http: {
    enabled: boolean;
    failure: FailurePolicy;
    /** Thresholds by the model's labels (its `scores` keys); labels not listed only explain. */
    thresholds: Record<string, Threshold>;
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
  spam: { pending: 0.6, rejected: 0.85 },
};

/** Perspective's scores are probabilities that a reader would perceive the attribute; these
 * lines hold what is likely and reject only what is nearly certain and severe. */
export const DEFAULT_PERSPECTIVE_THRESHOLDS: Readonly<Record<PerspectiveAttribute, Threshold>> = {
  TOXICITY: { pending: 0.85, rejected: null },
  SEVERE_TOXICITY: { pending: 0.7, rejected: 0.9 },
  IDENTITY_ATTACK: { pending: 0.7, rejected: 0.95 },
  THREAT: { pending: 0.7, rejected: 0.95 },
  INSULT: { pending: 0.85, rejected: null },
};

export const defaultModerationSettings: ModerationSettings = {
  terms: { version: 'default', banned: [], suspect: [], allow: [...DEFAULT_ALLOW] },
  scorer: { enabled: true, thresholds: { ...DEFAULT_THRESHOLDS } },
  closing: { siteClosed: false, autoCloseDays: null },
  bots: { honeypot: true, altcha: true, altchaFailure: 'spam' },
  duplicates: {
    enabled: true,
    similarity: 0.7,
    sameAuthor: { windowMinutes: 24 * 60, minLength: 20, action: 'spam' },
    crossAuthor: { windowMinutes: 60, minLength: 40, action: 'pending', minAuthors: 3 },
  },
  links: {
    enabled: true, max: 3, tooMany: 'pending', allow: [], deny: [], denyAction: 'spam', unlisted: 'allow',
    shorteners: 'pending', shortenerDomains: [], linkOnly: 'pending', obfuscated: 'pending',
  },
  premoderation: { mode: 'none', firstCount: 1 },
  classifiers: {
    timeoutMs: 2000,
    perspective: { enabled: false, failure: 'open', languages: [], thresholds: { ...DEFAULT_PERSPECTIVE_THRESHOLDS } },
    akismet: { enabled: false, failure: 'open', action: 'spam' },
    http: { enabled: false, failure: 'open', thresholds: {} },
  },
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
    closing: resolveClosing(object(s.closing)),
    bots: resolveBots(object(s.bots)),
    duplicates: resolveDuplicates(object(s.duplicates)),
    links: resolveLinks(object(s.links)),
    premoderation: resolvePremoderation(object(s.premoderation)),
    classifiers: resolveClassifiers(object(s.classifiers)),
  };
}

// Helpers for the sections below: each value that is missing or invalid takes its default.

function object(value: unknown): Record<string, any> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, any>) : {};
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function integer(value: unknown, min: number, max: number, fallback: number): number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function domains(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return [...fallback];
  const out = new Set<string>();
  for (const item of value.slice(0, MAX_TERMS)) {
    const domain = typeof item === 'string' && item.length <= 253 ? normalizeDomain(item) : null;
    if (domain) out.add(domain);
  }
  return [...out];
}

function threshold(value: unknown, fallback: Threshold): Threshold {
  const given = object(value);
  return { pending: level(given.pending, fallback.pending), rejected: level(given.rejected, fallback.rejected) };
}

const ACTIONS: readonly RuleAction[] = ['allow', 'pending', 'spam', 'rejected'];
const POLICIES: readonly FailurePolicy[] = ['open', 'closed'];

function resolveClosing(c: Record<string, any>): ClosingSettings {
  const d = defaultModerationSettings.closing;
  return {
    siteClosed: flag(c.siteClosed, d.siteClosed),
    autoCloseDays: Number.isInteger(c.autoCloseDays) && c.autoCloseDays >= 1 && c.autoCloseDays <= 36_500 ? c.autoCloseDays : d.autoCloseDays,
  };
}

function resolveBots(b: Record<string, any>): BotSettings {
  const d = defaultModerationSettings.bots;
  return {
    honeypot: flag(b.honeypot, d.honeypot),
    altcha: flag(b.altcha, d.altcha),
    altchaFailure: oneOf(b.altchaFailure, ['pending', 'spam', 'rejected'], d.altchaFailure),
  };
}

function duplicateRule(r: Record<string, any>, d: DuplicateRule): DuplicateRule {
  return {
    windowMinutes: integer(r.windowMinutes, 1, 30 * 24 * 60, d.windowMinutes),
    minLength: integer(r.minLength, 1, 10_000, d.minLength),
    action: oneOf(r.action, ACTIONS, d.action),
  };
}

function resolveDuplicates(u: Record<string, any>): DuplicateSettings {
  const d = defaultModerationSettings.duplicates;
  const cross = object(u.crossAuthor);
  const similarity = typeof u.similarity === 'number' && u.similarity >= 0.5 && u.similarity <= 1 ? u.similarity : d.similarity;
  return {
    enabled: flag(u.enabled, d.enabled),
    similarity,
    sameAuthor: duplicateRule(object(u.sameAuthor), d.sameAuthor),
    crossAuthor: { ...duplicateRule(cross, d.crossAuthor), minAuthors: integer(cross.minAuthors, 2, 1000, d.crossAuthor.minAuthors) },
  };
}

function resolveLinks(l: Record<string, any>): LinkSettings {
  const d = defaultModerationSettings.links;
  return {
    enabled: flag(l.enabled, d.enabled),
    max: integer(l.max, 0, 1000, d.max),
    tooMany: oneOf(l.tooMany, ACTIONS, d.tooMany),
    allow: domains(l.allow, d.allow),
    deny: domains(l.deny, d.deny),
    denyAction: oneOf(l.denyAction, ACTIONS, d.denyAction),
    unlisted: oneOf(l.unlisted, ACTIONS, d.unlisted),
    shorteners: oneOf(l.shorteners, ACTIONS, d.shorteners),
    shortenerDomains: domains(l.shortenerDomains, d.shortenerDomains),
    linkOnly: oneOf(l.linkOnly, ACTIONS, d.linkOnly),
    obfuscated: oneOf(l.obfuscated, ACTIONS, d.obfuscated),
  };
}

function resolvePremoderation(p: Record<string, any>): PremoderationSettings {
  const d = defaultModerationSettings.premoderation;
  return { mode: oneOf(p.mode, ['none', 'first', 'all'], d.mode), firstCount: integer(p.firstCount, 1, 100, d.firstCount) };
}

function resolveClassifiers(c: Record<string, any>): ClassifierSettings {
  const d = defaultModerationSettings.classifiers;
  const p = object(c.perspective);
  const a = object(c.akismet);
  const h = object(c.http);
  const storedPerspective = object(p.thresholds);
  const perspectiveThresholds = {} as Record<PerspectiveAttribute, Threshold>;
  for (const attribute of PERSPECTIVE_ATTRIBUTES) {
    perspectiveThresholds[attribute] = threshold(storedPerspective[attribute], d.perspective.thresholds[attribute]);
  }
  const httpThresholds: Record<string, Threshold> = {};
  for (const [label, value] of Object.entries(object(h.thresholds)).slice(0, 100)) {
    if (/^[\w.:-]{1,64}$/.test(label)) httpThresholds[label] = threshold(value, { pending: null, rejected: null });
  }
  return {
    timeoutMs: integer(c.timeoutMs, 50, 30_000, d.timeoutMs),
    perspective: {
      enabled: flag(p.enabled, d.perspective.enabled),
      failure: oneOf(p.failure, POLICIES, d.perspective.failure),
      languages: Array.isArray(p.languages)
        ? p.languages.filter((l: unknown): l is string => typeof l === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(l)).slice(0, 10)
        : [...d.perspective.languages],
      thresholds: perspectiveThresholds,
    },
    akismet: {
      enabled: flag(a.enabled, d.akismet.enabled),
      failure: oneOf(a.failure, POLICIES, d.akismet.failure),
      action: oneOf(a.action, ['pending', 'spam'], d.akismet.action),
    },
    http: { enabled: flag(h.enabled, d.http.enabled), failure: oneOf(h.failure, POLICIES, d.http.failure), thresholds: httpThresholds },
  };
}
