// Reader selection: a "Comment on this" button under any passage selected in the article
// (mouse, touch or keyboard: all end in selectionchange). The next Tab reaches the button.
import { describe } from '../anchor.ts';
import type { PassageAnchor, Strings } from '../bridge.ts';
import { toOffset, type PageText } from './dom-text.ts';
import { h, place, type Layer } from './ui.ts';

export const MAX_QUOTE = 2000;

export interface Selected {
  anchor: PassageAnchor;
  rect: DOMRect;
}

export function watchSelection(root: Element, layer: Layer, t: Strings, text: () => { pt: PageText; hash: string }, onComment: (s: Selected, button: HTMLElement) => void) {
  const button = h('button', { class: 'go', type: 'button', hidden: '' }, t('commentOnThis'));
  layer.shadow.appendChild(button);
  let current: Selected | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hide = () => {
    current = null;
    button.hidden = true;
  };

  function read(): Selected | null {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    const { pt, hash } = text();
    let start = toOffset(pt, range.startContainer, range.startOffset, false);
    let end = toOffset(pt, range.endContainer, range.endOffset, true);
    if (start === null || end === null) return null;
    // No space at either end of a quote.
    while (start < end && pt.text[start] === ' ') start++;
    while (end > start && pt.text[end - 1] === ' ') end--;
    if (end <= start || end - start > MAX_QUOTE) return null;
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
    return { anchor: { ...describe(pt.text, start, end), textHash: hash }, rect };
  }

  const update = () => {
    current = read();
    if (!current) return hide();
    button.hidden = false;
    place(layer, button, current.rect.left, current.rect.bottom + 6);
  };

  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  };
  const onKey = (e: KeyboardEvent) => {
    if (button.hidden) return;
    if (e.key === 'Escape') hide();
    else if (e.key === 'Tab' && !e.shiftKey && layer.shadow.activeElement !== button) {
      e.preventDefault();
      button.focus();
    }
  };
  // Keep the selection: a mouse press on the button would otherwise clear it first.
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', () => {
    if (!current) return;
    const chosen = current;
    hide();
    onComment(chosen, button);
  });
  document.addEventListener('selectionchange', onChange);
  document.addEventListener('keydown', onKey, true);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('selectionchange', onChange);
    document.removeEventListener('keydown', onKey, true);
    button.remove();
  };
}
