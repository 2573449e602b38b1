// Sites: who may embed them and how their threads behave.
import type { Bus } from '../platform/bus.ts';
import { conflict, notFound, forbidden } from '../platform/errors.ts';
import { createSiteCache } from '../platform/site-cache.ts';
import { defaultSettings, parseSettings, type SiteSettings } from './settings.ts';
import type { SiteStore } from './store.ts';

export interface Site {
  id: string;
  name: string;
  origins: string[];
  settings: SiteSettings;
}

export interface SiteService {
  /** The site, or a 404 error naming it. Cached: sites change rarely and every read needs one. */
  require(id: string): Promise<Site>;
  /** Throws 403 when a browser on `origin` may not use the site. No Origin header: not a browser call. */
  checkOrigin(site: Site, origin: string | undefined): void;
  isOriginAllowed(site: Site, origin: string): boolean;
  ensure(id: string, name: string, origins: string[], settings?: Partial<SiteSettings>): Promise<Site>;
  list(): Promise<Array<{ id: string; name: string }>>;
  /**
   * Replaces top-level keys of the stored settings (keys not in `changes` are kept) if the
   * stored version is still `expectedVersion`, and bumps it; 409 version_conflict otherwise.
   * Every node sharing the bus drops its cached copy at once (a site.updated signal).
   */
  saveSettings(id: string, expectedVersion: number, changes: Record<string, unknown>): Promise<Site>;
}

export interface SiteServiceOptions {
  /** Tells the other nodes (and this one) when a site changes, so no node serves stale settings. */
  bus?: Pick<Bus, 'signal' | 'onSignal' | 'onGap'>;
}

export function createSiteService(store: SiteStore, { bus }: SiteServiceOptions = {}): SiteService {
  // Sites change rarely and every request needs one: cached, and dropped on every node when one changes it.
  const { get: load, changed } = createSiteCache<Site | null>({
    ttlMs: 5_000,
    signal: 'site.updated',
    bus,
    async load(id) {
      const row = await store.find(id);
      return row ? { id: row.id, name: row.name, origins: JSON.parse(row.origins) as string[], settings: settingsOf(id, row.settings) } : null;
    },
  });

  // A reload after the expiry mostly finds the settings unchanged: the parsed copy is kept, so
  // 10,000 site terms are not parsed and resolved again every few seconds on a busy node
  // (and what is derived from the settings object, siteModeration(), stays cached too).
  const parsed = new Map<string, { json: string; settings: SiteSettings }>();
  function settingsOf(id: string, json: string): SiteSettings {
    const known = parsed.get(id);
    if (known?.json === json) return known.settings;
    const settings = parseSettings(json);
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(id, { json, settings });
    return settings;
  }

  function isOriginAllowed(site: Site, origin: string): boolean {
    return site.origins.includes('*') || site.origins.includes(origin);
  }

  return {
    async require(id) {
      const site = await load(id);
      if (!site) throw notFound('site_not_found', `Unknown site "${id}"`);
      return site;
    },
    checkOrigin(site, origin) {
      if (origin === undefined) return;
      if (!isOriginAllowed(site, origin)) throw forbidden('origin_not_allowed', `Origin ${origin} may not embed site "${site.id}"`);
    },
    isOriginAllowed,
    async ensure(id, name, origins, settings = {}) {
      const existing = await store.find(id);
      if (!existing) {
        await store.insert({
          id,
          name,
          origins: JSON.stringify(origins),
          settings: JSON.stringify({ ...defaultSettings, ...settings }),
          created_at: Date.now(),
        });
      } else if (existing.origins !== JSON.stringify(origins)) {
        await store.updateOrigins(id, origins);
      }
      changed(id);
      return (await load(id))!;
    },
    list: () => store.list(),
    async saveSettings(id, expectedVersion, changes) {
      const row = await store.find(id);
      if (!row) throw notFound('site_not_found', `Unknown site "${id}"`);
      const stale = () => conflict('version_conflict', 'The settings were changed meanwhile; reload them', 'version');
      if (parseSettings(row.settings).version !== expectedVersion) throw stale();
      let stored: Record<string, unknown> = {};
      try {
        stored = JSON.parse(row.settings) as Record<string, unknown>;
      } catch {
        // A damaged row is replaced whole.
      }
      const next = JSON.stringify({ ...stored, ...changes, version: expectedVersion + 1 });
      if (!(await store.replaceSettings(id, row.settings, next))) throw stale();
      changed(id);
      return (await load(id))!;
    },
  };
}
