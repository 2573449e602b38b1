// Which element holds the article, for the widget on the live page and for the console on the
// page it read: the page's data-inline-root or the site's selector, else <article>, else <body>.
// One rule, so both read the same article text (text.ts) and offsets agree.
export function articleRoot(doc: Document, selector: string | null | undefined): Element {
  let el: Element | null = null;
  try {
    if (selector) el = doc.querySelector(selector);
  } catch {
    // An invalid selector: fall back.
  }
  return el ?? doc.querySelector('article') ?? doc.body;
}
