// Text folding for term matching, with a map back to the original text.
//
// fold("Ｆ.u.c.k ʏou") gives text "fuck you" and, for every folded character, the span of the
// original it came from, so a match in folded text can be highlighted in the original.
// Offsets are UTF-16 code units (what String.prototype.slice and the browser use).
//
// What folding does, in order:
//  1. each code point is lowered, compatibility-decomposed (fullwidth, mathematical, circled
//     letters), stripped of diacritics; zero-width and format characters vanish without a gap;
//  2. look-alike letters (Cyrillic, Greek, small capitals, emoji letters) read as Latin when
//     the word is Latin or wholly made of look-alikes (a real Russian word stays Russian);
//  3. leetspeak: digits read as letters inside a word that has letters ("sh1t", "@ss", "a$$"),
//     but stay digits in a number ("1488", "14/88"); 1, !, | and a capital I inside a lower-case
//     word read as IL, "i or l", which term patterns match either way;
//  4. punctuation inside a word (f.u.c.k, f_u_c_k, f-u-c-k, don't) joins the parts and leaves a
//     soft word boundary; letters spelled out one by one ("f u c k", "k . y . s") join likewise;
//  5. repeated characters collapse into one with a count ("fuuuuck" is "fuck" with u×4), so
//     patterns can demand "at least as many" without the text carrying every repeat;
//  6. words are separated by one space; `boundary` marks every word edge, including the soft
//     ones inside joined words, so "cunt" matches in "c-u-n-t" but not in "Scunthorpe".
import { foldCodePoint, IL, TRANSPARENT, SPACE, LETTER, DIGIT, LEET, type CharFold } from './fold-char.ts';
import { slabSpace } from './slab.ts';

export { IL } from './fold-char.ts';

export interface Folded {
  original: string;
  /** Folded text: lower-case letters, digits, IL, single spaces between words; no repeats. */
  text: string;
  /** Original UTF-16 offset where folded character i starts. */
  start: Int32Array;
  /** Original UTF-16 offset just past folded character i (covers its whole repeat run). */
  end: Int32Array;
  /** How many times folded character i repeats in the original (capped at 255). */
  run: Uint8Array;
  /** boundary[i] is 1 when a word edge lies just before folded character i (length n + 1). */
  boundary: Uint8Array;
}

/** Spelled-out letters join when the gaps between them are at most this many code units. */
const MAX_SPELLED_GAP = 4;

const ASCII: CharFold[] = Array.from({ length: 128 }, (_, cp) => foldCodePoint(cp));

/** The visible characters of the text, as parallel arrays (folding runs on every comment, so
 * it allocates a few typed arrays rather than an object per character). */
interface Cells {
  count: number;
  fold: CharFold[];
  start: Int32Array;
  end: Int32Array;
  /** 1 when the cell is part of a word (letter, digit, or a leet symbol read as a letter). */
  word: Uint8Array;
}

// Scratch arrays for the fold in progress, reused by the next (folding is synchronous and never
// re-entered): V8 gives every typed array over 64 bytes a backing store of its own, costly to
// make and to collect, and a fold used to make eleven. Only the result gets new memory.
let spare = scratch(1024);

function scratch(n: number) {
  return {
    size: n,
    folds: new Array<CharFold>(n),
    cellStart: new Int32Array(n), cellEnd: new Int32Array(n), word: new Uint8Array(n),
    atomFirst: new Int32Array(n), atomLast: new Int32Array(n), joined: new Uint8Array(n),
    codes: new Uint16Array(n + 16), start: new Int32Array(n + 16), end: new Int32Array(n + 16), run: new Uint8Array(n + 16), boundary: new Uint8Array(n + 17),
  };
}

function readCells(text: string): Cells {
  const n = text.length;
  if (spare.size < n) spare = scratch(Math.max(n, spare.size * 2));
  const cells: Cells = { count: 0, fold: spare.folds, start: spare.cellStart, end: spare.cellEnd, word: spare.word };
  let c = 0;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = cp < 128 ? ASCII[cp] : foldCodePoint(cp);
    if (f.kind === TRANSPARENT) {
      // Invisible characters belong to the letter before them, so highlights include them.
      if (c > 0 && cells.fold[c - 1].kind >= LETTER && cells.end[c - 1] === i) cells.end[c - 1] = i + width;
    } else {
      cells.fold[c] = f;
      cells.start[c] = i;
      cells.end[c] = i + width;
      cells.word[c] = f.kind === LETTER || f.kind === DIGIT ? 1 : 0;
      c++;
    }
    i += width;
  }
  cells.count = c;
  return cells;
}

/** Leet symbols read as letters only inside a word ("sh!t") or where they can only be one
 * ("@ss", "$hit", "a$$"); an exclamation mark after a word stays punctuation. */
function resolveLeet(cells: Cells): void {
  const { fold, word, count } = cells;
  for (let i = 0; i < count; i++) {
    if (fold[i].kind !== LEET) continue;
    let j = i;
    while (j + 1 < count && fold[j + 1].kind === LEET) j++;
    const left = i > 0 && word[i - 1] === 1;
    const right = j + 1 < count && word[j + 1] === 1;
    const rightLetter = right && fold[j + 1].kind === LETTER;
    // "@$$" on its own: the at sign and dollars can only be "ass".
    let alone = !left && !right && j > i && fold[i].plain === '@';
    for (let m = i; m <= j && alone; m++) alone = fold[m].plain === '@' || fold[m].plain === '$';
    for (let m = i; m <= j; m++) {
      const ch = fold[m].plain;
      word[m] = alone || (left && right) || (ch === '@' && rightLetter) || (ch === '$' && (left || rightLetter)) ? 1 : 0;
    }
    i = j;
  }
}

/** Atoms: runs of word cells with nothing between them. `joined` means the gap before the
 * atom keeps it in the same word as the previous one (no whitespace, or spelled out). */
interface Atoms {
  count: number;
  first: Int32Array;
  last: Int32Array;
  joined: Uint8Array;
}

function findAtoms(cells: Cells): Atoms {
  const n = cells.count;
  const atoms: Atoms = { count: 0, first: spare.atomFirst, last: spare.atomLast, joined: spare.joined };
  let sawSpace = false;
  let a = 0;
  for (let i = 0; i < n; i++) {
    if (!cells.word[i]) {
      if (cells.fold[i].kind === SPACE) sawSpace = true;
      continue;
    }
    if (a > 0 && atoms.last[a - 1] === i - 1) atoms.last[a - 1] = i;
    else {
      atoms.first[a] = i;
      atoms.last[a] = i;
      atoms.joined[a] = a > 0 && !sawSpace ? 1 : 0;
      a++;
    }
    sawSpace = false;
  }
  atoms.count = a;
  return atoms;
}

/** Join letters spelled out one at a time across short gaps: "f u c k", "k . y . s".
 * Only lone letters join; a word already spelled with joiners ("f.u.c.k") stays one word. */
function joinSpelled(atoms: Atoms, cells: Cells): void {
  const lone = (k: number) =>
    atoms.first[k] === atoms.last[k] && !atoms.joined[k] && (k + 1 >= atoms.count || !atoms.joined[k + 1]);
  for (let t = 0; t < atoms.count; ) {
    let u = t;
    while (
      lone(u) && u + 1 < atoms.count && lone(u + 1) &&
      cells.start[atoms.first[u + 1]] - cells.end[atoms.last[u]] <= MAX_SPELLED_GAP
    ) u++;
    if (u - t + 1 >= 3) for (let k = t + 1; k <= u; k++) atoms.joined[k] = 1;
    t = u + 1;
  }
}

/** Growable output buffers for the folded text and its maps. */
class Output {
  length = 0;
  codes: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  run: Uint8Array;
  boundary: Uint8Array;

  /** Starts on the scratch arrays (at least 16 longer than the cells: room for a few expansions). */
  constructor() {
    this.codes = spare.codes;
    this.start = spare.start;
    this.end = spare.end;
    this.run = spare.run;
    this.boundary = spare.boundary;
  }

  push(code: number, start: number, end: number, edge: boolean): void {
    const n = this.length;
    if (n > 0 && this.codes[n - 1] === code && code !== 32) {
      if (this.run[n - 1] < 255) this.run[n - 1]++;
      this.end[n - 1] = end;
      return;
    }
    if (n === this.codes.length) this.grow();
    this.codes[n] = code;
    this.start[n] = start;
    this.end[n] = end;
    this.run[n] = 1;
    this.boundary[n] = edge ? 1 : 0;
    this.length = n + 1;
  }

  grow(): void {
    const size = this.codes.length * 2 + 16;
    const copy = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, extra = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(size + extra);
      b.set(a);
      return b;
    };
    this.codes = copy(this.codes);
    this.start = copy(this.start);
    this.end = copy(this.end);
    this.run = copy(this.run);
    this.boundary = copy(this.boundary, 1);
  }

  text(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 4096) {
      out += String.fromCharCode.apply(null, this.codes.subarray(i, Math.min(this.length, i + 4096)) as unknown as number[]);
    }
    return out;
  }
}

export function fold(original: string): Folded {
  const cells = readCells(original);
  resolveLeet(cells);
  const atoms = findAtoms(cells);
  joinSpelled(atoms, cells);
  const out = new Output();
  const { fold: folds, start, end, word } = cells;

  for (let a = 0; a < atoms.count; ) {
    let b = a;
    while (b + 1 < atoms.count && atoms.joined[b + 1]) b++;
    // atoms a..b form one unit (a word as the matcher sees it).
    let hasLetter = false;
    let allLatin = true;
    let someLatin = false;
    for (let i = atoms.first[a]; i <= atoms.last[b]; i++) {
      const f = folds[i];
      if (!word[i] || f.kind !== LETTER) continue;
      hasLetter = true;
      allLatin &&= f.isLatin;
      someLatin ||= f.isLatin && !f.confusable;
    }
    const useLatin = allLatin || someLatin;
    if (a > 0) out.push(32, end[atoms.last[a - 1]], start[atoms.first[a]], true);
    let prevLower = false;
    for (let k = a; k <= b; k++) {
      let edge = true;
      for (let i = atoms.first[k]; i <= atoms.last[k]; i++) {
        const f = folds[i];
        let value: string;
        if (f.kind === LETTER) {
          const readAsIL = f.capitalI && prevLower;
          value = readAsIL ? IL : useLatin ? f.latin : f.plain;
          if (!readAsIL) prevLower = f.lower;
        } else value = f.kind === DIGIT && !hasLetter ? f.plain : f.leet;
        // One folded character per UTF-16 unit, so text offsets and the arrays agree.
        for (let q = 0; q < value.length; q++) {
          out.push(value.charCodeAt(q), start[i], end[i], edge);
          edge = false;
        }
      }
    }
    a = b + 1;
  }
  const n = out.length;
  out.boundary[n] = 1;
  // The result's four arrays lie side by side in a shared slab (the scratch ones belong to the next fold).
  const [buffer, at] = slabSpace(10 * n + 1);
  const folded: Folded = {
    original,
    text: out.text(),
    start: new Int32Array(buffer, at, n),
    end: new Int32Array(buffer, at + 4 * n, n),
    run: new Uint8Array(buffer, at + 8 * n, n),
    boundary: new Uint8Array(buffer, at + 9 * n, n + 1),
  };
  folded.start.set(out.start.subarray(0, n));
  folded.end.set(out.end.subarray(0, n));
  folded.run.set(out.run.subarray(0, n));
  folded.boundary.set(out.boundary.subarray(0, n + 1));
  return folded;
}

/** The original span [start, end) covered by folded characters [from, to). */
export function originalSpan(folded: Folded, from: number, to: number): [number, number] {
  return [folded.start[from], folded.end[to - 1]];
}
