// Sites: who may embed them and how their threads behave.
import { notFound, forbidden } from '../platform/errors.ts';
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
}

const CACHE_MS = 5_000;

export function createSiteService(store: SiteStore): SiteService {
  const cache = new Map<string, { site: Site | null; until: number }>();

  async function load(id: string): Promise<Site | null> {
    const cached = cache.get(id);
    if (cached && cached.until > Date.now()) return cached.site;
    const row = await store.find(id);
    const site = row
      ? { id: row.id, name: row.name, origins: JSON.parse(row.origins) as string[], settings: parseSettings(row.settings) }
      : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(id, { site, until: Date.now() + CACHE_MS });
    return site;
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
      cache.delete(id);
      return (await load(id))!;
    },
  };
}
