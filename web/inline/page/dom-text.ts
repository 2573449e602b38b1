// The article's normalised text (../text.ts) read from the host page's DOM, and the way
// between its offsets and DOM ranges.
import { BREAK, buildText, type MappedText, type Part } from '../text.ts';

const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA|SELECT|BUTTON|INPUT|IFRAME|OBJECT|SVG|CANVAS)$/i;
const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DETAILS|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|CAPTION|THEAD|TBODY|TFOOT|TR|TD|TH|UL)$/;

export interface PageText extends MappedText {
  /** The text node of each part (null for block boundaries). */
  nodes: Array<Text | null>;
  /** Text nodes in document order with their part index. */
  texts: Array<{ node: Text; part: number }>;
}

/** Our own elements and hidden ones are not article text. */
// A shadow host's own children are not what it shows (the widget's server-rendered thread).
export const isOurs = (el: Element) => el.hasAttribute('data-colloquy-ui') || el.hasAttribute('hidden') || !!el.shadowRoot;

export function readText(root: Element): PageText {
  const parts: Part[] = [];
  const nodes: Array<Text | null> = [];
  const texts: PageText['texts'] = [];
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        texts.push({ node: n as Text, part: parts.length });
        parts.push((n as Text).data);
        nodes.push(n as Text);
      } else if (n.nodeType === 1) {
        const child = n as Element;
        if (SKIP.test(child.tagName) || isOurs(child)) continue;
        const block = BLOCK.test(child.tagName);
        if (block) parts.push(BREAK), nodes.push(null);
        walk(child);
        if (block) parts.push(BREAK), nodes.push(null);
      }
    }
  };
  walk(root);
  return { ...buildText(parts), nodes, texts };
}

/** First unit index i at or after (part, raw offset), by binary search: (part, from) never decreases. */
function unitAt(pt: PageText, part: number, offset: number, end: boolean): number {
  let lo = 0;
  let hi = pt.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const p = pt.part[mid]!;
    const before = p < part || (p === part && (end ? pt.from[mid]! < offset : pt.to[mid]! <= offset));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text offset of a DOM boundary point (a selection's start or end); null outside the text. */
export function toOffset(pt: PageText, container: Node, offset: number, end: boolean): number | null {
  if (container.nodeType === 3) {
    const entry = pt.texts.find((t) => t.node === container);
    return entry ? unitAt(pt, entry.part, offset, end) : null;
  }
  // An element boundary: the first text node after the point (binary search in document order).
  const range = document.createRange();
  range.setStart(container, offset);
  let lo = 0;
  let hi = pt.texts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (range.comparePoint(pt.texts[mid]!.node, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < pt.texts.length ? unitAt(pt, pt.texts[lo]!.part, 0, end) : pt.text.length;
}

/** Per text node, the raw [from, to) a text span covers. */
export function rawSpans(pt: PageText, start: number, end: number): Array<{ node: Text; from: number; to: number }> {
  const spans: Array<{ node: Text; from: number; to: number }> = [];
  for (let i = start; i < end; i++) {
    const node = pt.nodes[pt.part[i]!];
    if (!node || pt.from[i] === pt.to[i]) continue;
    const last = spans.at(-1);
    if (last && last.node === node) last.to = Math.max(last.to, pt.to[i]!);
    else spans.push({ node, from: pt.from[i]!, to: pt.to[i]! });
  }
  return spans;
}

/** The text span an element's own text covers (editor-placed questions). */
export function spanOf(pt: PageText, el: Element): [number, number] | null {
  let first = -1;
  let last = -1;
  for (const t of pt.texts) {
    if (!el.contains(t.node)) continue;
    if (first < 0) first = unitAt(pt, t.part, 0, false);
    last = unitAt(pt, t.part, t.node.data.length, true);
  }
  return first >= 0 && last > first ? [first, last] : null;
}

/** The text's paragraphs (runs between block boundaries) as [start, end) spans. */
export function blocks(pt: PageText): Array<[number, number]> {
  // breaks[k]: block boundaries among the first k parts (their nodes are null).
  const breaks = new Int32Array(pt.nodes.length + 1);
  pt.nodes.forEach((node, k) => (breaks[k + 1] = breaks[k]! + (node === null ? 1 : 0)));
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= pt.text.length; i++) {
    // A space between the text of two parts with a boundary between them ends a paragraph.
    if (i < pt.text.length && !(pt.text[i] === ' ' && breaks[pt.part[i + 1]!]! > breaks[pt.part[i - 1]! + 1]!)) continue;
    spans.push([start, i]);
    start = i + 1;
  }
  return spans;
}
