// Debian's chromium driven by playwright-core, launched the same way by every browser test.
// A missing browser fails the suite rather than skipping it: a skipped suite is not a pass.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags chromium dials out, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Polls until check() returns a truthy value (playwright-core has no expect()). */
export async function until<T>(what: string, check: () => Promise<T> | T, timeout = 8000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A page with the suites' defaults: 10 s waits, and the page's script errors printed. */
export async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/**
 * Serves `origin + path` in `context` as a publisher's article that embeds the widget of the
 * server at `serverUrl` (site demo, page key `path`), `extra` attributes on its script tag.
 */
export async function serveArticle(context: BrowserContext, { origin, path, serverUrl, title = 'Article', extra = '' }: { origin: string; path: string; serverUrl: string; title?: string; extra?: string }): Promise<void> {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  await context.route(`${origin}${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><title>${escaped}</title></head><body><div id="colloquy"></div>
<script src="${serverUrl}/embed.js" data-site="demo" data-page="${path}" ${extra} async></script></body></html>`,
    }),
  );
}

/**
 * Holds back the page's requests whose URL `matches` until `release()`, as a slow server would
 * answer them: `caught()` waits until one is held; `release()` lets them through and resolves
 * once their answers have reached the page and it has had time to show them.
 */
export async function holdRequests(page: Page, matches: (url: URL) => boolean): Promise<{ caught(): Promise<unknown>; release(): Promise<void> }> {
  const held: Route[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const hold = async (route: Route) => {
    held.push(route);
    await gate;
    await route.continue();
  };
  await page.route(matches, hold);
  return {
    caught: () => until('a request to hold', () => held.length > 0),
    async release() {
      open();
      for (const route of held) await (await route.request().response())?.finished();
      await page.unroute(matches, hold);
      // The answer is parsed and rendered in later tasks of the page.
      await page.waitForTimeout(300);
    },
  };
}
