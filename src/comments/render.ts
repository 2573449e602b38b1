// Markdown subset → safe HTML. markdown-it with raw HTML off does the formatting;
// sanitize-html with a strict allowlist is the second, independent layer against XSS.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { cleanText } from './text.ts';

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'link',
  'linkify',
  'blockquote',
  'backticks',
  'code',
  'fence',
  'list',
  'escape',
  'entity',
  'autolink',
  'text_join',
]);
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

const allowlist: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'a', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href', 'rel', 'target'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  // Entities (&#x202E;, &ZeroWidthSpace;) decode to characters the source was cleaned of.
  textFilter: (text) => cleanText(text),
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener noreferrer', target: '_blank' },
    }),
  },
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), allowlist).trim();
}
