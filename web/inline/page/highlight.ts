// Passages in the host page as <mark data-colloquy-passage="key …"> around their text:
// one mark per piece of text, listing every passage that covers it (passages may overlap),
// so no marks nest. unwrap() puts the page back as it was.
import { rawSpans, type PageText } from './dom-text.ts';

export const ATTR = 'data-colloquy-passage';

export function wrap(pt: PageText, passages: Array<{ key: string; start: number; end: number }>): void {
  const perNode = new Map<Text, Array<{ key: string; from: number; to: number }>>();
  for (const p of passages) {
    for (const span of rawSpans(pt, p.start, p.end)) {
      let list = perNode.get(span.node);
      if (!list) perNode.set(span.node, (list = []));
      list.push({ key: p.key, from: span.from, to: span.to });
    }
  }
  for (const [node, list] of perNode) {
    const cuts = [...new Set(list.flatMap((s) => [s.from, s.to]))].sort((a, b) => b - a);
    // From the end backwards: splitting keeps the earlier offsets of the node valid.
    let rest = node;
    const pieces: Array<{ text: Text; from: number }> = [];
    for (const cut of cuts) {
      if (cut <= 0 || cut >= rest.data.length) continue;
      pieces.push({ text: rest.splitText(cut), from: cut });
    }
    pieces.push({ text: rest, from: 0 });
    for (const { text, from } of pieces) {
      const to = from + text.data.length;
      const keys = list.filter((s) => s.from <= from && s.to >= to).map((s) => s.key);
      if (!keys.length || !text.data.trim()) continue;
      const mark = document.createElement('mark');
      mark.setAttribute(ATTR, [...new Set(keys)].join(' '));
      text.replaceWith(mark);
      mark.appendChild(text);
    }
  }
}

export function marksOf(root: ParentNode, key: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[${ATTR}~="${CSS.escape(key)}"]`)];
}

export function unwrap(root: ParentNode): void {
  const parents = new Set<Node>();
  for (const mark of root.querySelectorAll(`mark[${ATTR}]`)) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  // Join the text we split, and only that: the rest of the page is left alone.
  for (const parent of parents) parent.normalize();
}
