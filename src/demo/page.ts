// The demo article at /: the widget embedded exactly as a publisher would paste it,
// with the server-rendered thread inside the container for crawlers and no-JS readers.
import type { FastifyInstance } from 'fastify';
import { threadSection } from '../comments/thread-html.ts';
import type { CommentService } from '../comments/service.ts';
import { html, raw } from '../platform/html.ts';
import type { SiteService } from '../sites/service.ts';
import type { Support } from '../support/index.ts';

export const DEMO_SITE = 'demo';
export const DEMO_PAGE = 'welcome-to-colloquy';

/** Settings the demo site is created with: ALTCHA for guests unless DEMO_ALTCHA=false. */
export function demoSettings(config: { demoAltcha: boolean }) {
  return config.demoAltcha ? {} : { moderation: { bots: { altcha: false } } };
}

const ARTICLE = [
  'City council votes to turn the old rail yard into a public park',
  'After three years of hearings, the council approved the plan on Tuesday night by a vote of seven to two. The 40-acre site, idle since the freight line closed, will become a park with a community garden, a skate area and a path along the river.',
  'Supporters packed the chamber. "This is the first big green space on the east side in a generation," said one resident who had spoken at every hearing. Opponents argued that the land should have gone to housing, and that the city has not said how it will pay for upkeep.',
  'Construction is expected to start next spring. The council will take public comments on the design until the end of the month.',
];

export async function demoRoutes(app: FastifyInstance, deps: { comments: CommentService; sites: SiteService; support?: Support }) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const site = await deps.sites.require(DEMO_SITE);
    const thread = await deps.comments.page(site, DEMO_PAGE, 'newest', undefined, 20);
    // The goal bar and "Support us" block, server-rendered; support.js keeps the bar live.
    const support = deps.support ? await deps.support.fragment(site, `${request.protocol}://${request.host}`, 'en-US', true) : '';
    const [title, ...paragraphs] = ARTICLE;
    const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · The Riverside Courier</title>
<style>
body{font:18px/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#222;background:#fdfcf9}
@media (prefers-color-scheme:dark){body{color:#e6e3dc;background:#17171a}a{color:#9ec1ff}}
header p{font:14px system-ui,sans-serif;opacity:.7}.list{font:15px system-ui,sans-serif}
</style></head>
<body>
<header><p>The Riverside Courier · Local news</p><h1>${title}</h1></header>
<article>${paragraphs.map((p) => html`<p>${p}</p>`)}</article>
<p class="list">More stories: <a href="/#colloquy">${title}</a> (<span data-colloquy-count="${DEMO_PAGE}">${thread.thread.commentCount} comments</span>)</p>
${support ? html`<div data-colloquy-support data-site="${DEMO_SITE}" data-block data-locale="en-US">${raw(support)}</div>
<script src="/support.js" async></script>` : ''}
<div id="colloquy" data-page="${DEMO_PAGE}">${threadSection(thread, { site: site.id, sort: 'newest', basePath: '/embed/thread' })}</div>
<script src="/embed.js" data-site="${DEMO_SITE}" data-page="${DEMO_PAGE}" data-title="${title}"${raw(support ? ' data-support="off"' : '')} async></script>
<script src="/count.js" data-site="${DEMO_SITE}" async></script>
</body></html>`;
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(page.html);
  });
}
