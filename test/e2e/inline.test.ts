// Inline feedback in a real browser (Debian's chromium through playwright-core). The article
// is a publisher's page on another origin, served by a local node:http server whose HTML the
// test edits between loads, as an editor would; Colloquy runs on its own server.
// One reader's journey, in order: the steps share the page and build on each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { solvedAltcha } from '../helpers/altcha.ts';
import { workload } from '../../web/inline/testing/workload.ts';
import { createSiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';

const SHOTS = process.env.COLLOQUY_SCREENSHOTS ?? tmpdir();


const QUESTION = 'Should the city pay for upkeep?';
const INTRO = 'After three years of hearings, the council approved the plan on Tuesday night by a vote of seven to two.';
const PARK = 'The 40-acre site, idle since the freight line closed, will become a park with a comunity garden, a skate area and a path along the river.';
const UPKEEP = 'Opponents argued that the land should have gone to housing, and that the city has not said how it will pay for upkeep.';
const CHAMBER = 'Supporters packed the chamber on Tuesday. One resident had spoken at every hearing since the plan was first put forward.';
const NEXT = 'Construction is expected to start next spring, and the first section could open within two years.';

const SELECTED = 'a park with a comunity garden, a skate area';
const FIXED = 'a park with a community garden, a skate area';
const FIXED_PARK = PARK.replace('comunity', 'community');
const DOOMED = 'One resident had spoken at every hearing';

describe('inline feedback in the browser', () => {
  let colloquy: TestServer;
  let publisher: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let paragraphs: string[] = [];
  const pageKey = `rail-yard-${Date.now().toString(36)}`;

  const article = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rail yard park approved</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><article><h1>City turns the old rail yard into a park</h1>
${paragraphs.map((p) => (p === UPKEEP ? `<p id="upkeep-q" data-colloquy-feedback="${QUESTION}">${p}</p>` : `<p>${p}</p>`)).join('\n')}
</article>
<div id="colloquy"></div>
<script src="${colloquy.url}/embed.js" data-site="demo" data-page="${pageKey}" data-inline="on" data-inline-root="article" async></script>
</body></html>`;

  // A busy article of its own site (no proof-of-work, so the test can seed it): more passage comments than one page holds.
  const BUSY_SITE = 'inline-busy';
  const busyKey = `busy-${Date.now().toString(36)}`;
  const busyArticle = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy</title></head>
<body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><div id="colloquy"></div>
<script src="${colloquy.url}/embed.js" data-site="${BUSY_SITE}" data-page="${busyKey}" data-inline="on" async></script></body></html>`;

  const widget = () => page.locator('#colloquy .root');
  const popup = () => page.locator('[data-colloquy-ui] .pop');

  async function open(): Promise<void> {
    await page.goto(`${origin}/articles/rail-yard`);
    await widget().locator('.header').waitFor();
    await page.locator('[data-colloquy-ui] button.m.q').waitFor();
  }

  /** Selects a phrase of the article as a reader would, ending in selectionchange. */
  async function select(phrase: string): Promise<void> {
    await page.evaluate((text) => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no "${text}" in the article`);
    }, phrase);
  }

  async function commentOn(phrase: string, body: string): Promise<void> {
    await select(phrase);
    await page.locator('[data-colloquy-ui] button.go').click();
    await popup().getByLabel('Your comment').fill(body);
    await popup().getByLabel('Name').fill('Passage Reader');
    await popup().getByRole('button', { name: 'Post comment' }).click();
    await popup().getByText('Your comment was posted.').waitFor();
    await page.keyboard.press('Escape');
  }

  const marked = () => page.locator('mark[data-colloquy-passage]').allTextContents();

  before(async () => {
    const pages: Record<string, () => string> = { '/articles/busy': busyArticle, '/bench': () => '<!doctype html><title>Bench</title><body></body>' };
    publisher = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end((pages[req.url ?? ''] ?? article)()));
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    // localhost, not 127.0.0.1: another origin than Colloquy's, as a publisher's site is.
    origin = `http://localhost:${(publisher.address() as AddressInfo).port}`;
    colloquy = await startServer({ DEMO_ORIGINS: origin, DEMO_ALTCHA: 'true' });
    paragraphs = [INTRO, PARK, CHAMBER, UPKEEP, NEXT];
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['local-network-access'], { origin }).catch(() => {});
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  });

  after(async () => {
    await browser?.close();
    await colloquy?.stop();
    await new Promise((resolve) => publisher?.close(resolve));
  });

  test('inline.js loads on a page that uses inline feedback, and the editor\u2019s question gets an icon', async () => {
    const loaded = page.waitForResponse((r) => r.url().endsWith('/inline.js'));
    await open();
    assert.equal((await loaded).status(), 200);
    const icon = page.locator('[data-colloquy-ui] button.m.q');
    assert.equal((await icon.textContent())?.trim(), '? 0');
    assert.equal(await icon.getAttribute('aria-label'), `${QUESTION} (0 answers)`);
    assert.deepEqual(await marked(), [UPKEEP], 'the question\u2019s passage is marked');
  });

  test('a reader selects a passage and comments on it; the thread shows the quote', async () => {
    await commentOn(SELECTED, 'A garden is what the east side needs.');
    await commentOn(DOOMED, 'I was there too.');
    const item = widget().locator('article.comment', { hasText: 'A garden is what the east side needs.' });
    await item.locator('blockquote.passage').getByText(SELECTED).waitFor();
    await until('both passages marked', async () => (await marked()).length === 3);
    assert.deepEqual((await marked()).sort(), [DOOMED, SELECTED, UPKEEP].sort());
    await until('a margin marker with a count', async () => (await page.locator('[data-colloquy-ui] button.m:not(.q)').allTextContents()).map((s) => s.trim()).sort().join() === '1,1');
  });

  test('an editor\u2019s question: the icon opens the question, answering it counts', async () => {
    await page.locator('[data-colloquy-ui] button.m.q').click();
    await popup().getByRole('heading', { name: QUESTION }).waitFor();
    await popup().getByLabel('Your comment').fill('Yes, through the parks budget.');
    await popup().getByRole('button', { name: 'Post comment' }).click();
    await popup().getByText('Your comment was posted.').waitFor();
    await until('the icon counts the answer', async () => (await page.locator('[data-colloquy-ui] button.m.q').textContent())?.trim() === '? 1');
    const res = await fetch(`${colloquy.url}/api/v1/passages?site=demo&page=${pageKey}`);
    const { passages } = (await res.json()) as { passages: Array<{ key: string; count: number; feedbackId?: string }> };
    assert.deepEqual(passages.find((p) => p.feedbackId)?.key, 'f:upkeep-q');
    // Opened again: the latest answer is shown, with a link to all of them.
    await page.keyboard.press('Escape');
    await page.locator('[data-colloquy-ui] button.m.q').click();
    await popup().getByText('Yes, through the parks budget.').waitFor();
    await page.keyboard.press('Escape');
  });

  test('after the article is edited, the highlight is found in the right place, and a removed passage is an orphan', async () => {
    await fetch(`${colloquy.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-colloquy-visitor': 'plain-reader-000000001' },
      body: JSON.stringify({ site: 'demo', page: pageKey, author: { name: 'Plain' }, body: 'A comment on the whole article.', altcha: await solvedAltcha(colloquy.url, 'demo') }),
    });
    // The editor fixes the typo, adds a paragraph above, and cuts the chamber paragraph.
    paragraphs = ['Update: the council published the design on Wednesday.', INTRO, PARK.replace('comunity', 'community'), UPKEEP, NEXT];
    await open();
    await until('passages re-anchored', async () => (await marked()).length === 2);
    assert.deepEqual((await marked()).sort(), [FIXED, UPKEEP].sort(), 'the typo-fixed passage is highlighted whole');
    const orphan = widget().locator('article.comment', { hasText: 'I was there too.' });
    await orphan.getByText('Refers to text that has changed').waitFor();
    assert.ok((await orphan.locator('blockquote.passage').textContent())?.includes(DOOMED), 'its quote stays');
    // The quote in the thread links back to the passage: scrolled to and highlighted.
    const quoted = widget().locator('article.comment', { hasText: 'A garden is what the east side needs.' });
    await quoted.getByRole('link', { name: 'Show in the article' }).click();
    await until('the passage highlighted', async () => (await page.locator('mark[data-colloquy-active]').allTextContents()).join('') === FIXED);
    await page.locator('[data-colloquy-ui] button.m.q').click();
    await popup().waitFor();
    await page.screenshot({ path: join(SHOTS, 'inline.png') });
    await page.keyboard.press('Escape');
  });

  test('"Inline Feedbacks" shows only passage comments, grouped by passage in article order', async () => {
    await widget().getByRole('button', { name: /Inline Feedbacks/ }).click();
    const groups = widget().locator('section.passage-group');
    await until('three passages', async () => (await groups.count()) === 3);
    const quotes = await groups.locator(':scope > blockquote .quote').allTextContents();
    assert.deepEqual(quotes, [SELECTED, UPKEEP, DOOMED], 'article order, the orphan last');
    assert.equal(await widget().getByText('A comment on the whole article.').count(), 0);
    await widget().getByRole('button', { name: 'View all comments' }).click();
    await widget().getByText('A comment on the whole article.').waitFor();
  });

  test('a keyboard user chooses sentences with the arrow keys and comments on them, without caret browsing', async () => {
    const choose = widget().getByRole('button', { name: 'Comment on a passage' });
    await choose.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('[data-colloquy-ui] p.sr[role="status"]');
    await until('the first sentence announced', async () => (await status.textContent())?.includes('City turns the old rail yard into a park'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => getSelection()!.toString()), INTRO, 'the sentence is selected where everyone can see it');
    assert.equal(await status.textContent(), INTRO, 'and announced');
    await page.keyboard.press('Shift+ArrowDown');
    const both = `${INTRO} ${FIXED_PARK}`;
    assert.equal((await status.textContent())?.replace(/\s+/g, ' '), both, 'Shift extends to the next sentence');
    await page.keyboard.press('Enter');
    await popup().locator('blockquote').getByText(both).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null), 'Your comment', 'the form has the focus');
    await page.keyboard.type('Two sentences, chosen by keyboard.');
    await popup().getByRole('button', { name: 'Post comment' }).click();
    await popup().getByText('Your comment was posted.').waitFor();
    await page.keyboard.press('Escape');
    await until('focus back on the button', async () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent === 'Comment on a passage'));
    const res = await fetch(`${colloquy.url}/api/v1/passages?site=demo&page=${pageKey}`);
    const { passages } = (await res.json()) as { passages: Array<{ anchor: { quote: { exact: string } }; count: number }> };
    assert.equal(passages.find((p) => p.anchor.quote.exact === both)?.count, 1);
  });

  test('"Inline Feedbacks" shows every comment on passages, a hundred at a time', async () => {
    const sites = createSiteService(createSiteStore(colloquy.app.database.db));
    await sites.ensure(BUSY_SITE, 'Busy', [origin], { moderation: { bots: { altcha: false } } } as never);
    const quotes = [INTRO, FIXED_PARK];
    for (let i = 0; i < 105; i++) {
      const exact = quotes[i % 2]!;
      const res = await fetch(`${colloquy.url}/api/v1/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-colloquy-visitor': `busy-reader-${String(i).padStart(6, '0')}` },
        body: JSON.stringify({ site: BUSY_SITE, page: busyKey, author: { name: `Reader ${i}` }, body: `Busy comment number ${i}.`, anchor: { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: exact.length } } }),
      });
      assert.equal(res.status, 201, await res.text());
    }
    await page.goto(`${origin}/articles/busy`);
    await widget().getByRole('button', { name: /Inline Feedbacks/ }).click();
    const items = widget().locator('section.passage-group article.comment');
    await until('the first hundred', async () => (await items.count()) === 100);
    assert.equal(await widget().locator('section.passage-group').getByText('Busy comment number 0.', { exact: true }).count(), 0, 'the oldest are on the next page');
    await widget().getByRole('button', { name: 'Load more comments' }).click();
    await until('all 105', async () => (await items.count()) === 105);
    await widget().getByText('Busy comment number 0.', { exact: true }).waitFor();
    assert.equal(await widget().locator('section.passage-group').count(), 2, 'older comments join their passages\u2019 groups');
    assert.equal(await widget().getByRole('button', { name: 'Load more comments' }).count(), 0);
  });

  // How fast is bench/inline.ts --browser's figure (docs/BENCHMARKS.md): timing is for benchmarks.
  test('the built inline script finds 199 of 200 passages again on an edited 10,000-word article', async () => {
    const { edited, selectors } = workload();
    await page.goto(`${origin}/bench`);
    const found = await page.evaluate(
      async ({ base, edited, selectors }) => {
        const inline = await import(`${base}/inline.js`);
        const box = document.createElement('section');
        box.innerHTML = edited.map((p: string) => `<p>${p}</p>`).join('');
        document.body.appendChild(box);
        const found = inline.locateAll(inline.readText(box).text, selectors).filter(Boolean).length;
        box.remove();
        return found;
      },
      { base: colloquy.url, edited, selectors },
    );
    assert.equal(found, 199, 'the one passage whose text was removed is the orphan');
  });
});
