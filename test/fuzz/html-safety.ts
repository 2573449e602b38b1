// Judges server-rendered HTML the way a browser would read it: parse5 implements the WHATWG
// parsing algorithm, so what it builds is what a browser builds, quirks and all.
import { parse, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Element = DefaultTreeAdapterMap['element'];

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** What a comment body may contain (src/comments/render.ts), with the attributes each may carry. */
export const CONTENT_ALLOWLIST: Record<string, string[]> = {
  p: [], br: [], strong: [], em: [], blockquote: [], code: [], pre: [], ul: [], li: [],
  ol: ['start'],
  a: ['href', 'rel', 'target'],
};

/** The pages' own structure around the comments. */
const PAGE_TAGS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'style', 'script', 'section', 'nav', 'h1', 'h2', 'ul', 'li', 'article', 'header', 'footer', 'time', 'span', 'strong', 'a', 'p', 'div']);
/** The only scripts a page may load: the widget's own, from this server. */
const PAGE_SCRIPTS = new Set(['/embed.js', '/count.js', '/support.js']);
/**
 * The reader-support region ([data-colloquy-support]: goal bar and "Support us" block) is the
 * server's own markup, built from staff settings, never from comments. It may hold its form,
 * one style element and positions as style attributes of exactly this shape.
 */
const SUPPORT_TAGS = new Set(['section', 'div', 'p', 'span', 'strong', 'h2', 'h3', 'ul', 'li', 'a', 'br', 'code', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'label', 'input', 'select', 'option', 'button', 'style']);
const SUPPORT_STYLE = /^(width|left):\d{1,3}(\.\d+)?%$/;
/** Attributes a browser resolves as URLs, and so may run a javascript: URL or load something. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'codebase', 'ping', 'longdesc', 'manifest', 'icon', 'srcset', 'lowsrc', 'dynsrc']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const REQUIRED_REL = ['nofollow', 'ugc', 'noopener'];

/**
 * The scheme a browser would see in a URL attribute, lower-cased, or null for a relative URL.
 * parse5 has already decoded entities; browsers also drop tabs and newlines anywhere and
 * C0 controls and spaces at the ends. We strip every control, space and invisible format
 * character anywhere, which is stricter.
 */
export function schemeOf(url: string): string | null {
  const squeezed = url.replace(/[\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  return match ? match[1].toLowerCase() : null;
}

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  // <template> keeps its children in a separate fragment.
  if ('content' in node && node.content) yield* elements(node.content as Node);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const describe = (el: Element) => `<${el.tagName}${el.attrs.map((a) => ` ${a.name}="${a.value}"`).join('')}>`;

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Rules every element anywhere must meet. */
function universalProblems(el: Element): string[] {
  const problems: string[] = [];
  if (el.namespaceURI !== HTML_NS) problems.push(`foreign (${el.namespaceURI}) element ${describe(el)}`);
  for (const { name, value, prefix } of el.attrs) {
    const full = prefix ? `${prefix}:${name}` : name;
    if (/^on/i.test(name)) problems.push(`event handler attribute ${full} on ${describe(el)}`);
    if (name === 'style' || name === 'srcdoc') problems.push(`${name} attribute on ${describe(el)}`);
    if (URL_ATTRIBUTES.has(full) || URL_ATTRIBUTES.has(name)) {
      const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]) : [value];
      for (const url of urls) {
        const scheme = schemeOf(url);
        if (scheme !== null && !SAFE_SCHEMES.has(scheme)) problems.push(`${scheme}: URL in ${full} of ${describe(el)}`);
      }
    }
  }
  return problems;
}

/** Rules for markup that came from a comment body: the allowlist, and rel on every link. */
function contentProblems(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of elements(root)) {
    if (el === root) continue;
    problems.push(...universalProblems(el));
    const allowed = CONTENT_ALLOWLIST[el.tagName];
    if (!allowed) {
      problems.push(`element outside the allowlist: ${describe(el)}`);
      continue;
    }
    for (const { name } of el.attrs) if (!allowed.includes(name)) problems.push(`attribute ${name} not allowed on ${describe(el)}`);
    if (el.tagName === 'a') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      const missing = REQUIRED_REL.filter((r) => !rel.includes(r));
      if (missing.length) problems.push(`link without rel ${missing.join(' ')}: ${describe(el)}`);
    }
  }
  return problems;
}

/**
 * Problems in a comment's `html` as the widget receives it. Checked as parsed, and again after
 * a serialise → parse round trip: markup that changes meaning when re-parsed is mutation XSS.
 */
export function fragmentProblems(html: string): string[] {
  const once = parseFragment(html);
  const problems = contentProblems(once);
  const serialised = serialize(once);
  const twice = parseFragment(serialised);
  if (serialize(twice) !== serialised) problems.push(`markup changes when re-parsed (mutation XSS shape): ${JSON.stringify(serialised)} → ${JSON.stringify(serialize(twice))}`);
  problems.push(...contentProblems(twice).map((p) => `after a round trip: ${p}`));
  return [...new Set(problems)];
}

export interface RenderedComment {
  id: string;
  author: string | null;
  replyTo: string | null;
}

export interface PageReport {
  problems: string[];
  title: string;
  canonical: string | null;
  comments: RenderedComment[];
}

/** Problems in a whole server-rendered page (/embed/thread or the demo page), and what it shows. */
export function pageProblems(html: string): PageReport {
  const document = parse(html);
  const problems: string[] = [];
  const comments: RenderedComment[] = [];
  let title = '';
  let canonical: string | null = null;
  let styles = 0;
  let supportStyles = 0;
  for (const el of elements(document)) {
    const inComment = hasCommentAncestor(el);
    if (inSupportRegion(el)) {
      problems.push(...supportProblems(el, supportStyles));
      if (el.tagName === 'style') supportStyles++;
      continue;
    }
    problems.push(...universalProblems(el));
    if (!PAGE_TAGS.has(el.tagName) && !(inComment && CONTENT_ALLOWLIST[el.tagName])) problems.push(`element not expected on the page: ${describe(el)}`);
    switch (el.tagName) {
      case 'script':
        if (!PAGE_SCRIPTS.has(attr(el, 'src') ?? '') || textOf(el).trim()) problems.push(`script that is not the widget: ${describe(el)}`);
        break;
      case 'style':
        styles++;
        if (el.parentNode !== headOf(document) || styles > 1) problems.push('a style element other than the page\u2019s own');
        break;
      case 'meta':
        if (attr(el, 'http-equiv') !== undefined || (attr(el, 'charset') === undefined && attr(el, 'name') !== 'viewport')) problems.push(`meta element: ${describe(el)}`);
        break;
      case 'link':
        if (attr(el, 'rel') !== 'canonical' || !['http', 'https'].includes(schemeOf(attr(el, 'href') ?? '') ?? '')) problems.push(`link element: ${describe(el)}`);
        canonical = attr(el, 'href') ?? null;
        break;
      case 'title':
        title = textOf(el);
        break;
      case 'a':
        // Links the page itself makes are relative to this server; links in comments are checked below.
        if (!inComment && !/^(\/(?!\/)|#)/.test(attr(el, 'href') ?? '')) problems.push(`page link leaving the site: ${describe(el)}`);
        break;
      case 'li':
        if (attr(el, 'class') === 'comment') comments.push(renderedComment(el, problems));
        break;
    }
  }
  return { problems: [...new Set(problems)], title, canonical, comments };
}

function inSupportRegion(el: Element): boolean {
  for (let node: Element | null = el; node && 'tagName' in node; node = node.parentNode as Element | null) {
    if (node.attrs.some((a) => a.name === 'data-colloquy-support')) return node !== el;
  }
  return false;
}

/** The support region's own rules: its tags, one style element, positions only, its form and links. */
function supportProblems(el: Element, stylesBefore: number): string[] {
  const problems = universalProblems(el).filter((p) => !(p.startsWith('style attribute') && SUPPORT_STYLE.test(attr(el, 'style') ?? '')));
  if (!SUPPORT_TAGS.has(el.tagName)) problems.push(`element not expected in the support block: ${describe(el)}`);
  if (el.tagName === 'style' && stylesBefore > 0) problems.push('a second style element in the support block');
  if (el.tagName === 'form' && !/^(https?:\/\/[^/]+)?\/support\/checkout$/.test(attr(el, 'action') ?? '')) problems.push(`support form posting elsewhere: ${describe(el)}`);
  if (el.tagName === 'a' && !/^(\/(?!\/)|#)/.test(attr(el, 'href') ?? '') && !(attr(el, 'rel') ?? '').split(/\s+/).includes('noopener')) problems.push(`support link without rel noopener: ${describe(el)}`);
  return problems;
}

function headOf(document: DefaultTreeAdapterMap['document']): Node | undefined {
  const html = document.childNodes.find((n) => n.nodeName === 'html') as Element | undefined;
  return html?.childNodes.find((n) => n.nodeName === 'head');
}

/** Inside a comment's body: below an <article> of a li.comment, and not in its header or footer. */
function hasCommentAncestor(el: Element): boolean {
  for (let node = el.parentNode as Element | null; node && 'tagName' in node; node = node.parentNode as Element | null) {
    if (node.tagName === 'header' || node.tagName === 'footer') return false;
    if (node.tagName === 'article') return true;
  }
  return false;
}

function renderedComment(li: Element, problems: string[]): RenderedComment {
  const id = (attr(li, 'id') ?? '').replace(/^c-/, '');
  const article = li.childNodes.find((n): n is Element => n.nodeName === 'article');
  if (!article) {
    problems.push(`comment ${id} without its article`);
    return { id, author: null, replyTo: null };
  }
  let author: string | null = null;
  let replyTo: string | null = null;
  for (const child of article.childNodes) {
    if (!('tagName' in child)) continue;
    if (child.tagName === 'header') {
      for (const part of child.childNodes) {
        if (!('tagName' in part)) continue;
        const kind = `${part.tagName}.${attr(part, 'class') ?? ''}`;
        if (!['strong.author', 'time.', 'span.edited', 'a.reply-to'].includes(kind)) problems.push(`unexpected ${describe(part)} in the header of comment ${id}`);
        if (part.childNodes.some((n) => 'tagName' in n)) problems.push(`markup inside ${describe(part)} of comment ${id}`);
        if (kind === 'strong.author') author = textOf(part);
        if (kind === 'a.reply-to') replyTo = textOf(part);
      }
    } else if (child.tagName !== 'footer') {
      // The body: what the sanitiser produced, and nothing else.
      const wrapper = { nodeName: '#document-fragment', childNodes: [child] } as unknown as ParentNode;
      const isDeletedNote = child.tagName === 'p' && attr(child, 'class') === 'deleted';
      if (!isDeletedNote) problems.push(...contentProblems(wrapper).map((p) => `comment ${id}: ${p}`));
    }
  }
  return { id, author, replyTo };
}
