// inline.js: inline feedback in the host page, started by the widget (see ../bridge.ts).
// On every update it re-anchors all passages in the article's current text (../anchor.ts),
// marks them, and puts markers in the margin; editor-placed questions are found by their
// data-colloquy-feedback attribute, or placed through the console and re-anchored like
// readers' passages; readers may select any passage and comment on it.
import { describe, locate } from '../anchor.ts';
import type { Controller, Host, PassageAnchor, PassageInfo, PassageStatus, PlacedQuestion } from '../bridge.ts';
import { normalizeText, textHash } from '../text.ts';
import { readText, spanOf, type PageText } from './dom-text.ts';
import { ATTR, marksOf, unwrap, wrap } from './highlight.ts';
import { createMarkers } from './markers.ts';
import { createPopup, type Focusable } from './popup.ts';
import { passageKeys } from './keyboard.ts';
import { MAX_QUOTE, watchSelection, type Selected } from './selection.ts';
import { createLayer } from './ui.ts';

export { locateAll } from '../anchor.ts';
export { readText } from './dom-text.ts';

interface Question {
  /** The attribute's element; for a placed question, the passage's first mark. */
  el?: Element;
  question: string;
  anchor: PassageAnchor;
}

/** The passage id of an editor's question: the element's id, else a hash of question and text. */
function feedbackId(el: Element, question: string, text: string): string {
  const id = el.id.replace(/[^A-Za-z0-9_:.-]/g, '-').slice(0, 100);
  return id || `h${textHash(`${question}\u0000${text}`)}`;
}

export function start(host: Host): Controller {
  const { root, t } = host;
  const layer = createLayer();
  let passages: PassageInfo[] = [];
  let placed: PlacedQuestion[] = [];
  let pt: PageText | null = null;
  let hash = '';
  const status = new Map<string, PassageStatus>();
  const positions = new Map<string, number>();
  const questions = new Map<string, Question>();
  const popup = createPopup(host, layer, () => {});
  const markers = createMarkers(root, layer, t, host.attraction === 'pulse', (key, opener) => openFor(key, opener));

  /** The page text; read again after marks split text nodes (its characters stay the same). */
  const text = () => {
    if (!pt) {
      pt = readText(root);
      hash = textHash(pt.text);
    }
    return { pt, hash };
  };

  function anchorAll(): void {
    unwrap(root);
    pt = null;
    const { pt: page } = text();
    status.clear();
    positions.clear();
    questions.clear();
    const spans: Array<{ key: string; start: number; end: number }> = [];
    const found = (key: string, start: number, end: number) => {
      spans.push({ key, start, end });
      status.set(key, 'anchored');
      positions.set(key, start);
    };
    for (const el of document.querySelectorAll('[data-colloquy-feedback]')) {
      const span = root.contains(el) ? spanOf(page, el) : null;
      if (!span) continue;
      const question = normalizeText(el.getAttribute('data-colloquy-feedback') ?? '') || t('passageTitle');
      const end = Math.min(span[1], span[0] + MAX_QUOTE);
      const id = feedbackId(el, question, page.text.slice(span[0], end));
      const key = `f:${id}`;
      questions.set(key, { el, question, anchor: { ...describe(page.text, span[0], end), textHash: hash, feedbackId: id } });
      found(key, span[0], end);
    }
    for (const q of placed) {
      if (questions.has(q.key)) continue;
      const at = locate(page.text, q.anchor);
      if (!at) {
        status.set(q.key, 'orphan');
        continue;
      }
      questions.set(q.key, { question: q.question, anchor: { ...describe(page.text, at.start, at.end), textHash: hash, feedbackId: q.feedbackId } });
      found(q.key, at.start, at.end);
    }
    for (const p of passages) {
      if (questions.has(p.key) || status.has(p.key)) continue;
      const at = locate(page.text, p.anchor);
      if (at) found(p.key, at.start, at.end);
      else status.set(p.key, 'orphan');
    }
    wrap(page, spans);
    pt = null;
    const counts = new Map(passages.map((p) => [p.key, p.count]));
    const editor = host.attraction === 'off' ? [] : [...questions].map(([key, q]) => ({ key, count: counts.get(key) ?? 0, question: q.question, el: q.el ?? marksOf(root, key)[0] }));
    const readers = passages.filter((p) => !questions.has(p.key) && status.get(p.key) === 'anchored').map((p) => ({ key: p.key, count: p.count }));
    markers.render([...editor, ...readers]);
    host.changed();
  }

  function openFor(key: string, opener?: HTMLElement | null): void {
    const q = questions.get(key);
    const p = passages.find((x) => x.key === key);
    const anchor = q?.anchor ?? p?.anchor;
    const near = (opener ?? marksOf(root, key)[0])?.getBoundingClientRect();
    if (!anchor || !near) return;
    popup.show({ key, anchor, question: q?.question, count: p?.count ?? 0, near, opener });
  }

  // A click on a marked passage (not the end of a selection) opens its comments.
  const onClick = (e: Event) => {
    const mark = (e.target as Element).closest?.(`mark[${ATTR}]`);
    if (!mark || !getSelection()?.isCollapsed) return;
    openFor(mark.getAttribute(ATTR)!.split(' ')[0]!);
  };
  root.addEventListener('click', onClick);

  const commentOn = (s: Selected, opener: Focusable) => popup.show({ key: null, anchor: s.anchor, count: 0, near: s.rect, opener });
  const stopSelection = host.selection ? watchSelection(root, layer, t, text, commentOn) : () => {};
  const choose = passageKeys(layer, t, text, commentOn);

  let frame = 0;
  const reposition = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => markers.position());
  };
  addEventListener('resize', reposition);
  const resized = new ResizeObserver(reposition);
  resized.observe(root);

  anchorAll();

  return {
    update(list, questionList) {
      passages = list;
      placed = questionList;
      anchorAll();
    },
    status: (key) => status.get(key),
    position: (key) => positions.get(key),
    question: (key) => questions.get(key)?.question,
    choose(opener) {
      if (host.selection) choose(opener);
    },
    reveal(key) {
      const marks = marksOf(root, key);
      if (!marks.length) return false;
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      marks[0]!.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      for (const m of marks) m.setAttribute('data-colloquy-active', '');
      setTimeout(() => marks.forEach((m) => m.removeAttribute('data-colloquy-active')), 2500);
      return true;
    },
    stop() {
      root.removeEventListener('click', onClick);
      removeEventListener('resize', reposition);
      resized.disconnect();
      stopSelection();
      markers.stop();
      popup.close();
      unwrap(root);
      layer.remove();
    },
  };
}
