// A site's moderation settings as the pipeline and the console see them: the stored JSON
// resolved (defaults filled in), plus the sections this module owns (reports, rate limits).
// Saving validates a partial change by resolving it: any value the resolvers would not keep
// as given is refused, naming its path, so validation never drifts from what is applied.
import { isDeepStrictEqual } from 'node:util';
import { badRequest } from '../platform/errors.ts';
import type { Site } from '../sites/service.ts';
import { resolveSettings } from '../sites/settings.ts';
import { resolveModerationSettings, type ModerationSettings } from './settings.ts';

export interface ReportSettings {
  /** Summed reporter weight that hides a comment pending review. */
  threshold: number;
}

export interface RateLimitSettings {
  /** Posts per author per minute and per hour on this site (the server-wide flood limits still apply). */
  postsPerMinute: number;
  postsPerHour: number;
}

export interface SiteModeration extends ModerationSettings {
  reports: ReportSettings;
  rateLimits: RateLimitSettings;
}

export const DEFAULT_REPORTS: ReportSettings = { threshold: 3 };
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { postsPerMinute: 5, postsPerHour: 40 };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const intIn = (value: unknown, min: number, max: number, fallback: number) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;

export function resolveSiteModeration(stored: unknown): SiteModeration {
  const raw = isObject(stored) ? stored : {};
  const reports = isObject(raw.reports) ? raw.reports : {};
  const rates = isObject(raw.rateLimits) ? raw.rateLimits : {};
  return {
    ...resolveModerationSettings(raw),
    reports: { threshold: intIn(reports.threshold, 1, 100, DEFAULT_REPORTS.threshold) },
    rateLimits: {
      postsPerMinute: intIn(rates.postsPerMinute, 1, 1000, DEFAULT_RATE_LIMITS.postsPerMinute),
      postsPerHour: intIn(rates.postsPerHour, 1, 100_000, DEFAULT_RATE_LIMITS.postsPerHour),
    },
  };
}

const resolved = new WeakMap<object, SiteModeration>();

/**
 * The site's settings for the pipeline, resolved once per loaded copy of the site. Term lists
 * are versioned by the site's settings version, so the compiled automaton is rebuilt after a save.
 */
export function siteModeration(site: Site): SiteModeration {
  const stored = site.settings.moderation;
  let settings = resolved.get(stored);
  if (!settings) {
    settings = resolveSiteModeration(stored);
    settings.terms = { ...settings.terms, version: `${site.settings.version}:${settings.terms.version}` };
    resolved.set(stored, settings);
  }
  return settings;
}

/** The moderation settings as the API shows them: resolved, without the lists' internal version. */
function moderationView(stored: unknown) {
  const moderation = resolveSiteModeration(stored);
  const { version: _terms, ...terms } = moderation.terms;
  return { ...moderation, terms };
}

/** What GET settings answers: every site setting with defaults filled in. */
export function settingsView(site: Site) {
  const { moderation: _stored, version, ...rest } = site.settings;
  return { site: site.id, version, settings: { ...rest, moderation: moderationView(site.settings.moderation) } };
}

/** Objects merge key by key at every depth; anything else replaces. */
export function deepMerge(base: unknown, change: unknown): unknown {
  if (!isObject(base) || !isObject(change)) return change;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(change)) out[key] = deepMerge(base[key], value);
  return out;
}

/**
 * The first path in `given` whose value the resolvers do not keep as given (`kept`); null when
 * all are kept. `retry(v)` is what they keep at this path for `v` given alone (nothing else in
 * the patch, so a try costs little however long the site's lists), so a list with an entry
 * they drop names that entry ("….terms.banned.3"), tried one at a time: entries stand alone.
 */
function firstMismatch(given: unknown, kept: unknown, path: string, retry: (value: unknown) => unknown): string | null {
  if (isObject(given)) {
    if (!isObject(kept)) return path;
    for (const [key, value] of Object.entries(given)) {
      if (!Object.hasOwn(kept, key)) return `${path}.${key}`;
      const bad = firstMismatch(value, kept[key], `${path}.${key}`, (v) => {
        const probe = retry({ [key]: v });
        return isObject(probe) ? probe[key] : undefined;
      });
      if (bad) return bad;
    }
    return null;
  }
  if (Array.isArray(given)) {
    if (!Array.isArray(kept)) return path;
    // Entries may come back normalised (domains in lower case); a dropped one is refused, and
    // entries that are objects (terms with options) are checked key by key.
    if (kept.length === given.length) {
      for (const [i, entry] of given.entries()) {
        if (!isObject(entry)) continue;
        const bad = firstMismatch(entry, kept[i], `${path}.${i}`, (v) => {
          const probe = retry([v]);
          return Array.isArray(probe) ? probe[0] : undefined;
        });
        if (bad) return bad;
      }
      return null;
    }
    const dropped = given.slice(0, MAX_PROBED).findIndex((entry) => (retry([entry]) as unknown[] | undefined)?.length !== 1);
    return dropped >= 0 ? `${path}.${dropped}` : path;
  }
  return isDeepStrictEqual(given, kept) ? null : path;
}

/** Entries of a refused list tried one by one to name the bad one; past this, the list is named. */
const MAX_PROBED = 2000;

const invalid = (field: string) => badRequest('invalid_request', `${field} is not a valid setting or value`, field);

/** What the resolvers make of a top-level setting's value; undefined for a key no module knows. */
function resolvedAs(key: string, value: unknown): unknown {
  if (key === 'moderation') return moderationView(value);
  // Resolved as given, never serialised: a value nested 10,000 deep overflows JSON.stringify.
  const parsed = resolveSettings({ [key]: value }) as unknown as Json;
  return Object.hasOwn(parsed, key) && key !== 'version' ? parsed[key] : undefined;
}

/**
 * The top-level changes to store for a partial update (objects merged into what is stored),
 * after checking every given value is one the resolvers keep. Throws 400 naming the first bad field.
 */
export function settingsChanges(site: Site, patch: Json): Json {
  const stored = site.settings as unknown as Json;
  const changes: Json = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'moderation' && !isObject(value)) throw invalid('settings.moderation');
    const merged = deepMerge(stored[key], value);
    const kept = resolvedAs(key, merged);
    if (kept === undefined) throw invalid(`settings.${key}`);
    const bad = firstMismatch(value, kept, `settings.${key}`, (v) => resolvedAs(key, v));
    if (bad) throw invalid(bad);
    changes[key] = merged;
  }
  return changes;
}
