// The goal bar and the "Support us" block in a real browser (Debian's chromium through
// playwright-core): server-rendered for readers without JavaScript, live in a shadow root
// with it, refreshed when a donation lands, formatted for the reader's locale.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { formatMoney } from '../../src/support/format.ts';
import { checkoutCompleted, webhookClient } from '../helpers/stripe-events.ts';
import { startStripeFake, stripeEnv, type StripeFake } from '../helpers/stripe-fake.ts';


/** What the bar in the support.js shadow root says, read inside the page. */
function shadowBar(page: Page) {
  return page.locator('[data-colloquy-support]').evaluate((host) => {
    const track = host.shadowRoot?.querySelector('[role="progressbar"]');
    if (!track) return null;
    return {
      now: track.getAttribute('aria-valuenow'),
      max: track.getAttribute('aria-valuemax'),
      text: track.getAttribute('aria-valuetext'),
      figures: host.shadowRoot!.querySelector('.cq-figures')?.textContent ?? '',
      ticks: [...host.shadowRoot!.querySelectorAll('.cq-ticks span')].map((s) => s.textContent),
      fill: (host.shadowRoot!.querySelector('.cq-fill') as HTMLElement).style.width,
      block: !!host.shadowRoot!.querySelector('.cq-support form'),
    };
  });
}

/** The goal bar inside the comment widget's shadow root, once the thread is drawn. */
function widgetBar(page: Page) {
  return page.locator('#colloquy').evaluate((host) => {
    const root = host.shadowRoot;
    if (!root?.querySelector('.header')) return null;
    const track = root.querySelector('[role="progressbar"]');
    return {
      shown: !!track,
      label: track?.getAttribute('aria-label') ?? null,
      text: track?.getAttribute('aria-valuetext') ?? null,
      figures: root.querySelector('.cq-figures')?.textContent ?? '',
      ticks: [...root.querySelectorAll('.cq-ticks span')].map((s) => s.textContent),
      // The bar comes before the thread's header (count and sort).
      first: !!track && !!(track.compareDocumentPosition(root.querySelector('.header')!) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
}

describe('goal bar in the browser', () => {
  let server: TestServer;
  let stripe: StripeFake;
  let browser: Browser;

  before(async () => {
    stripe = await startStripeFake();
    server = await startServer(stripeEnv(stripe));
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await stripe?.close();
  });

  test('without JavaScript: the server-rendered bar and block are on the demo page, accessible', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const bar = page.getByRole('progressbar', { name: 'Keep local news independent' });
    assert.equal(await bar.count(), 1);
    assert.equal(await bar.getAttribute('aria-valuenow'), '895');
    assert.equal(await bar.getAttribute('aria-valuemax'), '5000');
    assert.equal(await bar.getAttribute('aria-valuetext'), '$895 raised of $5,000 goal (17%)');
    assert.ok(await bar.isVisible());
    const figures = (await page.locator('.cq-figures').textContent()) ?? '';
    assert.match(figures, /\$895 raised of \$5,000/);
    assert.match(figures, /4 donors/);
    assert.match(figures, /\d+ days left/);
    assert.deepEqual(await page.locator('.cq-ticks span').allTextContents(), ['$0', '$2,500', '$5,000']);
    // The bar sits above the comments.
    const order = await page.evaluate(() => {
      const support = document.querySelector('[data-colloquy-support]')!;
      return support.compareDocumentPosition(document.querySelector('#colloquy')!) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    assert.ok(order, 'the bar comes before the comments');
    // The card form works without JavaScript: it posts to the server, which redirects to Stripe.
    await page.getByRole('heading', { name: 'Support The Riverside Courier' }).waitFor();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith('https://checkout.stripe.test/')),
      page.getByRole('button', { name: 'Donate by card' }).click(),
    ]);
    assert.match(request.url(), /cs_test_/);
    assert.equal(stripe.requests.at(-1)!.params.line_items[0].price_data.unit_amount, '1000');
    await context.close();
  });

  test('with JavaScript: support.js renders the same bar in a shadow root and refreshes it when a donation lands', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.clock.install();
    await page.goto(`${server.url}/`);
    const first = await until('the bar in its shadow root', () => shadowBar(page));
    assert.deepEqual([first.now, first.max, first.text], ['895', '5000', '$895 raised of $5,000 goal (17%)']);
    assert.deepEqual(first.ticks, ['$0', '$2,500', '$5,000']);
    assert.equal(first.fill, '17.9%');
    assert.match(first.figures, /4 donors/);
    await until('the "Support us" block', async () => (await shadowBar(page))?.block);
    // A reader elsewhere gives 4,105 $: the bar reaches 100% at its next refresh.
    const status = await webhookClient(server.url).deliver(checkoutCompleted({ campaign: 'demo-fundraiser', amount: 410_500, email: 'big@example.com' }));
    assert.equal(status.status, 200);
    await page.clock.runFor(61_000);
    const after = await until('the refreshed bar', async () => {
      const bar = await shadowBar(page);
      return bar?.now === '5000' ? bar : undefined;
    });
    assert.equal(after.text, '$5,000 raised of $5,000 goal (100%)');
    assert.match(after.figures, /5 donors/);
    assert.equal(after.fill, '100%');
    await context.close();
  });

  test('formats the bar for the page\u2019s locale (de-DE)', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    // A page in German (intercepted, so it needs no route on the server).
    await page.route(`${server.url}/artikel`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="de-DE"><body><div data-colloquy-support data-site="demo"></div><script src="${server.url}/support.js" async></script></body></html>`,
      }),
    );
    await page.goto(`${server.url}/artikel`);
    const bar = await until('the German bar', () => shadowBar(page));
    assert.match(bar.text ?? '', /^[\d.]+\u00a0\$ raised of 5\.000\u00a0\$ goal \(\d+\u00a0%\)$/);
    assert.deepEqual(bar.ticks, ['0\u00a0$', '2.500\u00a0$', '5.000\u00a0$']);
    await context.close();
  });

  test('inside the comment widget: the bar above the thread, redrawn over the live stream when a donation lands', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    // An article with the comment widget only (no support.js).
    await page.route(`${server.url}/with-widget`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en-US"><body><article><p>Text.</p></article><div id="colloquy"></div><script src="${server.url}/embed.js" data-site="demo" data-page="bar-in-widget" async></script></body></html>`,
      }),
    );
    const current = async () => (await (await fetch(`${server.url}/api/v1/campaigns/current?site=demo`)).json()) as { raised: number; donors: number };
    const before = await current();
    const stream = page.waitForResponse((r) => r.url().includes('/api/v1/events?'));
    await page.goto(`${server.url}/with-widget`);
    const bar = await until('the bar in the widget', async () => (await widgetBar(page))?.label ? widgetBar(page) : undefined);
    assert.equal(bar?.label, 'Keep local news independent');
    assert.ok(bar?.first, 'the bar is above the comment header');
    assert.deepEqual(bar?.ticks, ['$0', '$2,500', '$5,000']);
    assert.match(bar?.figures ?? '', new RegExp(`^${formatMoney(before.raised, 'USD', 'en-US').replace(/[$.]/g, '\\$&')} raised of \\$5,000`));
    // Wait for the live stream, then a donation of $25 lands: no reload, no poll (the widget has none).
    assert.equal((await stream).status(), 200);
    const status = await webhookClient(server.url).deliver(checkoutCompleted({ campaign: 'demo-fundraiser', amount: 2500 }));
    assert.equal(status.status, 200);
    const expected = `${formatMoney(before.raised + 2500, 'USD', 'en-US')} raised of $5,000`;
    const after = await until('the redrawn bar', async () => {
      const b = await widgetBar(page);
      return b?.figures.startsWith(expected) ? b : undefined;
    });
    assert.match(after.figures, new RegExp(`${before.donors + 1} donors`));
    await context.close();
  });

  test('the widget leaves the bar out with data-support="off" (the demo page, which shows support.js\u2019s bar)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const bar = await until('the widget', () => widgetBar(page));
    assert.equal(bar.shown, false);
    assert.equal(await page.locator('[data-colloquy-support]').evaluate((host) => !!host.shadowRoot?.querySelector('[role="progressbar"]')), true, 'support.js draws its bar');
    await context.close();
  });
});
