// The embeddable widget in a real browser (Debian's chromium through playwright-core), against
// a fresh server (test/helpers/server.ts), or against COLLOQUY_E2E_URL when that is set.
// One reader's journey, in order: the steps share the page and build on each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium, openPage, until } from '../helpers/browser.ts';
import { startServer } from '../helpers/server.ts';
import { solvedAltcha } from '../helpers/altcha.ts';

const SITE = 'demo';
const SHOTS = process.env.COLLOQUY_SCREENSHOTS ?? tmpdir();

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function server(): Promise<Server> {
  const url = process.env.COLLOQUY_E2E_URL;
  if (url) return { url: url.replace(/\/$/, ''), stop: async () => {} };
  return startServer({ DEMO_ALTCHA: 'true' });
}


const visitor = (): string => randomBytes(32).toString('base64url');
const focused = (l: Locator) => l.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);


describe('widget in the browser', () => {
  let srv: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageKey: string;
  let otherId: string;
  let mineId: string;
  let replyId: string;
  const stamp = Date.now().toString(36);
  const otherBody = `Another reader was here first ${stamp}`;
  const myBody = `Hello from the browser test ${stamp}`;
  const replyBody = `A reply to myself ${stamp}`;
  const editedBody = `Edited by the browser test ${stamp}`;

  // Everything inside the widget: .root only exists in its shadow root (CSS locators pierce it).
  const widget = () => page.locator('#colloquy .root');
  const article = (id: string) => widget().locator(`[id="c-${id}"]`);
  const topLevel = () => widget().locator(':scope > ul.list > li > article.comment');

  async function post(body: string, author = 'Other Reader', as = visitor()): Promise<string> {
    const res = await fetch(`${srv.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Colloquy-Visitor': as },
      // The demo site asks guests for ALTCHA: solve it as the widget does.
      body: JSON.stringify({ site: SITE, page: pageKey, author: { name: author }, body, altcha: await solvedAltcha(srv.url, SITE) }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  }

  async function open(): Promise<void> {
    await page.goto(`${srv.url}/`);
    await widget().locator('.header').waitFor();
  }

  async function idOf(text: string): Promise<string> {
    const id = await widget().locator('article.comment', { hasText: text }).first().getAttribute('id');
    assert.ok(id?.startsWith('c-'), `comment "${text}" has an anchor id`);
    return id!.slice(2);
  }

  async function announced(text: string): Promise<void> {
    await until(`live region to say "${text}"`, async () => (await widget().locator('[aria-live="polite"]').textContent())?.includes(text));
  }

  before(async () => {
    srv = await server();
    const html = await (await fetch(`${srv.url}/`)).text();
    const key = /<script[^>]*src="[^"]*\/embed\.js"[^>]*data-page="([^"]+)"/.exec(html) ?? /data-page="([^"]+)"/.exec(html);
    assert.ok(key, 'the demo page embeds the widget with a data-page key');
    pageKey = key[1]!;
    otherId = await post(otherBody);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 900, height: 1000 }, colorScheme: 'light' });
    page = await openPage(context);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the loader mounts the widget in a shadow root and keeps the server HTML in light DOM', async () => {
    const counts = page.waitForResponse((r) => r.url().includes('/api/v1/counts'));
    await open();
    assert.equal(await page.locator('#colloquy').evaluate((el) => el.shadowRoot?.mode), 'open');
    assert.ok(await page.locator('#colloquy').evaluate((el) => el.children.length > 0), 'server-rendered thread kept for crawlers');
    await article(otherId).waitFor();
    assert.match((await widget().locator('.count').textContent()) ?? '', /^\d+ comments?$/);
    assert.equal((await counts).status(), 200);
    const pressed = await widget().getByRole('button', { name: 'Newest' }).getAttribute('aria-pressed');
    assert.equal(pressed, 'true');
  });

  test('posting a comment shows it at once and announces it', async () => {
    const before = Number.parseInt((await widget().locator('.count').textContent()) ?? '0', 10);
    const form = widget().locator(':scope > form.composer');
    await form.getByLabel('Your comment').fill(myBody);
    await form.getByLabel('Name').fill('Browser Tester');
    // The honeypot is there for form fillers only: hidden from people and out of the tab order.
    const hp = form.locator('input[name="hp"]');
    assert.equal(await hp.getAttribute('aria-hidden'), 'true');
    assert.equal(await hp.getAttribute('tabindex'), '-1');
    assert.equal(await hp.getAttribute('autocomplete'), 'off');
    // A guest on the demo site solves ALTCHA in the browser first; without it the comment would be held.
    const challenge = page.waitForRequest((r) => r.url().includes('/api/v1/altcha/challenge'));
    const posted = page.waitForRequest((r) => r.url().endsWith('/api/v1/comments') && r.method() === 'POST');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await challenge;
    assert.ok(typeof (await posted).postDataJSON().altcha === 'string', 'the POST carries the solved payload');
    await widget().locator('article.comment', { hasText: myBody }).waitFor();
    await announced('Your comment was posted.');
    mineId = await idOf(myBody);
    assert.equal(await topLevel().first().getAttribute('id'), `c-${mineId}`, 'newest first');
    assert.equal(await widget().locator('.count').textContent(), `${before + 1} comments`);
    assert.equal(await form.getByLabel('Your comment').inputValue(), '', 'composer cleared');
    assert.equal(await form.getByLabel('Name').inputValue(), 'Browser Tester', 'name remembered');
  });

  test('an empty name is refused next to the field', async () => {
    const form = widget().locator(':scope > form.composer');
    await form.getByLabel('Your comment').fill('no name');
    await form.getByLabel('Name').fill('');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await form.getByText('Please enter your name.').waitFor();
    assert.equal(await form.getByLabel('Name').getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Name').fill('Browser Tester');
    await form.getByLabel('Your comment').fill('');
  });

  test('replying opens an inline composer, Ctrl+Enter posts, the reply nests', async () => {
    await article(mineId).getByRole('button', { name: 'Reply' }).click();
    const reply = widget().locator(`li:has(> [id="c-${mineId}"]) > form.composer.reply`);
    const text = reply.getByLabel('Your reply to Browser Tester');
    await until('reply textarea to get focus', () => focused(text));
    await text.fill(replyBody);
    await text.press('Control+Enter');
    const nested = widget().locator(`li:has(> [id="c-${mineId}"]) > ul.list > li > article.comment`, { hasText: replyBody });
    await nested.waitFor();
    replyId = await idOf(replyBody);
    assert.equal(await reply.count(), 0, 'reply composer closed');
    await until('focus on the new reply', () => focused(article(replyId)));
  });

  test('voting up, then pressing again withdraws the vote', async () => {
    const up = article(otherId).getByRole('button', { name: 'Vote up' });
    const score = article(otherId).locator('.score');
    assert.equal(await up.getAttribute('aria-pressed'), 'false');
    await up.click();
    await until('vote to register', async () => (await up.getAttribute('aria-pressed')) === 'true');
    assert.equal(await score.textContent(), '1');
    await up.click();
    await until('vote to be withdrawn', async () => (await up.getAttribute('aria-pressed')) === 'false');
    assert.equal(await score.textContent(), '0');
    assert.ok(await article(mineId).getByRole('button', { name: 'Vote up' }).isDisabled(), 'no voting on your own comment');
  });

  test('the sort switch reorders the thread', async () => {
    const oldest = widget().getByRole('button', { name: 'Oldest' });
    await oldest.click();
    await until('oldest first', async () => (await topLevel().first().getAttribute('id')) === `c-${otherId}`);
    assert.equal(await oldest.getAttribute('aria-pressed'), 'true');
    assert.equal(await widget().getByRole('button', { name: 'Newest' }).getAttribute('aria-pressed'), 'false');
    await widget().getByRole('button', { name: 'Newest' }).click();
    await until('newest first', async () => (await topLevel().first().getAttribute('id')) === `c-${mineId}`);
  });

  test('editing replaces the text in place and marks it edited', async () => {
    await article(mineId).getByRole('button', { name: 'Edit' }).click();
    const text = article(mineId).getByLabel('Edit your comment');
    assert.equal(await text.inputValue(), myBody, 'editor prefilled with the Markdown source');
    await text.fill(editedBody);
    await article(mineId).getByRole('button', { name: 'Save' }).click();
    await article(mineId).locator('.body', { hasText: editedBody }).waitFor();
    await article(mineId).getByText('(edited)').waitFor();
    await announced('Your comment was updated.');
  });

  test('deleting leaves a placeholder while replies remain, else removes the comment', async () => {
    await article(mineId).getByRole('button', { name: 'Delete' }).click();
    await article(mineId).getByRole('button', { name: 'Yes, delete' }).click();
    await article(mineId).getByText('This comment was deleted.').waitFor();
    assert.equal(await article(replyId).count(), 1, 'the reply stays');
    await article(replyId).getByRole('button', { name: 'Delete' }).click();
    await article(replyId).getByRole('button', { name: 'Yes, delete' }).click();
    await until('the reply to disappear', async () => (await article(replyId).count()) === 0);
    await announced('Your comment was deleted.');
  });

  test('new comments from others arrive as a button, not as moving content', async () => {
    const first = await topLevel().first().getAttribute('id');
    const id = await post(`Live arrival ${stamp}`, 'Live Reader');
    const button = widget().getByRole('button', { name: 'Show 1 new comment' });
    await button.waitFor();
    assert.equal(await topLevel().first().getAttribute('id'), first, 'the thread did not move');
    await button.click();
    await article(id).waitFor();
  });

  test('the prompt focuses the composer and stays dismissed after a reload', async () => {
    await widget().getByRole('button', { name: 'Would love your thoughts, please comment.' }).click();
    await until('composer focus', () => focused(widget().locator(':scope > form.composer textarea')));
    await widget().getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await widget().locator('.prompt').count(), 0);
    await open();
    assert.equal(await widget().locator('.prompt').count(), 0, 'still dismissed');
    assert.equal(await page.evaluate(() => localStorage.getItem('colloquy:prompt-dismissed')), 'true');
  });

  test('count.js fills data-colloquy-count elements', async () => {
    const expected = (await widget().locator('.count').textContent()) ?? '';
    const el = page.locator('[data-colloquy-count]').first();
    await until('count filled on load', async () => (await el.textContent()) === expected);
    // Run it again on blanked elements to see that count.js (not the server HTML) fills them.
    await page.evaluate(() => {
      for (const e of document.querySelectorAll('[data-colloquy-count]')) e.textContent = '';
      const s = document.createElement('script');
      s.src = '/count.js';
      s.dataset.site = 'demo';
      document.body.append(s);
    });
    await until('count filled again', async () => (await el.textContent()) === expected);
  });

  test('screenshots in light and dark mode', async () => {
    await page.locator('#colloquy').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'widget.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await until('dark theme', async () => (await page.locator('#colloquy').getAttribute('data-colloquy-theme')) === 'dark');
    await page.screenshot({ path: join(SHOTS, 'widget-dark.png'), fullPage: true });
    await page.evaluate(() => document.documentElement.classList.add('light'));
    await until('host page class wins', async () => (await page.locator('#colloquy').getAttribute('data-colloquy-theme')) === 'light');
  });

  test('embedded on a publisher page of another origin', { skip: !!process.env.COLLOQUY_E2E_URL && 'needs the test server (allowed origins)' }, async () => {
    // startServer() allows https://publisher.example for the demo site.
    const publisher = await browser.newContext();
    try {
      // Our server is on loopback, which Chromium guards from public pages (Local Network Access).
      await publisher.grantPermissions(['local-network-access'], { origin: 'https://publisher.example' });
      await publisher.route('https://publisher.example/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html><head><title>Elsewhere</title>
<link rel="canonical" href="https://publisher.example/articles/elsewhere"></head>
<body><div data-colloquy><p>server-rendered fallback</p></div>
<script src="${srv.url}/embed.js" data-site="${SITE}" async></script></body></html>`,
        }),
      );
      const p = await publisher.newPage();
      p.on('pageerror', (e) => console.error('publisher page error:', e.message));
      const list = p.waitForRequest((r) => r.url().includes('/api/v1/comments?'));
      await p.goto('https://publisher.example/articles/elsewhere?utm_source=x#top');
      const url = new URL((await list).url());
      assert.equal(url.searchParams.get('page'), '/articles/elsewhere', 'page key from the canonical link');
      const root = p.locator('[data-colloquy] .root');
      await root.locator(':scope > form.composer').getByLabel('Your comment').fill(`Cross-origin hello ${stamp}`);
      await root.locator(':scope > form.composer').getByLabel('Name').fill('Far Reader');
      await root.getByRole('button', { name: 'Post comment' }).click();
      await root.locator('article.comment', { hasText: `Cross-origin hello ${stamp}` }).waitFor();
    } finally {
      await publisher.close();
    }
  });

  test('without JavaScript the thread is readable as HTML', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(`${srv.url}/embed/thread?site=${SITE}&page=${encodeURIComponent(pageKey)}`);
      assert.ok((await p.textContent('body'))?.includes(otherBody), 'comment text in the no-JS thread');
      await p.goto(`${srv.url}/`);
      assert.ok(await p.locator('#colloquy').getByText(otherBody).isVisible(), 'the demo page shows the server-rendered thread');
    } finally {
      await noJs.close();
    }
  });
});
