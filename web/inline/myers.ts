// Approximate string matching with Myers' bit-parallel algorithm (G. Myers, "A fast
// bit-vector algorithm for approximate string matching based on dynamic programming",
// J. ACM 1999), in Hyyrö's block form, so patterns of any length work: the pattern is cut
// into 32-unit blocks whose vertical deltas are 32-bit words, and each text character
// advances every block with one handful of word operations.
//
// Distances are Levenshtein distances in UTF-16 code units (the anchor unit, see text.ts).
// Pure and allocation-light: a compiled pattern is reused for every window it is run over.

const W = 32;

export interface Compiled {
  length: number;
  blocks: number;
  /** Per code unit of the pattern: its match mask, one word per block. */
  peq: Map<number, Int32Array>;
  /** The same for code units below 128, as one flat table (block-major): no map lookups. */
  ascii: Int32Array;
  /** The top bit of the last block (the pattern's last row). */
  last: number;
}

const NONE = new Int32Array(64);
/** Ends per search whose start is worked out. */
const MAX_STARTS = 8;

export function compile(pattern: string): Compiled {
  const blocks = Math.max(1, Math.ceil(pattern.length / W));
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let masks = peq.get(code);
    if (!masks) peq.set(code, (masks = new Int32Array(blocks)));
    masks[(i / W) | 0]! |= 1 << i % W;
  }
  const ascii = new Int32Array(128 * blocks);
  for (const [code, masks] of peq) if (code < 128) for (let b = 0; b < blocks; b++) ascii[b * 128 + code] = masks[b]!;
  return { length: pattern.length, blocks, peq, ascii, last: 1 << ((pattern.length - 1) % W) };
}

/**
 * Runs the pattern over text[from, to) (backwards from to-1 down to from when `backwards`),
 * calling `column(i, distance)` after each text position i with the edit distance of the best
 * alignment of the whole pattern ending there. `free` start: the alignment may begin
 * anywhere (searching); otherwise it must begin at the first position scanned.
 */
export function scan(
  p: Compiled,
  text: string,
  from: number,
  to: number,
  backwards: boolean,
  free: boolean,
  column: (i: number, distance: number) => boolean | void,
): void {
  const B = p.blocks;
  const P = new Int32Array(B).fill(-1);
  const M = new Int32Array(B);
  // The distance at each block's bottom row, before any text: that row's number.
  const score = new Int32Array(B);
  for (let b = 0; b < B; b++) score[b] = Math.min((b + 1) * W, p.length);
  const step = backwards ? -1 : 1;
  const end = backwards ? from - 1 : to;
  for (let i = backwards ? to - 1 : from; i !== end; i += step) {
    const code = text.charCodeAt(i);
    const eqs = code < 128 ? null : (p.peq.get(code) ?? NONE);
    // Row 0 of the DP: 0 everywhere when searching, 1 more per column when anchored.
    let carry = free ? 0 : 1;
    for (let b = 0; b < B; b++) {
      const high = b === B - 1 ? p.last : 1 << 31;
      const pv = P[b]!;
      const mv = M[b]!;
      let eq = eqs ? (eqs[b] ?? 0) : p.ascii[b * 128 + code]!;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const out = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      score[b]! += out;
      carry = out;
    }
    if (column(i, score[B - 1]!) === false) return;
  }
}

export interface Match {
  start: number;
  end: number;
  errors: number;
}

/**
 * Places where `pattern` occurs in text[from, to) with at most maxErrors edits: for each run
 * of acceptable end positions, its best end, then the start that gives the fewest edits.
 */
export function search(text: string, pattern: string, maxErrors: number, from = 0, to = text.length, compiled?: { fwd: Compiled; rev: Compiled }): Match[] {
  if (!pattern) return [];
  const fwd = compiled?.fwd ?? compile(pattern);
  const rev = compiled?.rev ?? compile(reverse(pattern));
  const ends = fwd.blocks === 1 ? endsOneBlock(fwd, text, from, to, maxErrors) : endsBlocks(fwd, text, from, to, maxErrors);
  // Starts only for the best ends: a near-miss a few edits worse will not win the scoring.
  const least = Math.min(...ends.map((e) => e.errors));
  const kept = ends.filter((e) => e.errors <= least + 2).sort((a, b) => a.errors - b.errors).slice(0, MAX_STARTS);
  const matches: Match[] = [];
  for (const { end, errors } of kept) {
    // Scan backwards from the end, anchored there: the best start is where the distance is least.
    let best = { start: end, errors: Infinity };
    const lowest = Math.max(from, end - pattern.length - maxErrors);
    scan(rev, text, lowest, end, true, false, (i, d) => {
      if (d < best.errors || (d === best.errors && Math.abs(end - i - pattern.length) < Math.abs(end - best.start - pattern.length))) best = { start: i, errors: d };
    });
    matches.push({ start: best.start, end, errors: Math.min(errors, best.errors) });
  }
  return matches;
}

interface End {
  end: number;
  errors: number;
}

function endsBlocks(p: Compiled, text: string, from: number, to: number, maxErrors: number): End[] {
  const ends: End[] = [];
  let run: End | null = null;
  scan(p, text, from, to, false, true, (i, d) => {
    if (d <= maxErrors) {
      if (!run || d < run.errors) run = { end: i + 1, errors: d };
    } else if (run) {
      ends.push(run);
      run = null;
    }
  });
  if (run) ends.push(run);
  return ends;
}

/** The forward search for patterns of up to 32 units, the common case, with no calls per column. */
function endsOneBlock(p: Compiled, text: string, from: number, to: number, maxErrors: number): End[] {
  const ends: End[] = [];
  const { ascii, peq, last } = p;
  let pv = -1;
  let mv = 0;
  let score = p.length;
  let runEnd = -1;
  let runErrors = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const eq = code < 128 ? ascii[code]! : (peq.get(code)?.[0] ?? 0);
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= maxErrors) {
      if (runEnd < 0 || score < runErrors) {
        runEnd = i + 1;
        runErrors = score;
      }
    } else if (runEnd >= 0) {
      ends.push({ end: runEnd, errors: runErrors });
      runEnd = -1;
    }
  }
  if (runEnd >= 0) ends.push({ end: runEnd, errors: runErrors });
  return ends;
}

export function reverse(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Levenshtein distance of two short strings (context), with one row of memory. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length + b.length;
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}
