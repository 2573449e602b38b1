// Recent fingerprints for the duplicates phase: the interface a store implements. One process
// keeps them in memory (memory-fingerprint-store.ts); with REDIS_URL the server keeps them in
// Redis (redis-fingerprint-store.ts), so every node sees every node's comments.

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
  /** The text's own fingerprint and the site's similarity threshold: a store may leave out
   * entries less similar than that (the phase compares every entry it gets anyway). */
  like?: Pick<FingerprintEntry, 'minhash' | 'exact'> & { similarity: number };
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
