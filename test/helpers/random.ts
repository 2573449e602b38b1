// Deterministic pseudo-random numbers for tests that generate their cases, so a failure can be
// replayed from its seed.

/** mulberry32: numbers in [0, 1), the same sequence everywhere for the same seed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
