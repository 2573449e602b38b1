// Text fingerprints for near-duplicate detection: MinHash over 5-character shingles of the
// folded text (so "B U Y  cheap   pills!!!" and "buy cheap pills" are the same text), with
// locality-sensitive bands so a store finds likely matches without comparing every pair.
//
// 64 hash slots estimate the Jaccard similarity of two shingle sets (the share of equal
// slots); 16 bands of 4 slots make two texts with similarity 0.8 share a band with
// probability 0.9998, 0.7: 0.99, 0.6: 0.89, 0.5: 0.64, and unrelated texts (0.05) almost never.

export const SLOTS = 64;
export const BANDS = 16;
const ROWS = SLOTS / BANDS;
const SHINGLE = 5;

export interface Fingerprint {
  /** Hash of the whole folded text: equal for texts identical after folding. */
  exact: string;
  /** Minimum hash per slot over the text's shingles. */
  minhash: Uint32Array;
  /** One key per band: `${band}:${hash of its slots}`. */
  bands: string[];
  /** Length of the folded text without spaces. */
  length: number;
}

// Per-slot seeds from a fixed generator, so fingerprints agree across processes and restarts.
const SEEDS = (() => {
  const seeds = new Uint32Array(SLOTS);
  let x = 0x9e3779b9;
  for (let i = 0; i < SLOTS; i++) {
    x = (x + 0x6d2b79f5) >>> 0;
    seeds[i] = mix(x);
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a fast 32-bit mixer. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units of text[start, end). */
function fnv(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fingerprint of a folded text (Folded.text from normalize.ts). Spaces are dropped, so
 * "store,the" and "store, the" (one word or two after folding) read the same. */
export function fingerprint(folded: string): Fingerprint {
  const text = folded.replace(/ /g, '');
  const minhash = new Uint32Array(SLOTS).fill(0xffffffff);
  const seen = new Set<number>();
  const last = Math.max(0, text.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    const base = fnv(text, i, Math.min(text.length, i + SHINGLE));
    if (seen.has(base)) continue;
    seen.add(base);
    for (let s = 0; s < SLOTS; s++) {
      const h = mix(base ^ SEEDS[s]);
      if (h < minhash[s]) minhash[s] = h;
    }
  }
  const bands: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ minhash[b * ROWS + r], 0x01000193));
    bands.push(`${b}:${h.toString(36)}`);
  }
  const exact = `${fnv(text, 0, text.length).toString(36)}.${mix(fnv(text, 0, text.length) ^ text.length).toString(36)}`;
  return { exact, minhash, bands, length: text.length };
}

/** Estimated Jaccard similarity of the two texts' shingle sets, 0..1 (1 when identical). */
export function similarity(a: Pick<Fingerprint, 'minhash' | 'exact'>, b: Pick<Fingerprint, 'minhash' | 'exact'>): number {
  if (a.exact === b.exact) return 1;
  let same = 0;
  for (let s = 0; s < SLOTS; s++) if (a.minhash[s] === b.minhash[s]) same++;
  return same / SLOTS;
}
