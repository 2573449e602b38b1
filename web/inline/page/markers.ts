// Margin markers: a count beside each passage with comments, and the editor's question icon
// (quiet, pulsing once when scrolled into view, or none: the site's attraction setting).
import type { Strings } from '../bridge.ts';
import { marksOf } from './highlight.ts';
import { h, place, type Layer } from './ui.ts';

export interface MarkerSpec {
  key: string;
  count: number;
  question?: string;
  /** The question's element, watched for the pulse. */
  el?: Element;
}

export function createMarkers(root: Element, layer: Layer, t: Strings, pulse: boolean, open: (key: string, opener: HTMLElement) => void) {
  let buttons: Array<{ key: string; button: HTMLButtonElement }> = [];
  const seen = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      buttons.find((b) => b.button.dataset.for === (e.target as HTMLElement).dataset.colloquyKey)?.button.classList.add('pulse');
      seen.unobserve(e.target);
    }
  });

  function position(): void {
    const box = root.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const placed: Array<{ button: HTMLButtonElement; top: number }> = [];
    for (const { key, button } of buttons) {
      const rect = marksOf(root, key)[0]?.getClientRects()[0];
      button.hidden = !rect;
      if (rect) placed.push({ button, top: rect.top });
    }
    placed.sort((a, b) => a.top - b.top);
    let last = -Infinity;
    for (const p of placed) {
      // Markers of passages on the same line stack instead of covering each other.
      const top = Math.max(p.top - 2, last + 26);
      last = top;
      const left = box.right + 48 < width ? box.right + 10 : box.right - 40;
      place(layer, p.button, left, top);
    }
  }

  function render(specs: MarkerSpec[]): void {
    for (const b of buttons) b.button.remove();
    seen.disconnect();
    buttons = specs.map((spec) => {
      const label = spec.question
        ? t('questionMarker', { count: spec.count, question: spec.question })
        : t('passageMarker', { count: spec.count });
      const button = h('button', { class: spec.question ? 'm q' : 'm', type: 'button', 'aria-label': label, title: label, 'data-for': spec.key }, spec.question ? `? ${spec.count}` : String(spec.count));
      button.addEventListener('click', () => open(spec.key, button));
      layer.shadow.appendChild(button);
      if (pulse && spec.el instanceof HTMLElement) {
        spec.el.dataset.colloquyKey = spec.key;
        seen.observe(spec.el);
      }
      return { key: spec.key, button };
    });
    position();
  }

  return { render, position, stop: () => (seen.disconnect(), buttons.forEach((b) => b.button.remove())) };
}
