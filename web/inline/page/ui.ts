// The inline script's own UI (margin markers, question icons, the "Comment on this" button,
// the popup) lives in one shadow root on an element appended to <body>, so the host page's
// CSS cannot reach it. The only styles in the page itself are for the passage marks, with
// a unique attribute as their prefix.
import { ATTR } from './highlight.ts';

const PAGE_CSS = `mark[${ATTR}]{background:none;color:inherit;padding:0;text-decoration:underline dotted rgba(120,120,120,.55);text-underline-offset:.2em;cursor:pointer}
mark[${ATTR}][data-colloquy-active]{background:rgba(255,200,40,.45);transition:background .4s;border-radius:2px}`;

const CSS = `*{box-sizing:border-box;font:14px/1.4 system-ui,sans-serif}
button{cursor:pointer;border:1px solid #2563eb;border-radius:6px;padding:5px 10px;background:#2563eb;color:#fff}
.m,.go{position:absolute;font-weight:600;font-size:12px;white-space:nowrap;box-shadow:0 1px 3px #0003}
.m{background:#fff;color:#2563eb;border-radius:12px 12px 12px 3px;padding:3px 8px}
.q{background:#2563eb;color:#fff}
.pulse{animation:p 1.6s 2}
@keyframes p{to{box-shadow:0 0 0 12px #2563eb00}}
@media (prefers-reduced-motion:reduce){.pulse{animation:none}}
.pop{position:absolute;width:min(340px,92vw);background:#fff;color:#222;border:1px solid #ccc;border-radius:8px;box-shadow:0 6px 24px #0003;padding:12px}
h2{font-weight:700;margin:0 24px 8px 0}
blockquote{margin:0 0 8px;padding:0 8px;border-left:3px solid #f5b400;color:#555;max-height:5.6em;overflow:hidden}
ul{list-style:none;margin:0 0 8px;padding:0;max-height:180px;overflow:auto}
li{border-top:1px solid #eee;padding:4px 0}
textarea,input{display:block;width:100%;padding:6px;border:1px solid #ccc;border-radius:6px;margin:0 0 6px}
.row{display:flex;justify-content:space-between}
.x{position:absolute;top:4px;right:4px;border:0;background:none;color:#555;font-size:18px}
a{color:#2563eb}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}`;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: Array<Node | string | null | false>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

function adopt(target: Document | ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  } catch {
    const style = h('style', { 'data-colloquy-ui': '' }, css);
    (target === document ? document.head : target).appendChild(style);
  }
}

export interface Layer {
  shadow: ShadowRoot;
  host: HTMLElement;
  remove(): void;
}

export function createLayer(): Layer {
  adopt(document, PAGE_CSS);
  const host = h('div', { 'data-colloquy-ui': '', style: 'position:absolute;top:0;left:0;width:0;height:0;z-index:2147483000' });
  const shadow = host.attachShadow({ mode: 'open' });
  adopt(shadow, CSS);
  document.body.appendChild(host);
  return { shadow, host, remove: () => host.remove() };
}

/** Puts an element of the layer at a viewport position (the layer scrolls with the page). */
export function place(layer: Layer, el: HTMLElement, left: number, top: number): void {
  const origin = layer.host.getBoundingClientRect();
  el.style.left = `${Math.max(4 - origin.left, left - origin.left)}px`;
  el.style.top = `${top - origin.top}px`;
}
