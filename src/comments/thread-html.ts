// The thread as plain HTML: for readers without JavaScript and for crawlers.
// Sorting and "load more" are links, so the whole thread is reachable without scripts.
import { html, raw, type Raw } from '../platform/html.ts';
import type { ThreadPage } from './service.ts';
import type { CommentView } from './view.ts';
import type { Sort } from './store.ts';
import { strings, plural } from './strings.ts';

export interface ThreadHtmlOptions {
  site: string;
  sort: Sort;
  /** Base path for sort and pagination links. */
  basePath: string;
}

const SORTS: Sort[] = ['newest', 'oldest', 'votes'];

function link(options: ThreadHtmlOptions, page: string, params: Record<string, string>): string {
  const query = new URLSearchParams({ site: options.site, page, ...params });
  return `${options.basePath}?${query}`;
}

function commentHtml(comment: CommentView): Raw {
  const body = comment.deleted ? html`<p class="deleted">${strings.deleted}</p>` : raw(comment.html);
  return html`<li id="c-${comment.id}" class="comment">
<article>
<header>${comment.deleted ? '' : html`<strong class="author">${comment.author.name}</strong> `}<time datetime="${comment.createdAt}">${comment.createdAt.slice(0, 10)}</time>${comment.editedAt ? html` <span class="edited">${strings.edited}</span>` : ''}${comment.replyTo ? html` <a class="reply-to" href="#c-${comment.replyTo.id}">↪ @${comment.replyTo.name}</a>` : ''}</header>
${body}
<footer class="score" aria-label="${strings.score}">${comment.score}</footer>
</article>
${comment.replies.length ? html`<ul class="replies">${comment.replies.map(commentHtml)}</ul>` : ''}${comment.moreReplies > 0 ? html`<p class="more-replies">${plural(strings.moreReplies, comment.moreReplies)}</p>` : ''}
</li>`;
}

/** The thread section alone, to embed in a publisher's page (inside the widget container). */
export function threadSection(page: ThreadPage, options: ThreadHtmlOptions): Raw {
  const sortLinks = SORTS.map((sort) =>
    sort === options.sort
      ? html`<strong aria-current="true">${strings.sort[sort]}</strong>`
      : html`<a href="${link(options, page.thread.page, { sort })}" rel="nofollow">${strings.sort[sort]}</a>`,
  );
  return html`<section class="colloquy-thread" aria-label="${strings.comments}">
<h2>${plural(strings.commentCount, page.thread.commentCount)}</h2>
<nav class="sort">${sortLinks.map((l, i) => html`${i ? ' · ' : ''}${l}`)}</nav>
<ul class="comments">${page.comments.map(commentHtml)}</ul>
${page.nextCursor ? html`<p><a class="load-more" href="${link(options, page.thread.page, { sort: options.sort, cursor: page.nextCursor })}" rel="nofollow">${strings.loadMore}</a></p>` : ''}
</section>`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8ea;background:#141416}a{color:#8ab4ff}}
ul{list-style:none;padding-left:0}.replies{padding-left:1.25rem;border-left:2px solid #8884}
.comment article{margin:.75rem 0}.comment header{font-size:.9rem;opacity:.85}.deleted,.edited,.score{opacity:.7;font-size:.9rem}
blockquote{border-left:3px solid #8886;margin-left:0;padding-left:.75rem}pre{overflow:auto}`;

export function threadDocument(page: ThreadPage, options: ThreadHtmlOptions): string {
  const title = page.thread.title ?? strings.comments;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>${page.thread.url ? html`<link rel="canonical" href="${page.thread.url}">` : ''}<style>${raw(STYLE)}</style></head>
<body>${threadSection(page, options)}</body></html>`.html;
}
