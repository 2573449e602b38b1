// The goal bar's tree (src/support/bar-view.ts) as DOM nodes: elements, attributes and text
// nodes, never markup parsed from a string. The widget and the console draw the bar with it,
// so they show exactly what support.js and the server-rendered bar show. Styles go through the
// CSSOM, which a page's Content-Security-Policy (the console's: style-src 'self') allows where
// a style attribute would be refused.
import type { BarNode } from '../../src/support/bar-view.ts';

export function toDom(node: BarNode, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'style') el.style.cssText = value;
    else el.setAttribute(name, value);
  }
  for (const child of node.children) el.append(toDom(child, doc));
  return el;
}

/** Adds CSS to a document or shadow root as a constructed sheet (a <style> where unsupported). */
export function adoptCss(root: Document | ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    (root instanceof Document ? root.head : root).appendChild(style);
  }
}
