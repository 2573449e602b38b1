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

interface Cell {
  f: CharFold;
  start: number;
  end: number;
  word: boolean;
}

/** Spelled-out letters join when the gaps between them are at most this many code units. */
const MAX_SPELLED_GAP = 4;

const ASCII: CharFold[] = Array.from({ length: 128 }, (_, cp) => foldCodePoint(cp));

function readCells(text: string): Cell[] {
  const cells: Cell[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = cp < 128 ? ASCII[cp] : foldCodePoint(cp);
    if (f.kind === TRANSPARENT) {
      // Invisible characters belong to the letter before them, so highlights include them.
      const last = cells[cells.length - 1];
      if (last && last.f.kind >= LETTER && last.end === i) last.end = i + width;
    } else {
      cells.push({ f, start: i, end: i + width, word: f.kind === LETTER || f.kind === DIGIT });
    }
    i += width;
  }
  return cells;
}

/** Leet symbols read as letters only inside a word ("sh!t") or where they can only be one
 * ("@ss", "$hit", "a$$"); an exclamation mark after a word stays punctuation. */
function resolveLeet(cells: Cell[]): void {
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].f.kind !== LEET) continue;
    let j = i;
    while (j + 1 < cells.length && cells[j + 1].f.kind === LEET) j++;
    const left = i > 0 && cells[i - 1].word;
    const right = j + 1 < cells.length && cells[j + 1].word;
    const rightLetter = right && cells[j + 1].f.kind === LETTER;
    for (let m = i; m <= j; m++) {
      const ch = cells[m].f.plain;
      cells[m].word = (left && right) || (ch === '@' && rightLetter) || (ch === '$' && (left || rightLetter));
    }
    i = j;
  }
}

interface Atom {
  first: number; // cell indices, inclusive
  last: number;
  /** The gap before this atom joins it to the previous one (no whitespace, or spelled out). */
  joined: boolean;
}

function findAtoms(cells: Cell[]): Atom[] {
  const atoms: Atom[] = [];
  let sawSpace = false;
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i].word) {
      if (cells[i].f.kind === SPACE) sawSpace = true;
      continue;
    }
    const prev = atoms[atoms.length - 1];
    if (prev && prev.last === i - 1) prev.last = i;
    else atoms.push({ first: i, last: i, joined: prev !== undefined && !sawSpace });
    sawSpace = false;
  }
  return atoms;
}

/** Join letters spelled out one at a time across short gaps: "f u c k", "k . y . s". */
function joinSpelled(atoms: Atom[], cells: Cell[]): void {
  // A token is a run of atoms joined by soft gaps; it is "spelled" if every atom is one cell.
  const tokens: { from: number; to: number; spelled: boolean }[] = [];
  atoms.forEach((atom, k) => {
    const single = atom.first === atom.last;
    const last = tokens[tokens.length - 1];
    if (last && atom.joined) {
      last.to = k;
      last.spelled &&= single;
    } else tokens.push({ from: k, to: k, spelled: single });
  });
  let t = 0;
  while (t < tokens.length) {
    let u = t;
    while (
      tokens[u].spelled && u + 1 < tokens.length && tokens[u + 1].spelled &&
      cells[atoms[tokens[u + 1].from].first].start - cells[atoms[tokens[u].to].last].end <= MAX_SPELLED_GAP
    ) u++;
    const letters = u > t ? tokens[u].to - tokens[t].from + 1 : 0;
    if (letters >= 3) for (let k = t + 1; k <= u; k++) atoms[tokens[k].from].joined = true;
    t = u + 1;
  }
}

export function fold(original: string): Folded {
  const cells = readCells(original);
  resolveLeet(cells);
  const atoms = findAtoms(cells);
  joinSpelled(atoms, cells);

  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const runs: number[] = [];
  const bounds: number[] = [];
  const push = (c: string, s: number, e: number, edge: boolean) => {
    const n = chars.length;
    if (n > 0 && chars[n - 1] === c && c !== ' ') {
      if (runs[n - 1] < 255) runs[n - 1]++;
      ends[n - 1] = e;
      return;
    }
    chars.push(c);
    starts.push(s);
    ends.push(e);
    runs.push(1);
    bounds.push(edge ? 1 : 0);
  };

  for (let a = 0; a < atoms.length; ) {
    let b = a;
    while (b + 1 < atoms.length && atoms[b + 1].joined) b++;
    // atoms a..b form one unit (a word as the matcher sees it).
    let hasLetter = false;
    let allLatin = true;
    let someLatin = false;
    for (let i = atoms[a].first; i <= atoms[b].last; i++) {
      const f = cells[i].f;
      if (!cells[i].word || f.kind !== LETTER) continue;
      hasLetter = true;
      allLatin &&= f.isLatin;
      someLatin ||= f.isLatin && !f.confusable;
    }
    const useLatin = allLatin || someLatin;
    if (a > 0) push(' ', cells[atoms[a - 1].last].end, cells[atoms[a].first].start, true);
    let prevLower = false;
    for (let k = a; k <= b; k++) {
      let edge = true;
      for (let i = atoms[k].first; i <= atoms[k].last; i++) {
        const { f, start, end } = cells[i];
        let value: string;
        if (f.kind === LETTER) {
          value = f.capitalI && prevLower ? IL : useLatin ? f.latin : f.plain;
          prevLower = f.lower;
        } else value = f.kind === DIGIT && !hasLetter ? f.plain : f.leet;
        // One folded character per UTF-16 unit, so text offsets and the arrays agree.
        for (let q = 0; q < value.length; q++) {
          push(value[q], start, end, edge);
          edge = false;
        }
      }
    }
    a = b + 1;
  }
  bounds.push(1);
  return {
    original,
    text: chars.join(''),
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    run: Uint8Array.from(runs),
    boundary: Uint8Array.from(bounds),
  };
}

/** The original span [start, end) covered by folded characters [from, to). */
export function originalSpan(folded: Folded, from: number, to: number): [number, number] {
  return [folded.start[from], folded.end[to - 1]];
}
