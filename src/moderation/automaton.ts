// Aho–Corasick: all occurrences of many patterns in one left-to-right pass over the text.
//
// Transitions are keyed by state × alphabet + symbol (a Map while building, then an
// open-addressing table of typed arrays for scanning: a Map lookup per character was most of
// a scan's time); the alphabet is the set of UTF-16 units that occur in some pattern, so a
// character no pattern uses sends the scan back to the root at once. Failure links make the scan linear in the text length plus the number
// of matches; dictionary links list every pattern that ends at a position.

export interface Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Calls onMatch(patternIndex, end) for every occurrence; `end` is exclusive. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const symbols = new Map<number, number>();
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!symbols.has(c)) symbols.set(c, symbols.size);
    }
  }
  const A = Math.max(1, symbols.size);
  const ascii = new Int32Array(128).fill(-1);
  for (const [c, s] of symbols) if (c < 128) ascii[c] = s;
  const symbolOf = (c: number) => (c < 128 ? ascii[c] : (symbols.get(c) ?? -1));

  // Trie. Edge lists (head/next) let the breadth-first pass visit each node's children.
  const goto = new Map<number, number>();
  const edgeHead: number[] = [-1];
  const edgeNext: number[] = [];
  const edgeChild: number[] = [];
  const edgeSymbol: number[] = [];
  const outHead: number[] = [-1];
  const outNext = new Int32Array(patterns.length).fill(-1);
  patterns.forEach((p, index) => {
    if (p.length === 0) return;
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const sym = symbols.get(p.charCodeAt(i))!;
      const key = state * A + sym;
      let child = goto.get(key);
      if (child === undefined) {
        child = edgeHead.length;
        edgeHead.push(-1);
        outHead.push(-1);
        goto.set(key, child);
        edgeChild.push(child);
        edgeSymbol.push(sym);
        edgeNext.push(edgeHead[state]);
        edgeHead[state] = edgeChild.length - 1;
      }
      state = child;
    }
    outNext[index] = outHead[state];
    outHead[state] = index;
  });

  const states = edgeHead.length;
  const fail = new Int32Array(states);
  const dict = new Int32Array(states).fill(-1);
  const root = new Int32Array(A).fill(0);
  const queue = new Int32Array(states);
  let qEnd = 0;
  for (let e = edgeHead[0]; e >= 0; e = edgeNext[e]) {
    root[edgeSymbol[e]] = edgeChild[e];
    queue[qEnd++] = edgeChild[e];
  }
  for (let q = 0; q < qEnd; q++) {
    const u = queue[q];
    for (let e = edgeHead[u]; e >= 0; e = edgeNext[e]) {
      const child = edgeChild[e];
      const sym = edgeSymbol[e];
      let f = fail[u];
      let target = f === 0 ? root[sym] : goto.get(f * A + sym);
      while (target === undefined && f !== 0) {
        f = fail[f];
        target = f === 0 ? root[sym] : goto.get(f * A + sym);
      }
      fail[child] = target ?? 0;
      dict[child] = outHead[fail[child]] >= 0 ? fail[child] : dict[fail[child]];
      queue[qEnd++] = child;
    }
  }

  const edges = edgeTable(goto);
  return {
    patternCount: patterns.length,
    stateCount: states,
    scan(text, onMatch) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const sym = symbolOf(text.charCodeAt(i));
        if (sym < 0) {
          state = 0;
          continue;
        }
        for (;;) {
          const next = state === 0 ? root[sym] : edges.get(state * A + sym);
          if (next >= 0) {
            state = next;
            break;
          }
          state = fail[state];
        }
        for (let s = outHead[state] >= 0 ? state : dict[state]; s > 0; s = dict[s]) {
          for (let p = outHead[s]; p >= 0; p = outNext[p]) onMatch(p, i + 1);
        }
      }
    },
  };
}

/** Non-negative integer keys to states, in two typed arrays with linear probing; -1 when absent. */
function edgeTable(map: Map<number, number>): { get(key: number): number } {
  let bits = 1;
  while (1 << bits < map.size * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const keys = new Int32Array(1 << bits).fill(-1);
  const values = new Int32Array(1 << bits);
  // Fibonacci hashing: the top bits of key × 2^32/φ spread consecutive keys.
  const slot = (key: number) => Math.imul(key, 0x9e3779b1) >>> shift;
  for (const [key, value] of map) {
    let i = slot(key);
    while (keys[i] !== -1) i = (i + 1) & mask;
    keys[i] = key;
    values[i] = value;
  }
  return {
    get(key) {
      for (let i = slot(key); ; i = (i + 1) & mask) {
        const found = keys[i];
        if (found === key) return values[i];
        if (found === -1) return -1;
      }
    },
  };
}
