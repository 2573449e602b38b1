// The console's notification pages in a real browser (Debian's chromium) against a real server
// with a real SMTP server and a local webhook receiver: an admin adds a webhook endpoint (its
// secret shown once), sees a posted comment's delivery in the log, sends a test event, switches
// the endpoint off, sees the outbox, and turns on their own alerts, which then arrive by e-mail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp.ts';
import { startReceiver, verify, type Receiver } from '../helpers/webhook-receiver.ts';
import { createSiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';

const EMAIL = 'hooks-admin@courier.example';
const PASSWORD = 'correct horse battery staple';
const SITE = 'e2e-hooks';

describe('webhooks, outbox and alerts in the console', () => {
  let srv: TestServer;
  let sink: SmtpSink;
  let receiver: Receiver;
  let browser: Browser;
  let page: Page;
  let secret: string;
  const pageErrors: string[] = [];

  async function post(name: string, body: string): Promise<string> {
    const res = await fetch(`${srv.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Colloquy-Visitor': randomBytes(24).toString('base64url') },
      body: JSON.stringify({ site: SITE, page: 'hooks-e2e', title: 'Hooks e2e', author: { name }, body }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  }

  before(async () => {
    sink = await startSmtpSink();
    receiver = await startReceiver();
    srv = await startServer({ ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, SMTP_URL: sink.url, OUTBOX_RETRY_SECONDS: '1' });
    const sites = createSiteService(createSiteStore(srv.app.database.db));
    await sites.ensure(SITE, 'Hooks Gazette', ['https://publisher.example'], { moderation: { bots: { honeypot: true, altcha: false }, premoderation: { mode: 'all', firstCount: 1 } } as never });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${srv.url}/admin`);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
    await receiver?.close();
    await sink?.close();
  });

  test('adding an endpoint shows its secret once; a posted comment is delivered, signed, and logged', async () => {
    await page.goto(`${srv.url}/admin/webhooks?site=${SITE}`);
    await page.getByRole('heading', { name: 'Webhooks of Hooks Gazette' }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();
    const form = page.locator('form.webhook-form');
    await form.getByLabel('URL').fill('http://hooks.example/not-https');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByRole('alert').filter({ hasText: 'https' }).waitFor();
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('comment.deleted').uncheck();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    secret = (await page.locator('code.webhook-secret').textContent()) ?? '';
    assert.match(secret, /^whsec_/);
    const endpoint = page.locator('li.webhook', { hasText: receiver.url });
    await endpoint.getByText('comment.created, comment.approved').waitFor();

    const name = '<img src=x onerror="window.__pwned=1">';
    const id = await post(name, 'A comment for the publisher’s receiver');
    const hit = await until('the delivery', () => receiver.of('comment.created').find((h) => JSON.parse(h.body).data.comment.id === id));
    assert.ok(verify(secret, String(hit.headers['colloquy-signature']), hit.body), 'signed with the secret the console showed');

    await endpoint.getByRole('button', { name: 'Deliveries' }).click();
    const log = endpoint.locator('table.deliveries-table');
    await until('the delivery logged as delivered', async () => {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      return (await log.locator('tr[data-state="delivered"]', { hasText: 'comment.created' }).count()) === 1;
    });
    assert.match((await log.locator('tr[data-state="delivered"]').first().textContent()) ?? '', /comment\.created.*delivered.*1.*204/);
  });

  test('a test event is delivered and logged; an endpoint switched off says so; reloading never shows the secret', async () => {
    const endpoint = page.locator('li.webhook', { hasText: receiver.url });
    await endpoint.getByRole('button', { name: 'Send test event' }).click();
    await page.locator('.toast', { hasText: 'Test event queued.' }).waitFor();
    await until('the test event', () => receiver.of('webhook.test').length === 1);
    await until('the test event logged', async () => {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      return (await endpoint.locator('tr[data-state="delivered"]', { hasText: 'webhook.test' }).count()) === 1;
    });
    await endpoint.getByRole('button', { name: 'Switch off' }).click();
    await endpoint.getByText('switched off').waitFor();
    await page.reload();
    await page.locator('li.webhook', { hasText: receiver.url }).getByText('switched off').waitFor();
    assert.equal(await page.locator('code.webhook-secret').count(), 0);
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
  });

  test('removing an endpoint asks first: Cancel keeps it, Remove removes it for good', async () => {
    const endpoint = page.locator('li.webhook', { hasText: receiver.url });
    await endpoint.getByRole('button', { name: 'Remove' }).click();
    const question = endpoint.getByRole('group', { name: `Remove the endpoint ${receiver.url}? Deliveries still queued for it are dropped.` });
    await question.waitFor();
    // A stray Enter lands on Cancel, not on Remove.
    assert.equal(await question.getByRole('button', { name: 'Cancel' }).evaluate((button) => button === document.activeElement), true);
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    assert.equal(await endpoint.count(), 1);
    await endpoint.getByRole('button', { name: 'Remove' }).click();
    await question.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No endpoints yet.').waitFor();
    await page.reload();
    await page.getByText('No endpoints yet.').waitFor();
  });

  test('a global admin sees the outbox', async () => {
    const outbox = page.locator('section.outbox');
    await outbox.getByRole('heading', { name: 'Outbox (every site)' }).waitFor();
    assert.match((await outbox.locator('.outbox-counts').textContent()) ?? '', /^\d+ waiting · \d+ failed$/);
  });

  test('My alerts: turning on held-comment alerts, at once, e-mails the next held comment', async () => {
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'My alerts' }).click();
    await page.getByRole('heading', { name: 'My alerts on Hooks Gazette' }).waitFor();
    const held = page.getByLabel('comments held for review');
    assert.equal(await held.isChecked(), false);
    await held.check();
    await page.getByLabel('at once, one e-mail each').check();
    await page.getByRole('button', { name: 'Save alerts' }).click();
    await page.locator('.toast', { hasText: 'Alerts saved.' }).waitFor();
    await page.reload();
    await until('the saved choice', () => page.getByLabel('comments held for review').isChecked());
    assert.equal(await page.getByLabel('new reader reports').isChecked(), false);

    const id = await post('Held Reader', 'Please review me');
    await sink.waitFor(() => sink.to(EMAIL).some((m) => m.text.includes(id)));
    const alert = sink.to(EMAIL).find((m) => m.text.includes(id))!;
    assert.equal(alert.subject, 'Held for review on Hooks Gazette: Held Reader on “Hooks e2e”');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0), 0);
    assert.deepEqual(pageErrors, []);
  });
});
