// GET /embed/thread: the thread as HTML for readers without JavaScript and for crawlers,
// on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { useServer } from '../../test/helpers/suite.ts';

const XSS_NAME = '<img src=x onerror=alert(1)>';

/** The href of the first link with the given class, entity-decoded. */
function hrefOf(html: string, className: string): string | undefined {
  const match = new RegExp(`<a class="${className}" href="([^"]+)"`).exec(html);
  return match?.[1].replace(/&amp;/g, '&');
}

for (const engine of ENGINES) {
  describe(`no-JS thread HTML (${engine.name})`, () => {
    const h = useServer(engine);

    it('renders the comments, their replies and the count as an HTML document', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, name: 'Ann', body: 'Hello **there**', title: 'Rail yard park', url: 'https://publisher.example/park' });
      await h.api.reply(root, { page, name: 'Bob', body: 'Hi Ann' });
      const res = await h.api.embed(page);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const html = res.text;
      assert.match(html, /^<!doctype html>/);
      assert.match(html, /<title>Rail yard park<\/title>/);
      assert.match(html, /<link rel="canonical" href="https:\/\/publisher.example\/park">/);
      assert.match(html, /<h2>2 comments<\/h2>/);
      assert.match(html, new RegExp(`<li id="c-${root.id}" class="comment">`));
      assert.match(html, /<strong class="author">Ann<\/strong>/);
      assert.match(html, /<p>Hello <strong>there<\/strong><\/p>/);
      assert.match(html, /<ul class="replies">[\s\S]*<strong class="author">Bob<\/strong>[\s\S]*<p>Hi Ann<\/p>/);
    });

    it('escapes author names, reply-to names and bodies', async () => {
      const page = newPage();
      const root = await h.api.comment({ page, name: XSS_NAME, body: `${XSS_NAME} <script>alert(2)</script>`, title: '</title><script>alert(3)</script>' });
      const levels = [root];
      for (let i = 1; i < 6; i++) levels.push(await h.api.reply(levels[i - 1], { page, name: i === 4 ? XSS_NAME : `L${i}` }));
      const html = (await h.api.embed(page)).text;
      assert.ok(html.includes('<strong class="author">&lt;img src=x onerror=alert(1)&gt;</strong>'));
      assert.ok(html.includes('↪ @&lt;img src=x onerror=alert(1)&gt;'), 'reply-to name escaped');
      assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
      assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>'));
      assert.ok(!/<img|<script|onerror=alert\(1\)>/i.test(html.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, '')));
    });

    it('links the other sort orders and renders the chosen one', async () => {
      const page = newPage();
      const a = await h.api.comment({ page, body: 'first' });
      const b = await h.api.comment({ page, body: 'second' });
      await h.api.vote(a.id, 1, newVisitor());
      const newest = (await h.api.embed(page)).text;
      assert.match(newest, /<strong aria-current="true">Newest<\/strong>/);
      assert.ok(newest.includes(`href="/embed/thread?site=demo&amp;page=${page}&amp;sort=oldest"`));
      assert.ok(newest.includes(`href="/embed/thread?site=demo&amp;page=${page}&amp;sort=votes"`));
      assert.ok(newest.indexOf(b.id) < newest.indexOf(a.id));
      const oldest = (await h.api.embed(page, { sort: 'oldest' })).text;
      assert.match(oldest, /<strong aria-current="true">Oldest<\/strong>/);
      assert.match(oldest, />Newest<\/a>/);
      assert.ok(oldest.indexOf(a.id) < oldest.indexOf(b.id));
      const votes = (await h.api.embed(page, { sort: 'votes' })).text;
      assert.match(votes, /<strong aria-current="true">Most Voted<\/strong>/);
      assert.ok(votes.indexOf(a.id) < votes.indexOf(b.id));
    });

    it('offers a load-more link when there are more pages, and following it shows the rest', async () => {
      const page = newPage();
      const ids: string[] = [];
      for (let i = 0; i < 53; i++) ids.push((await h.api.comment({ page, body: `c${i}` })).id);
      const first = (await h.api.embed(page, { sort: 'oldest' })).text;
      assert.match(first, /<h2>53 comments<\/h2>/);
      assert.equal(first.match(/<li id="c-/g)?.length, 50);
      const next = hrefOf(first, 'load-more');
      assert.ok(next, 'load-more link');
      assert.match(next, /sort=oldest/);
      const rest = await h.api.request('GET', next);
      assert.equal(rest.status, 200);
      const shownLater = [...rest.text.matchAll(/<li id="c-([0-9A-Z]+)"/g)].map((m) => m[1]);
      assert.deepEqual(shownLater, ids.slice(50));
      assert.equal(hrefOf(rest.text, 'load-more'), undefined);
    });

    it('mentions replies beyond the first 20', async () => {
      const page = newPage();
      const root = await h.api.comment({ page });
      for (let i = 0; i < 22; i++) await h.api.reply(root, { page });
      assert.match((await h.api.embed(page)).text, /<p class="more-replies">2 more replies<\/p>/);
    });

    it('renders an empty thread and refuses bad parameters with 400', async () => {
      const empty = await h.api.embed(newPage());
      assert.equal(empty.status, 200);
      assert.match(empty.text, /<h2>0 comments<\/h2>/);
      assert.equal((await h.api.embed(newPage(), { sort: 'best' })).status, 400);
      assert.equal((await h.api.embed(newPage(), { cursor: 'nope' })).status, 400);
      assert.equal((await h.api.request('GET', '/embed/thread?site=demo')).status, 400);
    });
  });
}
