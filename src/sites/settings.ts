// Per-site settings with their defaults. Stored as JSON so later modules can add keys
// without a migration; unknown or invalid stored values fall back to the default.
export type Theme = 'auto' | 'light' | 'dark';

export interface SiteSettings {
  /** Levels of nesting shown; replies deeper than this attach at the deepest level. */
  maxDepth: number;
  /** How long a guest may edit or delete their comment, in seconds. */
  editWindowSeconds: number;
  theme: Theme;
}

export const defaultSettings: SiteSettings = {
  maxDepth: 5,
  editWindowSeconds: 15 * 60,
  theme: 'auto',
};

export function parseSettings(json: string): SiteSettings {
  let stored: Partial<SiteSettings> = {};
  try {
    stored = JSON.parse(json) as Partial<SiteSettings>;
  } catch {
    // Fall through to defaults: a damaged row must not take the site down.
  }
  const intIn = (value: unknown, min: number, max: number, fallback: number) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fallback;
  return {
    maxDepth: intIn(stored.maxDepth, 1, 10, defaultSettings.maxDepth),
    editWindowSeconds: intIn(stored.editWindowSeconds, 0, 7 * 24 * 3600, defaultSettings.editWindowSeconds),
    theme: stored.theme === 'light' || stored.theme === 'dark' ? stored.theme : defaultSettings.theme,
  };
}
