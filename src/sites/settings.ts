// Per-site settings with their defaults. Stored as JSON so later modules can add keys
// without a migration; unknown or invalid stored values fall back to the default.
import { defaultInline, parseInline, type InlineSettings } from '../inline/settings.ts';

export type Theme = 'auto' | 'light' | 'dark';

export interface SiteSettings {
  /** Levels of nesting shown; replies deeper than this attach at the deepest level. */
  maxDepth: number;
  /** How long a guest may edit or delete their comment, in seconds. */
  editWindowSeconds: number;
  theme: Theme;
  /** What deleting a reader's account does to their comments: keep them as "deleted user", or remove them. */
  onAccountDelete: 'anonymise' | 'remove';
  /** JWKS URL of the publisher's SSO signing keys (RS256/ES256); null: HS256 with SSO_SECRET only. */
  ssoJwksUrl: string | null;
  /** The moderation module's settings as stored (it resolves and validates them: moderation/site-settings.ts). */
  moderation: Record<string, unknown>;
  /** Bumped by every save through the admin API: optimistic concurrency and compiled-list caches. */
  version: number;
  /** Inline feedback: attraction of editor questions, reader selection, article root (inline/settings.ts). */
  inline: InlineSettings;
}

export const defaultSettings: SiteSettings = {
  maxDepth: 5,
  editWindowSeconds: 15 * 60,
  theme: 'auto',
  onAccountDelete: 'anonymise',
  ssoJwksUrl: null,
  moderation: {},
  version: 0,
  inline: defaultInline,
};

export function parseSettings(json: string): SiteSettings {
  let stored: unknown = {};
  try {
    stored = JSON.parse(json);
  } catch {
    // Fall through to defaults: a damaged row must not take the site down.
  }
  return resolveSettings(stored);
}

/** Settings already parsed (a stored row, or a value being validated), defaults filled in. */
export function resolveSettings(value: unknown): SiteSettings {
  const stored = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Partial<SiteSettings>;
  const intIn = (value: unknown, min: number, max: number, fallback: number) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;
  return {
    maxDepth: intIn(stored.maxDepth, 1, 10, defaultSettings.maxDepth),
    editWindowSeconds: intIn(stored.editWindowSeconds, 0, 7 * 24 * 3600, defaultSettings.editWindowSeconds),
    theme: stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : defaultSettings.theme,
    onAccountDelete: stored.onAccountDelete === 'remove' ? 'remove' : defaultSettings.onAccountDelete,
    ssoJwksUrl: typeof stored.ssoJwksUrl === 'string' && /^https?:\/\//.test(stored.ssoJwksUrl) ? stored.ssoJwksUrl : null,
    moderation: stored.moderation && typeof stored.moderation === 'object' && !Array.isArray(stored.moderation) ? stored.moderation : {},
    version: intIn(stored.version, 0, Number.MAX_SAFE_INTEGER, 0),
    inline: parseInline(stored.inline),
  };
}
