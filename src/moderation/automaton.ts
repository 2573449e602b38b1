// Aho–Corasick: all occurrences of many patterns in one left-to-right pass over the text; and
// its trie alone, for patterns that may only start a word.
//
// The alphabet is the set of UTF-16 units that occur in some pattern, so a character no
// pattern uses sends the scan back to the root at once. Failure links make the scan linear in
// the text length plus the number of matches; dictionary links list every pattern that ends
// at a position. A trie needs neither: a walk from each word start stops at the first
// character no pattern continues with, a few steps in.
//
// Laid out for the cache, since a scan runs between a server's other work and finds little of
// a 10,000-term automaton still cached (it cost ~170 ns a character, two to five cache misses):
// states are numbered breadth first, so the shallow states a scan spends most of its time in
// sit together; the shallowest have a dense table of transitions (for the automaton, complete:
// failure links already followed); deeper states keep their own edges in an open-addressing
// table with key and value side by side.

export interface Automaton {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Calls onMatch(patternIndex, end) for every occurrence; `end` is exclusive. */
  scan(text: string, onMatch: (pattern: number, end: number) => void): void;
}

export interface Trie {
  readonly patternCount: number;
  readonly stateCount: number;
  /** Calls onMatch(patternIndex, end) for every occurrence that starts where starts[i] is 1. */
  scanFrom(text: string, starts: Uint8Array, onMatch: (pattern: number, end: number) => void): void;
}

/** Entries of the dense table (states × alphabet): 64 Ki × 4 bytes stays in a core's L2 cache. */
const DENSE_ENTRIES = 1 << 16;

/** What a scan reads. Built apart from the scanner, so the closures keep these typed arrays
 * and nothing of the build (its maps held 25 MB for 10,000 terms, for the collector to walk). */
interface Tables {
  patternCount: number;
  stateCount: number;
  /** Alphabet size; symbols of ASCII units by code, of the others by map. */
  A: number;
  ascii: Int32Array;
  wide: Map<number, number>;
  /** States below this have a dense row: children, -1 for none (a trie); complete transitions
   * (an automaton). */
  denseStates: number;
  dense: Int32Array;
  edges: EdgeTable;
  /** Automaton only (empty in a trie). */
  fail: Int32Array;
  /** Patterns ending at a state: a list through outNext. */
  outHead: Int32Array;
  outNext: Int32Array;
  /** Automaton only: next state with output along the failure chain; 0: none. */
  dict: Int32Array;
  /** Automaton only: the state itself if a pattern ends there, else dict; 0: none. */
  firstOutput: Int32Array;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  return automatonScanner(build(patterns, true));
}

export function buildTrie(patterns: readonly string[]): Trie {
  return trieScanner(build(patterns, false));
}

function build(patterns: readonly string[], withFailureLinks: boolean): Tables {
  const symbols = new Map<number, number>();
  for (const p of patterns) {
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!symbols.has(c)) symbols.set(c, symbols.size);
    }
  }
  const A = Math.max(1, symbols.size);
  const ascii = new Int32Array(128).fill(-1);
  const wide = new Map<number, number>();
  for (const [c, s] of symbols) {
    if (c < 128) ascii[c] = s;
    else wide.set(c, s);
  }

  // The trie, in insertion order: children by state × alphabet + symbol.
  const trie = new Map<number, number>();
  let states = 1;
  const ending: number[][] = [[]]; // patterns ending at each trie state
  for (let index = 0; index < patterns.length; index++) {
    const p = patterns[index];
    if (p.length === 0) continue;
    let state = 0;
    for (let i = 0; i < p.length; i++) {
      const key = state * A + symbols.get(p.charCodeAt(i))!;
      let child = trie.get(key);
      if (child === undefined) {
        child = states++;
        trie.set(key, child);
        ending.push([]);
      }
      state = child;
    }
    ending[state].push(index);
  }

  // Breadth-first renumbering: children of each state, visited in symbol order.
  const childrenOf: Array<Array<[number, number]>> = Array.from({ length: states }, () => []);
  for (const [key, child] of trie) childrenOf[Math.floor(key / A)].push([key % A, child]);
  const order = new Int32Array(states); // new id → trie id
  const id = new Int32Array(states); // trie id → new id
  let visited = 1;
  for (let q = 0; q < visited; q++) {
    for (const [, child] of childrenOf[order[q]].sort((x, y) => x[0] - y[0])) {
      id[child] = visited;
      order[visited++] = child;
    }
  }
  const goto = new Map<number, number>(); // in new ids
  for (const [key, child] of trie) goto.set(id[Math.floor(key / A)] * A + (key % A), id[child]);

  const perState = withFailureLinks ? states : 0;
  const t: Tables = {
    patternCount: patterns.length, stateCount: states, A, ascii, wide,
    denseStates: Math.max(1, Math.min(states, Math.floor(DENSE_ENTRIES / A))),
    dense: new Int32Array(0), edges: edgeTable(goto),
    fail: new Int32Array(perState),
    outHead: new Int32Array(states).fill(-1), outNext: new Int32Array(patterns.length).fill(-1),
    dict: new Int32Array(perState), firstOutput: new Int32Array(perState),
  };
  const { denseStates, fail, outHead, outNext, dict, firstOutput } = t;
  const dense = (t.dense = new Int32Array(denseStates * A));
  ending.forEach((list, trieId) => {
    for (const pattern of list) {
      outNext[pattern] = outHead[id[trieId]];
      outHead[id[trieId]] = pattern;
    }
  });
  if (!withFailureLinks) {
    for (let u = 0; u < denseStates; u++) for (let sym = 0; sym < A; sym++) dense[u * A + sym] = goto.get(u * A + sym) ?? -1;
    return t;
  }
  // The complete transition: dense states have it; deeper ones follow failure links to one.
  const step = (state: number, sym: number): number => {
    for (;;) {
      if (state < denseStates) return dense[state * A + sym];
      const next = goto.get(state * A + sym);
      if (next !== undefined) return next;
      state = fail[state];
    }
  };
  // Failure links, dictionary links and dense rows in BFS order: a state's failure target is
  // shallower, so it is done before it.
  for (let u = 0; u < states; u++) {
    for (let sym = 0; sym < A && u < denseStates; sym++) {
      const child = goto.get(u * A + sym);
      dense[u * A + sym] = child ?? (u === 0 ? 0 : dense[fail[u] * A + sym]);
    }
    for (const [sym, trieChild] of childrenOf[order[u]]) {
      const child = id[trieChild];
      fail[child] = u === 0 ? 0 : step(fail[u], sym);
      const f = fail[child];
      dict[child] = outHead[f] >= 0 ? f : dict[f];
      firstOutput[child] = outHead[child] >= 0 ? child : dict[child];
    }
  }
  return t;
}

const symbolReader = ({ ascii, wide }: Tables) => (c: number) => (c < 128 ? ascii[c] : (wide.get(c) ?? -1));

function automatonScanner(t: Tables): Automaton {
  const { A, denseStates, dense, edges, fail, outHead, outNext, dict, firstOutput } = t;
  const symbolOf = symbolReader(t);
  return {
    patternCount: t.patternCount,
    stateCount: t.stateCount,
    scan(text, onMatch) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const sym = symbolOf(text.charCodeAt(i));
        if (sym < 0) {
          state = 0;
          continue;
        }
        for (;;) {
          if (state < denseStates) {
            state = dense[state * A + sym];
            break;
          }
          const next = edges.get(state * A + sym);
          if (next >= 0) {
            state = next;
            break;
          }
          state = fail[state];
        }
        for (let s = firstOutput[state]; s > 0; s = dict[s]) {
          for (let p = outHead[s]; p >= 0; p = outNext[p]) onMatch(p, i + 1);
        }
      }
    },
  };
}

function trieScanner(t: Tables): Trie {
  const { A, denseStates, dense, edges, outHead, outNext } = t;
  const symbolOf = symbolReader(t);
  return {
    patternCount: t.patternCount,
    stateCount: t.stateCount,
    scanFrom(text, starts, onMatch) {
      for (let from = 0; from < text.length; from++) {
        if (!starts[from]) continue;
        let state = 0;
        for (let i = from; i < text.length; i++) {
          const sym = symbolOf(text.charCodeAt(i));
          if (sym < 0) break;
          state = state < denseStates ? dense[state * A + sym] : edges.get(state * A + sym);
          if (state < 0) break;
          for (let p = outHead[state]; p >= 0; p = outNext[p]) onMatch(p, i + 1);
        }
      }
    },
  };
}

interface EdgeTable {
  get(key: number): number;
}

function edgeTable(map: Map<number, number>): EdgeTable {
  let bits = 1;
  while (1 << bits < map.size * 2) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  const table = new Int32Array(2 << bits).fill(-1);
  // Fibonacci hashing: the top bits of key × 2^32/φ spread consecutive keys.
  const slot = (key: number) => Math.imul(key, 0x9e3779b1) >>> shift;
  for (const [key, value] of map) {
    let i = slot(key);
    while (table[2 * i] !== -1) i = (i + 1) & mask;
    table[2 * i] = key;
    table[2 * i + 1] = value;
  }
  return {
    get(key) {
      for (let i = slot(key); ; i = (i + 1) & mask) {
        const found = table[2 * i];
        if (found === key) return table[2 * i + 1];
        if (found === -1) return -1;
      }
    },
  };
}
