// Editor questions placed through the console, in a real browser (Debian's chromium through
// playwright-core): an editor reads a publisher's article in the console (the server fetches
// it; the console shows only its text), selects a passage with the mouse, or chooses a
// paragraph with the keyboard, and asks a question; the article, edited since, shows the
// question beside the passage on the live page, where a reader answers it. In order: the
// steps share the pages and build on each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { ENGLISH } from '../../web/inline/testing/articles.ts';

const EMAIL = 'editor@courier.example';
const PASSWORD = 'correct horse battery staple';
const [INTRO, PARK, , UPKEEP] = ENGLISH as [string, string, string, string];
const PASSAGE = 'a community garden, a skate area';
const QUESTION = 'Which would you use most?';

describe('inline questions placed through the console', () => {
  let colloquy: TestServer;
  let publisher: Server;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let consolePage: Page;
  let paragraphs = [INTRO, PARK, UPKEEP];
  const requested: string[] = [];
  const pageKey = `park-questions-${Date.now().toString(36)}`;

  // No data-inline and no data-colloquy-feedback: only the console's questions bring inline feedback here.
  const article = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Park approved</title></head>
<body><article><h1>City turns the old rail yard into a park</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<img src="${origin}/pixel.png" onerror="window.__articleRan = 'img'">
</article>
<script>window.__articleRan = 'script'; fetch('${origin}/beacon')</script>
<div id="colloquy"></div>
<script src="${colloquy.url}/embed.js" data-site="demo" data-page="${pageKey}" async></script>
</body></html>`;

  const icon = (page: Page) => page.locator('[data-colloquy-ui] button.m.q');

  before(async () => {
    publisher = createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/articles/park') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article());
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => publisher.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(publisher.address() as AddressInfo).port}`;
    colloquy = await startServer({ ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DEMO_ORIGINS: origin, DEMO_ALTCHA: 'true', INLINE_FETCH_PRIVATE: 'true' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['local-network-access'], { origin }).catch(() => {});
    consolePage = await context.newPage();
    consolePage.setDefaultTimeout(10_000);
    consolePage.on('pageerror', (e) => console.error('console page error:', e.message));
  });

  after(async () => {
    await browser?.close();
    await colloquy?.stop();
    await new Promise((resolve) => publisher?.close(resolve));
  });

  test('the console reads the article\u2019s text without running or loading anything of it', async () => {
    await consolePage.goto(`${colloquy.url}/admin`);
    await consolePage.getByLabel('E-mail').fill(EMAIL);
    await consolePage.getByLabel('Password').fill(PASSWORD);
    await consolePage.getByLabel('Password').press('Enter');
    await consolePage.getByRole('link', { name: 'Inline questions' }).click();
    await consolePage.getByLabel('Or its address').fill(`${origin}/articles/park`);
    await consolePage.getByRole('button', { name: 'Read the article' }).click();
    const preview = consolePage.getByRole('region', { name: /The article’s text/ });
    await preview.getByText(PARK).waitFor();
    assert.deepEqual(await preview.locator('p').allTextContents(), ['City turns the old rail yard into a park', INTRO, PARK, UPKEEP]);
    assert.equal(await consolePage.evaluate(() => (window as { __articleRan?: string }).__articleRan), undefined, 'no script or handler of the article ran in the console');
    assert.deepEqual(requested.filter((u) => u !== '/articles/park'), [], 'nothing of the article was loaded (image, beacon)');
    assert.equal(await preview.locator('img, script').count(), 0);
  });

  test('a paragraph chosen with the keyboard, or a passage selected with the mouse, becomes the question\u2019s passage', async () => {
    const preview = consolePage.getByRole('region', { name: /The article’s text/ });
    await preview.locator('p').nth(3).focus();
    await consolePage.keyboard.press('Enter');
    await consolePage.locator('q.chosen', { hasText: UPKEEP }).waitFor();

    // Drag across the words with the mouse.
    const box = await preview.locator('p', { hasText: PARK }).evaluate((p, phrase) => {
      const node = p.firstChild as Text;
      const at = node.data.indexOf(phrase);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + phrase.length - 1);
      range.setEnd(node, at + phrase.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 0.5, y2: last.top + last.height / 2 };
    }, PASSAGE);
    await consolePage.mouse.move(box.x1, box.y1);
    await consolePage.mouse.down();
    await consolePage.mouse.move(box.x2, box.y2, { steps: 8 });
    await consolePage.mouse.up();
    await consolePage.locator('q.chosen', { hasText: PASSAGE }).waitFor();
    assert.equal(await consolePage.locator('q.chosen').textContent(), PASSAGE);

    await consolePage.getByLabel('Question', { exact: true }).fill('Which one would you use?');
    await consolePage.getByRole('button', { name: 'Place the question' }).click();
    await consolePage.locator('.toast', { hasText: 'Question placed.' }).waitFor();
    const item = consolePage.locator('li.question-item', { hasText: 'Which one would you use?' });
    await item.getByText('0 answers').waitFor();
    // Edited in the list.
    await item.getByRole('button', { name: 'Edit' }).click();
    await consolePage.locator('li.question-item').getByLabel('Question', { exact: true }).fill(QUESTION);
    await consolePage.locator('li.question-item').getByRole('button', { name: 'Save' }).click();
    await consolePage.locator('li.question-item', { hasText: QUESTION }).getByText(PASSAGE).waitFor();
  });

  test('the live page, edited since, shows the question beside its passage; a reader answers it', async () => {
    // The editor adds a paragraph above: the stored offsets are now off, the quote finds the passage.
    paragraphs = ['Update: the council published the design on Wednesday.', ...paragraphs];
    const reader = await context.newPage();
    reader.setDefaultTimeout(10_000);
    const loaded = reader.waitForResponse((r) => r.url().endsWith('/inline.js'));
    await reader.goto(`${origin}/articles/park`);
    assert.equal((await loaded).status(), 200, 'inline.js loads for a page with a console question');
    await icon(reader).waitFor();
    assert.equal(await icon(reader).getAttribute('aria-label'), `${QUESTION} (0 answers)`);
    assert.deepEqual(await reader.locator('mark[data-colloquy-passage]').allTextContents(), [PASSAGE]);
    await icon(reader).click();
    const popup = reader.locator('[data-colloquy-ui] .pop');
    await popup.getByRole('heading', { name: QUESTION }).waitFor();
    await popup.getByLabel('Your comment').fill('The garden, every weekend.');
    await popup.getByLabel('Name').fill('Gardener');
    await popup.getByRole('button', { name: 'Post comment' }).click();
    await popup.getByText('Your comment was posted.').waitFor();
    await until('the icon counts the answer', async () => (await icon(reader).textContent())?.trim() === '? 1');
    // The console counts it too.
    await consolePage.reload();
    await consolePage.getByLabel('Or its address').fill(`${origin}/articles/park`);
    await consolePage.getByRole('button', { name: 'Read the article' }).click();
    await consolePage.locator('li.question-item', { hasText: QUESTION }).getByText('1 answer').waitFor();
    await reader.close();
  });

  test('deleting a question asks first: Cancel keeps it, confirming deletes it', async () => {
    const item = consolePage.locator('li.question-item', { hasText: QUESTION });
    await item.getByRole('button', { name: 'Delete' }).click();
    const asking = item.getByRole('group', { name: `Delete the question “${QUESTION}”? Readers’ answers stay in the thread.` });
    await asking.waitFor();
    assert.ok(await asking.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement), 'Cancel has the focus');
    await asking.getByRole('button', { name: 'Cancel' }).click();
    await asking.waitFor({ state: 'detached' });
    const kept = await fetch(`${colloquy.url}/api/v1/passages?site=demo&page=${pageKey}`);
    assert.equal(((await kept.json()) as { questions: unknown[] }).questions.length, 1, 'Cancel keeps the question');
    assert.equal(await item.count(), 1);
    await item.getByRole('button', { name: 'Delete' }).click();
    await asking.getByRole('button', { name: 'Delete' }).click();
    await consolePage.locator('.toast', { hasText: 'Question deleted' }).waitFor();
    await item.waitFor({ state: 'detached' });
  });

  test('a deleted question leaves the live page; its answer stays in the thread', async () => {
    const res = await fetch(`${colloquy.url}/api/v1/passages?site=demo&page=${pageKey}`);
    const body = (await res.json()) as { questions: unknown[]; passages: Array<{ count: number }> };
    assert.deepEqual(body.questions, []);
    assert.deepEqual(body.passages.map((p) => p.count), [1]);
  });
});
