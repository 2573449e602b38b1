// "Comment on a passage" for keyboard users without caret browsing: the article's sentences
// (Intl.Segmenter, per paragraph) are chosen with the arrow keys, shown as the page's
// selection and announced; Shift extends, Enter opens the comment form, Escape leaves.
import { describe } from '../anchor.ts';
import type { Strings } from '../bridge.ts';
import { blocks, rawSpans, type PageText } from './dom-text.ts';
import type { Focusable } from './popup.ts';
import { MAX_QUOTE, type Selected } from './selection.ts';
import { h, type Layer } from './ui.ts';

export function passageKeys(layer: Layer, t: Strings, text: () => { pt: PageText; hash: string }, comment: (s: Selected, opener: Focusable) => void) {
  const status = h('p', { role: 'status', class: 'sr' });
  layer.shadow.appendChild(status);
  let units: Array<[number, number]> = [];
  let from = 0;
  let to = 0;
  let opener: Focusable;

  const range = () => {
    const { pt } = text();
    const spans = rawSpans(pt, units[from]![0], units[to]![1]);
    const r = document.createRange();
    r.setStart(spans[0]!.node, spans[0]!.from);
    r.setEnd(spans.at(-1)!.node, spans.at(-1)!.to);
    return r;
  };

  function show(): void {
    const r = range();
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(r);
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    status.textContent = r.toString();
  }

  function stop(): void {
    units = [];
    removeEventListener('keydown', onKey, true);
  }

  function onKey(e: KeyboardEvent): void {
    const last = units.length - 1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (e.shiftKey) to = Math.max(from, Math.min(last, to + step));
      else from = to = Math.max(0, Math.min(last, (step > 0 ? to : from) + step));
      show();
    } else if (e.key === 'Enter') {
      const { pt, hash } = text();
      const start = units[from]![0];
      const end = Math.min(units[to]![1], start + MAX_QUOTE);
      const rect = range().getBoundingClientRect();
      stop();
      comment({ anchor: { ...describe(pt.text, start, end), textHash: hash }, rect }, opener);
    } else if (e.key === 'Tab') {
      // Tabbing away leaves the mode: the arrow keys are the page's again.
      return stop();
    } else if (e.key === 'Escape') {
      stop();
      status.textContent = '';
    } else return;
    e.preventDefault();
    e.stopPropagation();
  }

  /** Starts the mode at the first sentence; `by` gets focus back when the form closes. */
  return (by: Focusable) => {
    const { pt } = text();
    const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    units = blocks(pt).flatMap(([start, end]) =>
      [...sentences.segment(pt.text.slice(start, end))].map((s): [number, number] => [start + s.index, start + s.index + s.segment.trimEnd().length]),
    );
    if (!units.length) return;
    opener = by;
    from = to = 0;
    addEventListener('keydown', onKey, true);
    show();
    status.textContent = `${t('passageKeys')} ${status.textContent}`;
  };
}
