// A site's moderation settings as the pipeline and the console see them: the stored JSON
// resolved (defaults filled in), plus the sections this module owns (reports, rate limits).
// Saving validates a partial change by resolving it: any value the resolvers would not keep
// as given is refused, naming its path, so validation never drifts from what is applied.
import { isDeepStrictEqual } from 'node:util';
import { badRequest } from '../platform/errors.ts';
import type { Site } from '../sites/service.ts';
import { parseSettings } from '../sites/settings.ts';
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

/** What GET settings answers: every site setting with defaults filled in. */
export function settingsView(site: Site) {
  const { moderation: _stored, version, ...rest } = site.settings;
  const moderation = resolveSiteModeration(site.settings.moderation);
  const { version: _terms, ...terms } = moderation.terms;
  return { site: site.id, version, settings: { ...rest, moderation: { ...moderation, terms } } };
}

/** Objects merge key by key at every depth; anything else replaces. */
export function deepMerge(base: unknown, change: unknown): unknown {
  if (!isObject(base) || !isObject(change)) return change;
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(change)) out[key] = deepMerge(base[key], value);
  return out;
}

/** The first path in `given` whose value the resolved settings do not hold as given; null when all do. */
function firstMismatch(given: unknown, kept: unknown, path: string): string | null {
  if (isObject(given)) {
    if (!isObject(kept)) return path;
    for (const [key, value] of Object.entries(given)) {
      if (!Object.hasOwn(kept, key)) return `${path}.${key}`;
      const bad = firstMismatch(value, kept[key], `${path}.${key}`);
      if (bad) return bad;
    }
    return null;
  }
  if (Array.isArray(given)) return Array.isArray(kept) && kept.length === given.length ? null : path;
  return isDeepStrictEqual(given, kept) ? null : path;
}

const invalid = (field: string) => badRequest('invalid_request', `${field} is not a valid setting or value`, field);

/**
 * The top-level changes to store for a partial update, after checking every given value is
 * one the resolvers keep. Throws 400 naming the first bad field.
 */
export function settingsChanges(site: Site, patch: Json): Json {
  const changes: Json = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'version') throw invalid('settings.version');
    if (key === 'moderation') {
      if (!isObject(value)) throw invalid('settings.moderation');
      const merged = deepMerge(site.settings.moderation, value) as Json;
      const bad = firstMismatch(value, resolveSiteModeration(merged), 'settings.moderation');
      if (bad) throw invalid(bad);
      changes.moderation = merged;
      continue;
    }
    const parsed = parseSettings(JSON.stringify({ [key]: value })) as unknown as Json;
    const bad = firstMismatch({ [key]: value }, Object.hasOwn(parsed, key) && key !== 'moderation' ? { [key]: parsed[key] } : {}, 'settings');
    if (bad) throw invalid(bad);
    changes[key] = value;
  }
  return changes;
}
