// The goal bar's tree (src/support/bar-view.ts) as DOM nodes: elements, attributes and text
// nodes, never markup parsed from a string. The widget and the console draw the bar with it,
// so they show exactly what support.js and the server-rendered bar show.
import type { BarNode } from '../../src/support/bar-view.ts';

export function toDom(node: BarNode, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
  for (const child of node.children) el.append(toDom(child, doc));
  return el;
}
