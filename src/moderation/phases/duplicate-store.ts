// Recent fingerprints for the duplicates phase: the interface a store implements, and a
// bounded in-memory one for a single process. With REDIS_URL the server keeps them in Redis
// (redis-fingerprint-store.ts), so every node sees every node's comments.

export interface FingerprintEntry {
  /** The comment's id: an edit replaces the entry of its comment. */
  commentId: string;
  siteId: string;
  /** ms since the epoch. */
  at: number;
  /** The author's identity keys ("visitor:…", "ip:…", see identity.ts keyString). */
  authorKeys: string[];
  exact: string;
  minhash: Uint32Array;
  bands: number[];
  length: number;
}

export interface CandidateQuery {
  siteId: string;
  /** Entries sharing any of these bands… */
  bands: number[];
  /** …or any of these author keys… */
  authorKeys: string[];
  /** …recorded at or after this time (ms). */
  since: number;
}

/** What a store gives back: an entry without its band keys (they were only for finding it). */
export type StoredFingerprint = Omit<FingerprintEntry, 'bands'>;

export interface FingerprintStore {
  /** Recent entries of the site that may be near-duplicates of a text or are by the same author. */
  candidates(query: CandidateQuery): Promise<StoredFingerprint[]> | StoredFingerprint[];
  /** Records a stored comment's fingerprint (replacing its earlier one, for an edit), to be
   * found for `keepMs` (the site's longest duplicate window). */
  add(entry: FingerprintEntry, keepMs: number): Promise<void> | void;
}

export interface MemoryStoreOptions {
  /** Most entries kept; the oldest go first. */
  maxEntries?: number;
  /** Entries older than this are dropped (ms); windows longer than it see less. */
  retentionMs?: number;
  /** Most entries kept per band and per author key (the newest): bounds the work per comment
   * even when a campaign posts thousands of copies (a few dozen show it is one). */
  perKey?: number;
  now?: () => number;
}

/** What a key of the index holds: one entry alone (most keys: the bands of a text seen once),
 * or a list, oldest first, once a second arrives. No array per key: 10,000 comments make
 * about 180,000 keys, and the collector walks all of them. */
type Slot = FingerprintEntry | FingerprintEntry[];

interface SiteIndex {
  bands: Map<number, Slot>;
  authors: Map<string, Slot>;
}

function link<K>(map: Map<K, Slot>, key: K, entry: FingerprintEntry, perKey: number): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, entry);
  else if (!Array.isArray(slot)) map.set(key, [slot, entry]);
  else {
    slot.push(entry);
    if (slot.length > perKey) slot.shift();
  }
}

function unlink<K>(map: Map<K, Slot>, key: K, entry: FingerprintEntry): void {
  const slot = map.get(key);
  if (slot === entry) map.delete(key);
  else if (Array.isArray(slot)) {
    const at = slot.indexOf(entry);
    if (at >= 0) slot.splice(at, 1);
    if (slot.length === 0) map.delete(key);
  }
}

function each(slot: Slot | undefined, visit: (entry: FingerprintEntry) => void): void {
  if (slot === undefined) return;
  if (Array.isArray(slot)) for (const entry of slot) visit(entry);
  else visit(slot);
}

/** A stored entry, with the last candidates() call that took it. */
type Marked = FingerprintEntry & { takenBy: number };

/** Bounded in-memory store: one process's recent comments; forgotten on restart. */
export function createMemoryFingerprintStore(options: MemoryStoreOptions = {}): FingerprintStore & { size(): number } {
  const { maxEntries = 10_000, retentionMs = 2 * 24 * 60 * 60 * 1000, perKey = 64, now = Date.now } = options;
  // Insertion order is age order, so eviction takes the first entries.
  const entries = new Map<string, Marked>();
  let calls = 0;
  const sites = new Map<string, SiteIndex>();

  const siteIndex = (siteId: string) => {
    let index = sites.get(siteId);
    if (!index) sites.set(siteId, (index = { bands: new Map(), authors: new Map() }));
    return index;
  };

  function remove(id: string) {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    const index = siteIndex(entry.siteId);
    for (const band of entry.bands) unlink(index.bands, band, entry);
    for (const key of entry.authorKeys) unlink(index.authors, key, entry);
    if (index.bands.size === 0 && index.authors.size === 0) sites.delete(entry.siteId);
  }

  return {
    candidates({ siteId, bands, authorKeys, since }) {
      const index = sites.get(siteId);
      if (!index) return [];
      // An entry under several of the keys is taken once: marked with this call's stamp (a
      // campaign's copies share most bands, and a Set of hundreds cost more than the rest).
      const call = ++calls;
      const found: FingerprintEntry[] = [];
      const take = (entry: FingerprintEntry) => {
        const marked = entry as Marked;
        if (marked.takenBy === call || entry.at < since) return;
        marked.takenBy = call;
        found.push(entry);
      };
      for (const band of bands) each(index.bands.get(band), take);
      for (const key of authorKeys) each(index.authors.get(key), take);
      return found;
    },
    async add(given) {
      const id = `${given.siteId}\0${given.commentId}`;
      remove(id);
      const entry: Marked = { ...given, takenBy: 0 };
      entries.set(id, entry);
      const index = siteIndex(entry.siteId);
      for (const band of entry.bands) link(index.bands, band, entry, perKey);
      for (const key of entry.authorKeys) link(index.authors, key, entry, perKey);
      const oldest = now() - retentionMs;
      for (const [key, e] of entries) {
        if (entries.size <= maxEntries && e.at >= oldest) break;
        remove(key);
      }
    },
    size: () => entries.size,
  };
}
