// The article the console places questions on, read from the HTML the server fetched
// (GET /api/v1/admin/inline/article). The HTML is parsed by DOMParser into a document with no
// browsing context: its scripts never run, its images, frames and styles never load, its event
// handlers never fire, and none of its nodes enter the console's page. Only its text is used:
// the same article text the widget reads on the live page (web/inline/page/dom-text.ts from the
// same root, web/inline/root.ts), shown as text nodes, so offsets chosen here are the widget's.
import { describe } from '../inline/anchor.ts';
import { blocks, readText } from '../inline/page/dom-text.ts';
import { articleRoot } from '../inline/root.ts';
import { textHash } from '../inline/text.ts';

export interface Block {
  start: number;
  end: number;
}

export interface Article {
  /** The normalised article text: the coordinate system of anchors. */
  text: string;
  hash: string;
  /** Paragraphs (block elements) as spans of the text, for the preview. */
  blocks: Block[];
  /** The page key the embed on that page uses (data-page, else the canonical or given path). */
  page: string;
}

export function parseArticle(html: string, url: string, siteRoot: string | null): Article {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const embed = doc.querySelector<HTMLScriptElement>('script[src*="embed.js"][data-site]');
  const pt = readText(articleRoot(doc, embed?.dataset.inlineRoot || siteRoot));
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
  const path = URL.parse(canonical ?? '', url)?.pathname ?? URL.parse(url)?.pathname ?? url;
  return { text: pt.text, hash: textHash(pt.text), blocks: blocks(pt).map(([start, end]) => ({ start, end })), page: embed?.dataset.page || path };
}

/** The anchor of text[start, end), without spaces at its ends; null when nothing is left. */
export function anchorOf(article: Article, start: number, end: number) {
  const { text } = article;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  if (end <= start) return null;
  return { ...describe(text, start, end), textHash: article.hash };
}

/** The text offset of a point in the preview: blocks are <p data-start> holding one text node. */
export function previewOffset(node: Node, offset: number): number | null {
  const block = (node.nodeType === 3 ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-start]');
  if (!block) return null;
  const start = Number(block.dataset.start);
  if (node.nodeType === 3) return start + offset;
  // An element boundary: before the block's text, or after it.
  return offset === 0 ? start : start + (block.textContent?.length ?? 0);
}
