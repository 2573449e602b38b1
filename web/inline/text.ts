// The article's normalised text: the one coordinate system of passage anchors.
//
// Offsets (TextPositionSelector start/end) count UTF-16 code units of this text, on the
// server and in the browser alike. The text is the article's text nodes in document order,
// with
//   - Unicode NFC (per base character and its combining marks),
//   - the invisible control and format characters the server strips from comments removed
//     (src/comments/text.ts cleanText: C0/C1 controls, bidi overrides, U+200B, U+FEFF …),
//     lone surrogates replaced by U+FFFD,
//   - every run of white space, and every boundary of a block element (p, li, h1…), as one
//     space, and no space at the start or end.
// So a quote means the same on both sides: the server normalises a posted quote with the
// same rules (src/inline/validate.ts) and a test holds the two to agreement.
//
// Pure: no DOM here. dom-text.ts feeds it the text nodes; tests feed it strings.

// Keep in step with CONTROL and LONE_SURROGATE in src/comments/text.ts.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gu;

const KEEP = 0;
const SPACE = 1;
const DROP = 2;

/**
 * What the server does to one code unit: cleanText turns CR into a line break, removes the
 * CONTROL set, then white space (JavaScript's \s) collapses. Code comparisons, not regular
 * expressions: this runs once per character of the article.
 */
function kind(c: number): number {
  if (c > 0x20 && c < 0x7f) return KEEP;
  if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) return SPACE;
  if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return DROP;
  if (c < 0x1680) return c === 0xa0 ? SPACE : KEEP;
  if (c === 0x200b || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)) return DROP;
  if ((c >= 0x2066 && c <= 0x206f) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb)) return DROP;
  if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) return SPACE;
  return KEEP;
}

/** A block boundary between text parts: it separates words like white space does. */
export const BREAK = null;
export type Part = string | typeof BREAK;

/**
 * The normalised text with, for each of its code units, the part it came from and the range
 * of raw offsets in that part (\`from\` = \`to\` for a space standing for a block boundary).
 */
export interface MappedText {
  text: string;
  part: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

class Builder {
  units: Uint16Array;
  part: Int32Array;
  from: Int32Array;
  to: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.part = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }
  push(unit: number, part: number, from: number, to: number): void {
    if (this.length === this.units.length) this.grow();
    const n = this.length++;
    this.units[n] = unit;
    this.part[n] = part;
    this.from[n] = from;
    this.to[n] = to;
  }
  grow(): void {
    const size = this.units.length * 2 + 16;
    const copy = <T extends Uint16Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.units = copy(this.units, new Uint16Array(size));
    this.part = copy(this.part, new Int32Array(size));
    this.from = copy(this.from, new Int32Array(size));
    this.to = copy(this.to, new Int32Array(size));
  }
  result(): MappedText {
    const n = this.length;
    let text = '';
    for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...this.units.subarray(i, Math.min(n, i + 8192)));
    return { text, part: this.part.slice(0, n), from: this.from.slice(0, n), to: this.to.slice(0, n) };
  }
}

/** Normalises text parts (text nodes, or whole strings in tests) keeping a map to raw offsets. */
export function buildText(parts: readonly Part[]): MappedText {
  let capacity = 16;
  for (const p of parts) capacity += p === BREAK ? 1 : p.length;
  const out = new Builder(capacity);
  // A space is written only before the next visible character: none at the start or end.
  // pendingPart < 0: none; a block boundary has pendingFrom < 0.
  let pendingPart = -1;
  let pendingFrom = 0;
  let pendingTo = 0;
  const emit = (unit: number, part: number, from: number, to: number) => {
    if (pendingPart >= 0) {
      if (pendingFrom < 0) out.push(0x20, part, from, from);
      else out.push(0x20, pendingPart, pendingFrom, pendingTo);
      pendingPart = -1;
    }
    out.push(unit, part, from, to);
  };
  const space = (part: number, from: number, to: number) => {
    if (!out.length) return;
    if (pendingPart < 0 || pendingFrom < 0) [pendingPart, pendingFrom, pendingTo] = [part, from, to];
    else if (pendingPart === part) pendingTo = to;
  };
  for (let index = 0; index < parts.length; index++) {
    let raw = parts[index]!;
    if (raw === BREAK) {
      if (out.length && pendingPart < 0) [pendingPart, pendingFrom] = [index, -1];
      continue;
    }
    // Same length: offsets into the raw text stay valid.
    raw = raw.replace(LONE_SURROGATE, '\uFFFD');
    if (raw.normalize('NFC') === raw) {
      for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        const k = kind(c);
        if (k === KEEP) emit(c, index, i, i + 1);
        else if (k === SPACE) space(index, i, i + 1);
      }
      continue;
    }
    for (const m of raw.matchAll(CLUSTER)) {
      const nfc = m[0].normalize('NFC');
      const from = m.index;
      const to = from + m[0].length;
      // Every unit of a composed cluster maps to the whole raw cluster.
      for (let i = 0; i < nfc.length; i++) {
        const c = nfc.charCodeAt(i);
        const k = kind(c);
        if (k === KEEP) emit(c, index, from, to);
        else if (k === SPACE) space(index, from, to);
      }
    }
  }
  return out.result();
}

/** Normalises a string on its own (a quote, a question): the text of buildText([value]). */
export function normalizeText(value: string): string {
  return buildText([value]).text;
}

/**
 * A fast, stable 53-bit hash of the article's text (cyrb53), as 14 hex digits: stored with a
 * passage so a later load can tell whether the text changed since.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
