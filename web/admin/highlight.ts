// Splits a comment's source text into plain and highlighted segments from the reasons' spans
// ([start, end) in UTF-16 code units, docs/ADMIN-API.md §3). Pure: the view turns segments
// into text nodes and <mark> elements, so user text never passes through an HTML parser.
import type { Reason } from './types.ts';

export interface Segment {
  text: string;
  /** 1-based numbers of the reasons whose spans cover this segment (empty: plain text). */
  reasons: number[];
}

/** Valid spans only: integers, inside the text, non-empty; a half surrogate pair is widened. */
function clamp(span: unknown, length: number, text: string): [number, number] | null {
  if (!Array.isArray(span) || span.length !== 2) return null;
  let [start, end] = span as [unknown, unknown];
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  start = Math.max(0, Math.min(length, start as number));
  end = Math.max(0, Math.min(length, end as number));
  let s = start as number;
  let e = end as number;
  if (e <= s) return null;
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s -= 1;
  if (e < length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e += 1;
  return [s, e];
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

export function segments(text: string, reasons: readonly Reason[]): Segment[] {
  const spans: { start: number; end: number; n: number }[] = [];
  reasons.forEach((r, i) => {
    const s = clamp(r.span, text.length, text);
    if (s) spans.push({ start: s[0], end: s[1], n: i + 1 });
  });
  if (!spans.length) return text ? [{ text, reasons: [] }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.n);
    const last = out[out.length - 1];
    // Neighbouring pieces with the same covering reasons join into one.
    if (last && same(last.reasons, covering)) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), reasons: covering });
  }
  return out;
}

function same(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** What a reason's span matched, for the reasons list ("k1ke"); null without a valid span. */
export function matched(text: string, reason: Reason, max = 60): string | null {
  const s = clamp(reason.span, text.length, text);
  if (!s) return null;
  const m = text.slice(s[0], s[1]);
  return m.length > max ? `${m.slice(0, max - 1)}…` : m;
}
