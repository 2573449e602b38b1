// Text fingerprints for near-duplicate detection: MinHash over 5-character shingles of the
// folded text (so "B U Y  cheap   pills!!!" and "buy cheap pills" are the same text), with
// locality-sensitive bands so a store finds likely matches without comparing every pair.
//
// 64 hash slots estimate the Jaccard similarity of two shingle sets (the share of equal
// slots); 16 bands of 4 slots make two texts with similarity 0.8 share a band with
// probability 0.9998, 0.7: 0.99, 0.6: 0.89, 0.5: 0.64, and unrelated texts (0.05) almost never.
//
// The slots come from one hash per shingle (one-permutation hashing: its top bits pick the
// slot, the slot keeps its smallest value), and slots no shingle reached borrow the value of a
// filled slot chosen by a fixed probe sequence ("optimal densification", Shrivastava 2017),
// which keeps the estimate unbiased for short texts. Hashing each shingle 64 times instead
// cost 70 µs on an ordinary 350-character comment.

import { slabSpace } from '../slab.ts';

export const SLOTS = 64;
export const BANDS = 16;
const ROWS = SLOTS / BANDS;
const SHINGLE = 5;
const BAND_HASH_BITS = 26;
const BAND_SPAN = 2 ** BAND_HASH_BITS;
const SLOT_SHIFT = 32 - Math.log2(SLOTS);
const EMPTY = 0xffffffff;

export interface Fingerprint {
  /** Hash of the whole folded text: equal for texts identical after folding. */
  exact: string;
  /** Minimum hash per slot over the text's shingles. */
  minhash: Uint32Array;
  /** One key per band: band × 2^26 + 26 bits of the hash of its slots. A small integer, so a
   * store's index maps numbers (cheap keys) rather than 16 strings per comment. */
  bands: number[];
  /** Length of the folded text without spaces. */
  length: number;
}

/** MurmurHash3's finaliser: a fast 32-bit mixer. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units codes[start, end). */
function fnv(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= codes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// The folded text's code units without its spaces, and which slots a text filled: scratch
// arrays reused by the next fingerprint (it is synchronous), so a fingerprint copies no string.
let codeScratch = new Uint16Array(1024);
const filled = new Uint8Array(SLOTS);

/** The code units of `folded` other than spaces, in a scratch array, and how many there are. */
function withoutSpaces(folded: string): [Uint16Array, number] {
  if (codeScratch.length < folded.length) codeScratch = new Uint16Array(Math.max(folded.length, codeScratch.length * 2));
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c !== 32) codeScratch[n++] = c;
  }
  return [codeScratch, n];
}

/** Fills empty slots from filled ones: slot j tries slots probe(j, 1), probe(j, 2), … in an
 * order fixed for every process, so two texts borrow alike where they filled alike. */
function densify(minhash: Uint32Array): void {
  let any = 0;
  for (let j = 0; j < SLOTS; j++) any |= filled[j] = minhash[j] === EMPTY ? 0 : 1;
  if (!any) return; // an empty text: nothing to borrow
  for (let j = 0; j < SLOTS; j++) {
    if (filled[j]) continue;
    for (let attempt = 1; ; attempt++) {
      // After 16 × SLOTS random tries (vanishingly rare) walk on, so the loop always ends.
      const k = attempt <= 16 * SLOTS ? mix(Math.imul(j + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b)) >>> SLOT_SHIFT : (j + attempt) % SLOTS;
      if (filled[k]) {
        minhash[j] = minhash[k];
        break;
      }
    }
  }
}

/** The fingerprint of a folded text (Folded.text from normalize.ts). Spaces are dropped, so
 * "store,the" and "store, the" (one word or two after folding) read the same. */
export function fingerprint(folded: string): Fingerprint {
  const [codes, length] = withoutSpaces(folded);
  const [buffer, at] = slabSpace(4 * SLOTS);
  const minhash = new Uint32Array(buffer, at, SLOTS).fill(EMPTY);
  const last = Math.max(0, length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    const h = mix(fnv(codes, i, Math.min(length, i + SHINGLE)));
    const slot = h >>> SLOT_SHIFT;
    const value = mix(h ^ 0x5bd1e995) >>> 1; // below EMPTY, and independent of the slot bits
    if (value < minhash[slot]) minhash[slot] = value;
  }
  if (length > 0) densify(minhash);
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h ^ minhash[b * ROWS + r], 0x01000193));
    bands.push(b * BAND_SPAN + (h >>> (32 - BAND_HASH_BITS)));
  }
  const whole = fnv(codes, 0, length);
  const exact = `${whole.toString(36)}.${mix(whole ^ length).toString(36)}`;
  return { exact, minhash, bands, length };
}

/** Estimated Jaccard similarity of the two texts' shingle sets, 0..1 (1 when identical). */
export function similarity(a: Pick<Fingerprint, 'minhash' | 'exact'>, b: Pick<Fingerprint, 'minhash' | 'exact'>): number {
  return similarityAtLeast(a, b, 0);
}

/** The similarity when it is at least `threshold`, else -1, known as soon as too many slots
 * differ (a campaign's hundreds of unrelated candidates are dismissed after a few slots). */
export function similarityAtLeast(a: Pick<Fingerprint, 'minhash' | 'exact'>, b: Pick<Fingerprint, 'minhash' | 'exact'>, threshold: number): number {
  if (a.exact === b.exact) return 1;
  return slotSimilarityAtLeast(a.minhash, 0, b.minhash, 0, threshold);
}

/** similarityAtLeast over two runs of SLOTS slots inside larger arrays (a store's flat table). */
export function slotSimilarityAtLeast(a: Uint32Array, aStart: number, b: Uint32Array, bStart: number, threshold: number): number {
  const allowedMisses = Math.floor(SLOTS * (1 - threshold));
  let misses = 0;
  for (let s = 0; s < SLOTS; s++) {
    if (a[aStart + s] !== b[bStart + s] && ++misses > allowedMisses) return -1;
  }
  const sim = (SLOTS - misses) / SLOTS;
  return sim >= threshold ? sim : -1;
}
