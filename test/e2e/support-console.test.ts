// The console's reader-support pages in a real browser against a real server (Stripe through
// the local fake): the campaign editor with its live preview, the ledger's filters, the CSV
// download, a manual entry and totals by day, and the Stripe webhook's status. One admin's
// session, in order: the steps share the page and build on each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { holdRequests, launchChromium, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { checkoutCompleted, webhookClient } from '../helpers/stripe-events.ts';
import { startStripeFake, stripeEnv, type StripeFake } from '../helpers/stripe-fake.ts';

const EMAIL = 'ed@courier.example';
const PASSWORD = 'correct horse battery staple';
const XSS = '<img src=x onerror="window.__pwned=1">';

describe('support pages of the console in the browser', () => {
  let server: TestServer;
  let stripe: StripeFake;
  let browser: Browser;
  let page: Page;
  let campaignId: string;
  const cspViolations: string[] = [];

  /** What the editor's preview shows, read from its DOM. */
  const preview = () =>
    page.locator('.bar-preview').evaluate((el) => {
      const track = el.querySelector('[role="progressbar"]');
      return {
        label: track?.getAttribute('aria-label') ?? null,
        text: track?.getAttribute('aria-valuetext') ?? null,
        title: el.querySelector('.cq-title')?.textContent ?? null,
        ticks: [...el.querySelectorAll('.cq-ticks span')].map((s) => s.textContent),
        images: el.querySelectorAll('img').length,
        fill: getComputedStyle(el.querySelector('.cq-fill') ?? el).width,
      };
    });
  const rows = () => page.locator('.ledger-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  before(async () => {
    stripe = await startStripeFake();
    server = await startServer({ ...stripeEnv(stripe), ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await stripe?.close();
  });

  test('an admin signs in and opens Campaigns, which lists the demo campaign', async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: /^Campaigns/ }).waitFor();
    await page.getByRole('rowheader', { name: 'Keep local news independent' }).waitFor();
  });

  test('the editor previews the bar as readers will see it while the admin types, as text', async () => {
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Title').fill(`Winter appeal ${XSS}`);
    await page.getByLabel('Goal', { exact: true }).fill('2,000');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByLabel('Chosen amounts').check();
    await page.getByLabel('Tick amounts').fill('0, 500, 2000');
    const first = await until('the preview', async () => {
      const p = await preview();
      return p.ticks.join('|') === '€0|€500|€2,000' && p.title?.startsWith('Winter appeal') ? p : undefined;
    });
    assert.equal(first.title, `Winter appeal ${XSS}`, 'markup in a title is text');
    assert.equal(first.images, 0);
    assert.equal(first.label, `Winter appeal ${XSS}`);
    assert.equal(first.text, '€0 raised of €2,000 goal (0%)');
    // Typing on changes the bar: a smaller goal, a new title.
    await page.getByLabel('Title').fill('Winter appeal');
    await page.getByLabel('Goal', { exact: true }).fill('1000');
    await page.getByLabel('Tick amounts').fill('0, 1000');
    await until('the preview follows', async () => (await preview()).text === '€0 raised of €1,000 goal (0%)' && (await preview()).title === 'Winter appeal');
    // A bad goal is named at its field, and nothing is sent.
    await page.getByLabel('Goal', { exact: true }).fill('a lot');
    assert.equal(await page.getByLabel('Goal', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.ok(await page.getByRole('button', { name: 'Save campaign' }).isDisabled());
    await page.getByLabel('Goal', { exact: true }).fill('1000');
    await page.getByRole('button', { name: 'Save campaign' }).click();
    await page.locator('.toast', { hasText: 'Campaign “Winter appeal” saved.' }).waitFor();
    await page.getByRole('rowheader', { name: 'Winter appeal' }).waitFor();
    const current = (await (await fetch(`${server.url}/api/v1/campaigns/current?site=demo`)).json()) as { id: string; title: string; goal: number; currency: string; ticks: number[] };
    assert.deepEqual([current.title, current.goal, current.currency, current.ticks], ['Winter appeal', 100_000, 'EUR', [0, 100_000]]);
    campaignId = current.id;
  });

  test('a manual entry is recorded, listed, and counted in the totals by day', async () => {
    await page.getByRole('link', { name: 'Ledger' }).click();
    await page.getByRole('heading', { name: /^Record a gift outside Stripe · Winter appeal/ }).waitFor();
    const form = page.locator('form.manual-entry');
    await form.getByLabel('Amount').fill('150');
    await form.getByLabel('Method').selectOption('cash');
    await form.getByLabel('Donor name (shown only if given)').fill('=HYPERLINK("http://evil.example")');
    await form.getByLabel('Note').fill('Tin at the winter fair');
    await form.getByRole('button', { name: 'Record gift' }).click();
    await page.locator('.toast', { hasText: '€150 recorded for “Winter appeal”.' }).waitFor();
    const listed = await until('the entry in the ledger', async () => (await rows()).find((r) => r.includes('Tin at the winter fair')));
    assert.equal(listed[4], '€150');
    assert.equal(listed[2], 'manual');
    const today = new Date().toISOString().slice(0, 10);
    const day = await until('today in the totals', () => page.locator('.daily-table tbody tr', { hasText: today }).textContent());
    assert.match(day, /€150/);
  });

  test('filters narrow the ledger, and the CSV download holds exactly what they show, formulas defused', async () => {
    const delivered = await webhookClient(server.url).deliver(checkoutCompleted({ campaign: campaignId, amount: 2500, currency: 'EUR', email: 'card@example.com' }));
    assert.equal(delivered.status, 200);
    await page.getByLabel('Campaign', { exact: true }).selectOption({ label: 'Winter appeal' });
    await until('both gifts', async () => (await rows()).length === 2);
    await page.getByLabel('Method', { exact: true }).first().selectOption('stripe');
    const stripeRows = await until('only the card gift', async () => {
      const r = await rows();
      return r.length === 1 && r[0]![3] === 'Stripe' ? r : undefined;
    });
    assert.match(stripeRows[0]![5]!, /card@example\.com/);
    await page.getByLabel('Method', { exact: true }).first().selectOption('cash');
    await until('only the cash gift', async () => {
      const r = await rows();
      return r.length === 1 && r[0]![3] === 'cash';
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV (these filters)' }).click()]);
    assert.match(download.suggestedFilename(), /^ledger-demo\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, 2, csv);
    assert.match(lines[0]!, /^id,occurred_at,campaign_id,kind/);
    assert.ok(lines[1]!.includes(`"'=HYPERLINK(""http://evil.example"")"`), lines[1]);
    assert.ok(lines[1]!.includes('Tin at the winter fair'));
    assert.ok(!csv.includes('card@example.com'), 'the card gift is filtered out');
  });

  test('a slow answer to earlier filters never replaces the ledger of the filters shown', async () => {
    const method = page.getByLabel('Method', { exact: true }).first();
    const onlyCash = async () => {
      const r = await rows();
      return r.length === 1 && r[0]![3] === 'cash';
    };
    await method.selectOption('');
    await until('both gifts', async () => (await rows()).length === 2);
    const slow = await holdRequests(page, (url) => url.pathname === '/api/v1/admin/support/ledger' && url.searchParams.get('provider') === 'stripe');
    await method.selectOption('stripe');
    await slow.caught();
    await method.selectOption('cash');
    await until('only the cash gift', onlyCash);
    await slow.release();
    assert.ok(await onlyCash(), 'the late answer about card gifts is dropped');
  });

  test('a slow answer to an earlier date range never replaces the totals by day shown', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const totals = page.locator('section[aria-labelledby="daily-title"]');
    const todayRow = totals.locator('.daily-table tbody tr', { hasText: today });
    const nothingCounted = totals.getByText('Nothing counted on these days.');
    await todayRow.waitFor();
    const slow = await holdRequests(page, (url) => url.pathname === '/api/v1/admin/support/totals/daily' && url.searchParams.get('from') === `${today}T00:00:00.000Z`);
    await page.getByLabel('From', { exact: true }).fill(today);
    await slow.caught();
    await page.getByLabel('From', { exact: true }).fill(tomorrow);
    await nothingCounted.waitFor();
    await slow.release();
    assert.ok(await nothingCounted.isVisible(), 'the days from tomorrow on are still shown');
    assert.equal(await todayRow.count(), 0, "the late answer with today's totals is dropped");
    await page.getByLabel('From', { exact: true }).fill('');
    await todayRow.waitFor();
  });

  test('the Stripe webhook status shows the last event and recent failures', async () => {
    const bad = await fetch(`${server.url}/api/v1/support/stripe/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=bad' }, body: '{}' });
    assert.equal(bad.status, 400);
    const panel = page.locator('.webhook-status');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    await until('the last event', async () => /checkout\.session\.completed · processed/.test((await panel.locator('.webhook-last').textContent()) ?? ''));
    await until('the failure', async () => /signature/i.test((await panel.locator('.webhook-failures').textContent().catch(() => '')) ?? ''));
    assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violations');
  });
});
