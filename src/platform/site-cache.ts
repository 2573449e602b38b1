// A per-site value kept in memory (a site's settings, its active bans) and dropped on every
// node the moment it changes: the node that changes it sends a site signal on the bus, and
// every node (this one included) forgets its copy. The expiry covers what bypasses the bus
// (a CLI writing to the database of a server running without Redis); a reconnect that may
// have lost signals (onGap) forgets everything.
import type { Bus, SiteSignal } from './bus.ts';

export interface SiteCacheOptions<T> {
  /** Reads the site's value from the database. */
  load(siteId: string): Promise<T>;
  ttlMs: number;
  /** The signal that means "this site's value changed". */
  signal: SiteSignal['name'];
  bus?: Pick<Bus, 'signal' | 'onSignal' | 'onGap'>;
  /** Most sites kept; past it the cache starts again (sites are few; this bounds a flood of unknown ids). */
  maxSites?: number;
  now?: () => number;
}

export interface SiteCache<T> {
  get(siteId: string): Promise<T>;
  /** Call after changing a site's value: every node reads it afresh. */
  changed(siteId: string): void;
}

export function createSiteCache<T>({ load, ttlMs, signal, bus, maxSites = 10_000, now = Date.now }: SiteCacheOptions<T>): SiteCache<T> {
  // The promise is stored at once: concurrent readers share one load, and a change made while
  // it runs deletes it, so its possibly stale answer is not kept.
  const entries = new Map<string, { value: Promise<T>; until: number }>();
  bus?.onSignal((s) => {
    if (s.name === signal) entries.delete(s.siteId);
  });
  bus?.onGap(() => entries.clear());

  return {
    get(siteId) {
      const cached = entries.get(siteId);
      if (cached && cached.until > now()) return cached.value;
      if (entries.size >= maxSites) entries.clear();
      const entry = { value: load(siteId), until: now() + ttlMs };
      entries.set(siteId, entry);
      entry.value.catch(() => {
        if (entries.get(siteId) === entry) entries.delete(siteId); // a failed read is not remembered
      });
      return entry.value;
    },
    changed(siteId) {
      entries.delete(siteId);
      bus?.signal({ siteId, name: signal });
    },
  };
}
