// The link in a moderator's alert e-mail, followed in a real browser (Debian's chromium) against
// a real server and SMTP sink: it shows that very comment in the console, with its reasons and
// actions; still shows it, as approved, after it was approved; says so when there is no such
// comment; and refuses a moderator of another site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { launchChromium, openPage, until } from '../helpers/browser.ts';
import { STAFF_PASSWORD, createStaff, signIn } from '../helpers/admin.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp.ts';
import { createSiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';

const SITE = 'e2e-alert-link';
const OTHER = 'e2e-alert-other';

describe('following an alert e-mail’s link into the console', () => {
  let srv: TestServer;
  let sink: SmtpSink;
  let browser: Browser;
  let moderator: { id: string; email: string };
  let page: Page;
  /** The console address the alert carries, on this server. */
  let link: URL;
  let heldId: string;
  const body = `Honestly, you idiot, read the figures first ${Date.now().toString(36)}`;

  async function signedInPage(email: string): Promise<Page> {
    const p = await openPage(await browser.newContext({ viewport: { width: 1100, height: 900 } }));
    await p.goto(`${srv.url}/admin`);
    await p.getByLabel('E-mail').fill(email);
    await p.getByLabel('Password').fill(STAFF_PASSWORD);
    await p.getByLabel('Password').press('Enter');
    await p.getByRole('navigation', { name: 'Console' }).waitFor();
    return p;
  }

  const linkTo = (id: string): string => {
    const url = new URL(link);
    url.searchParams.set('comment', id);
    return url.href;
  };
  /** Posts a comment the default scorer holds ("you idiot"), as a reader; its id. */
  async function postHeld(text: string, name: string): Promise<string> {
    const res = await fetch(`${srv.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Colloquy-Visitor': randomBytes(24).toString('base64url') },
      body: JSON.stringify({ site: SITE, page: 'alert-link', url: 'https://publisher.example/alert-link', title: 'Alert link e2e', author: { name }, body: text }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const posted = (await res.json()) as { comment: { id: string }; status: string };
    assert.equal(posted.status, 'pending', 'the default scorer holds "you idiot"');
    return posted.comment.id;
  }

  const notice = (p: Page): Locator => p.locator('.linked-notice');
  const pinned = (p: Page): Locator => p.locator('li.linked article.card');

  before(async () => {
    sink = await startSmtpSink();
    srv = await startServer({ SMTP_URL: sink.url, OUTBOX_RETRY_SECONDS: '1' });
    const sites = createSiteService(createSiteStore(srv.app.database.db));
    for (const [id, name] of [[SITE, 'Alert Gazette'], [OTHER, 'Other Gazette']])
      await sites.ensure(id, name, ['https://publisher.example'], { moderation: { bots: { honeypot: true, altcha: false } } });
    moderator = await createStaff(srv, [{ site: SITE, role: 'moderator' }], 'alerted');
    const chosen = await (await signIn(srv, moderator.email)).request('PUT', `/api/v1/admin/me/alerts/${SITE}`, { pending: true, reports: false, mode: 'immediate' });
    assert.equal(chosen.status, 200, chosen.text);

    heldId = await postHeld(body, 'Held Reader');

    await sink.waitFor(() => sink.to(moderator.email).some((m) => m.text.includes(heldId)));
    const sent = sink.to(moderator.email).find((m) => m.text.includes(heldId))!;
    const queueLink = sent.links.find((l) => l.includes('/admin/queue/'));
    assert.ok(queueLink, `the alert links to the queue: ${sent.links.join(' ')}`);
    // The server's PUBLIC_URL is not this test's port: the same path and query, here.
    const carried = new URL(queueLink);
    link = new URL(carried.pathname + carried.search, srv.url);
    assert.equal(link.searchParams.get('comment'), heldId);

    browser = await launchChromium();
    page = await signedInPage(moderator.email);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
    await sink?.close();
  });

  test('the link shows that comment first, with its reasons, and it can be approved there', async () => {
    await page.goto(link.href);
    await notice(page).getByText('This is the comment your alert links to; it is still in Pending.').waitFor();
    const card = pinned(page);
    await card.getByText(body).waitFor();
    assert.equal(await card.locator('.name').textContent(), 'Held Reader');
    assert.match((await card.locator('mark').first().textContent()) ?? '', /idiot/i, 'the matched words are highlighted');
    const reasons = card.getByRole('list', { name: 'Why the comment by Held Reader was flagged' });
    assert.ok((await reasons.getByRole('listitem').count()) > 0, 'the pipeline’s reasons are listed');
    assert.match((await reasons.textContent()) ?? '', /idiot/i);

    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('.toast', { hasText: 'Approved: the comment by Held Reader.' }).waitFor();
    await notice(page).getByText('it is no longer in Pending: it is approved now.').waitFor();
    // Still shown where the moderator acted, now approved.
    assert.equal(await pinned(page).locator('.badge.approved').count(), 1);
    assert.equal(await pinned(page).getByRole('button', { name: 'Approve', exact: true }).isDisabled(), true);
  });

  test('the same link after approval shows the comment as approved, not an error', async () => {
    await page.goto(link.href);
    await notice(page).getByText('it is no longer in Pending: it is approved now.').waitFor();
    await pinned(page).getByText(body).waitFor();
    await pinned(page).getByText(`Approved by ${moderator.email}`).waitFor();
    assert.equal(await page.getByText(/not found|do not moderate|Could not load/).count(), 0, 'no error');
    await page.getByText('Nothing is waiting for review.').waitFor();

    await notice(page).getByRole('button', { name: 'Show the queue only' }).click();
    await page.getByText('Nothing is waiting for review.').waitFor();
    assert.equal(await page.locator('article.card').count(), 0, 'the approved comment leaves the Pending queue');
    assert.equal(new URL(page.url()).searchParams.get('comment'), null);
  });

  test('a link to a comment that does not exist says it was not found', async () => {
    for (const id of ['0000000000000000', '<b>cut-short']) {
      await page.goto(linkTo(id));
      await page.getByRole('alert').getByText(`The comment this link points to was not found: no comment has the id ${id}.`).waitFor();
      assert.equal(await pinned(page).count(), 0);
    }
  });

  test('a moderator already moving through the queue with j/k keeps their place when the linked comment arrives late', async () => {
    const stamp = Date.now().toString(36);
    // Texts far apart: from one address, a comment 70% like an earlier one is marked spam.
    await postHeld(`You idiot, the budget figures are wrong ${stamp}`, 'Earlier 1');
    await postHeld(`Check your sources before posting, you moron ${stamp}`, 'Earlier 2');
    const lateId = await postHeld(`You idiot, the alert is about this one ${stamp}`, 'Alerted About');
    // The linked comment's answer is held back, as a slow server would answer it.
    const isLinked = (url: URL) => url.pathname === `/api/v1/admin/comments/${lateId}`;
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let asked = false;
    await page.route(isLinked, async (route) => {
      asked = true;
      await answered;
      await route.continue();
    });
    await page.goto(linkTo(lateId));
    const cards = page.locator('.queue article.card');
    await cards.nth(2).waitFor();
    const before = await cards.evaluateAll((list) => list.map((c) => c.id));
    const place = before[1]!;
    assert.notEqual(place, `c-${lateId}`);
    await page.keyboard.press('j');
    await page.locator(`article.card.current[id="${place}"]:focus`).waitFor();
    await until('the linked comment to be asked for', () => asked);
    answer();
    await pinned(page).getByText('the alert is about this one').waitFor();
    await notice(page).getByText('This is the comment your alert links to; it is still in Pending.').waitFor();
    const current = page.locator('.queue article.card.current');
    assert.equal(await current.getAttribute('id'), place, 'the card shown as current is still the one the moderator moved to');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('article.card')?.id), place, 'and it keeps the focus');
    const after = await cards.evaluateAll((list) => list.map((c) => c.id));
    assert.equal(after[0], `c-${lateId}`, 'the linked comment is pinned first');
    await page.keyboard.press('k');
    await page.locator(`article.card.current[id="${after[after.indexOf(place) - 1]}"]:focus`).waitFor();
    await page.unroute(isLinked);
  });

  test('a moderator of another site is told the comment is on a site they do not moderate', async () => {
    const outsider = await createStaff(srv, [{ site: OTHER, role: 'moderator' }], 'outsider');
    const theirs = await signedInPage(outsider.email);
    await theirs.goto(link.href);
    await theirs.getByRole('alert').getByText('The comment this link points to is on a site you do not moderate, so it cannot be shown.').waitFor();
    assert.equal(await theirs.getByText(body).count(), 0, 'nothing of the comment is shown');
    assert.equal(await theirs.getByRole('combobox', { name: 'Site' }).inputValue(), OTHER, 'they stay on their own site');
  });
});
