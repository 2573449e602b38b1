// The moderation console (/admin) in a real browser (Debian's chromium through playwright-core)
// against a real server whose first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD. One
// moderator's session, in order: the steps share the page and build on each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { holdRequests, launchChromium, until } from '../helpers/browser.ts';
import { createSiteService } from '../../src/sites/service.ts';
import { createSiteStore } from '../../src/sites/store.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const SHOTS = process.env.COLLOQUY_SCREENSHOTS ?? tmpdir();
const EMAIL = 'ed@courier.example';
const PASSWORD = 'correct horse battery staple';
/** A site of its own, without the guest proof-of-work, so the test can post as readers. */
const SITE = 'e2e-admin';
const PAGE = 'moderation-e2e';


const visitor = (): string => randomBytes(24).toString('base64url');


describe('moderation console in the browser', () => {
  let srv: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const stamp = Date.now().toString(36);
  const heldBody = `Honestly, you idiot, read the figures before posting ${stamp}`;
  const trollVisitor = visitor();
  const trollBody = `You moron, nobody wants your opinion ${stamp}`;
  const xssName = `<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>`;
  const xssBody = `<script>window.__pwned=3;alert(3)</script> <img src=x onerror=alert(4)> [x](javascript:alert(5)) you idiot ${stamp}`;
  const term = `zebrafish${stamp}`;
  let heldId: string;
  let trollId: string;
  let xssId: string;
  let bulkIds: string[];
  let doomed: { id: string; editToken: string };
  let secondThoughtsId: string;
  const sneakyVisitor = visitor();
  let sneakyId: string;

  async function post(body: string, name: string, as = visitor(), email?: string): Promise<{ id: string; status: string; editToken: string }> {
    const res = await fetch(`${srv.url}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Colloquy-Visitor': as },
      body: JSON.stringify({ site: SITE, page: PAGE, url: 'https://publisher.example/moderation', title: 'Moderation e2e', author: { name, ...(email ? { email } : {}) }, body }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const data = (await res.json()) as { comment: { id: string }; status: string; editToken: string };
    return { id: data.comment.id, status: data.status, editToken: data.editToken };
  }

  async function publicIds(): Promise<string[]> {
    const res = await fetch(`${srv.url}/api/v1/comments?site=${SITE}&page=${PAGE}&limit=100`);
    const data = (await res.json()) as { comments: { id: string; replies?: { id: string }[] }[] };
    return (data.comments ?? []).flatMap((c) => [c.id, ...(c.replies ?? []).map((r) => r.id)]);
  }

  /** A reader reports the comment as off-topic. */
  async function report(id: string): Promise<void> {
    const res = await fetch(`${srv.url}/api/v1/comments/${id}/report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Colloquy-Visitor': visitor() },
      body: JSON.stringify({ reason: 'off-topic', note: 'Not about the article' }),
    });
    assert.equal(res.status, 201, await res.text());
  }

  const card = (id: string): Locator => page.locator(`article.card[id="c-${id}"]`);
  const toast = (text: string | RegExp): Locator => page.locator('.toast', { hasText: text });
  const activeId = (): Promise<string | null> => page.evaluate(() => document.activeElement?.closest('article.card')?.id ?? null);
  const noDialogOpen = () => until('dialog closed', async () => (await page.locator('dialog[open]').count()) === 0);

  const listedIds = (): Promise<string[]> => page.locator('.queue article.card').evaluateAll((cards) => cards.map((c) => c.id));

  /**
   * Moves the keyboard focus to a card with j/k, as a moderator without a mouse would: one key at
   * a time, toward the card, each pressed once the previous one has visibly moved the focus (the
   * focused card shown as current), so a slow page can neither swallow a key nor be overshot.
   */
  async function focusCard(id: string): Promise<void> {
    const target = `c-${id}`;
    await page.locator('article.card.current').focus();
    for (;;) {
      const ids = await listedIds();
      const at = await activeId();
      assert.ok(ids.includes(target), `comment ${id} is in the list: ${ids.join(' ')}`);
      if (at === target) return;
      const from = ids.indexOf(at ?? '');
      assert.ok(from >= 0, `the focus is on a card of the list, not ${at}`);
      const step = ids.indexOf(target) > from ? 1 : -1;
      await page.keyboard.press(step > 0 ? 'j' : 'k');
      await page.waitForFunction((next) => {
        const focused = document.activeElement?.closest('article.card');
        return focused?.id === next && focused.classList.contains('current');
      }, ids[from + step]!);
    }
  }

  /** Saves the settings form and waits for this save's toast (earlier ones are dismissed first). */
  async function saveSettings(): Promise<void> {
    const saved = page.locator('.toast', { hasText: 'Settings saved' });
    while ((await saved.count()) > 0) await saved.first().getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await saved.first().waitFor();
  }

  async function shot(name: string, fullPage = false): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `admin-${name}.png`), fullPage });
  }

  before(async () => {
    srv = await startServer({ ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD, DEMO_ALTCHA: 'true' });
    const sites = createSiteService(createSiteStore(srv.app.database.db));
    await sites.ensure(SITE, 'E2E Gazette', ['https://publisher.example'], { moderation: { bots: { honeypot: true, altcha: false } } });
    const held = await post(heldBody, 'Held Reader');
    assert.equal(held.status, 'pending', 'the default scorer holds "you idiot"');
    heldId = held.id;
    const troll = await post(trollBody, 'Troll', trollVisitor, 'troll@example.com');
    assert.equal(troll.status, 'pending', 'the default scorer holds "you moron"');
    trollId = troll.id;
    // Every reader here posts from 127.0.0.1, so the duplicates phase sees one author and marks
    // a comment 70% like an earlier one as spam: texts one character apart crossed that line
    // with some stamps, and the second never reached Pending. These are far apart.
    const bulk = [`Bulk 1: what an idiot you are ${stamp}`, `Bulk 2: stop posting, you moron, the facts say otherwise ${stamp}`];
    bulkIds = [];
    for (const [i, body] of bulk.entries()) {
      const b = await post(body, `Bulk ${i + 1}`);
      assert.equal(b.status, 'pending', `bulk comment ${i + 1} is held`);
      bulkIds.push(b.id);
    }
    const d = await post(`You idiot, this one will be gone ${stamp}`, 'Vanishing');
    assert.equal(d.status, 'pending');
    doomed = { id: d.id, editToken: d.editToken };
    const second = await post(`Honestly, you idiot, think twice ${stamp}`, 'Second Thoughts');
    assert.equal(second.status, 'pending');
    secondThoughtsId = second.id;
    const sneaky = await post(`Honestly, you moron, nobody asked ${stamp}`, 'Sneaky', sneakyVisitor);
    assert.equal(sneaky.status, 'pending');
    sneakyId = sneaky.id;
    const xss = await post(xssBody, xssName);
    assert.equal(xss.status, 'pending', 'the XSS probe is held too, so it shows in the queue');
    xssId = xss.id;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: 'light' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('GET /admin serves the console shell with a strict CSP', async () => {
    const res = await fetch(`${srv.url}/admin/queue/pending`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(await res.text(), /<script src="\/admin\.js" defer><\/script>/);
  });

  test('a wrong password gets one generic message; the right one signs in', async () => {
    await page.goto(`${srv.url}/admin`);
    await page.getByLabel('E-mail').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByLabel('Password').press('Enter');
    await page.getByText('E-mail or password is incorrect.').waitFor();
    await shot('signin');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('navigation', { name: 'Console' }).waitFor();
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'colloquy_session');
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly');
  });

  test('the site switcher lists the sites and switches to one', async () => {
    const select = page.getByLabel('Site');
    const options = await select.locator('option').allTextContents();
    assert.ok(options.some((o) => o.includes('E2E Gazette')), `sites offered: ${options.join(', ')}`);
    await select.selectOption(SITE);
    await until('the address to name the site', () => page.url().includes(`site=${SITE}`));
    await card(heldId).waitFor();
  });

  test('a held comment shows its author, e-mail, status and reasons, with the matched span highlighted', async () => {
    const held = card(heldId);
    assert.equal(await held.locator('.name').textContent(), 'Held Reader');
    assert.equal(await held.locator('.badge.pending').count(), 1);
    const marks = await held.locator('.body mark').allTextContents();
    assert.ok(marks.length > 0, 'at least one highlighted span');
    assert.ok(marks.some((m) => /idiot/i.test(m)), `the insult is highlighted: ${JSON.stringify(marks)}`);
    assert.equal(await held.locator('.body').textContent(), heldBody, 'marks wrap slices of the source text, nothing added');
    const reasons = await held.locator('.reasons .reason').allTextContents();
    assert.ok(reasons.some((r) => r.includes('scorer')), `reasons list the scorer: ${reasons.join(' | ')}`);
    const troll = card(trollId);
    assert.equal(await troll.locator('.email').textContent(), 'troll@example.com', 'staff see the e-mail');
    const counts = await page.locator('.tab.active .count').textContent();
    assert.ok(Number(counts) >= 3, `pending badge counts the held comments (${counts})`);
    await shot('queue');
  });

  test('comment text and author names with script payloads are inert text', async () => {
    const xss = card(xssId);
    await xss.waitFor();
    assert.equal(await xss.locator('.name').textContent(), xssName, 'the name shows as typed');
    assert.equal(await xss.locator('.body').textContent(), xssBody, 'the body shows as typed');
    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      scripts: document.querySelectorAll('#colloquy-admin script').length,
      images: document.querySelectorAll('#colloquy-admin img').length,
      jsLinks: document.querySelectorAll('#colloquy-admin a[href^="javascript:"]').length,
    }));
    assert.deepEqual(injected, { pwned: null, scripts: 0, images: 0, jsLinks: 0 });
    assert.deepEqual(dialogs, [], 'no alert() ran');
    await xss.scrollIntoViewIfNeeded();
    await shot('xss');
  });

  test('j/k move between comments and "a" approves; the comment joins the public thread', async () => {
    assert.ok(!(await publicIds()).includes(heldId), 'held comments are not public');
    await focusCard(heldId);
    const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(focusRing, 'none', 'the focused comment shows a focus outline');
    await page.keyboard.press('a');
    await toast('Approved').waitFor();
    await until('the approved comment to leave the pending queue', async () => (await card(heldId).count()) === 0);
    await until('focus to stay on the list (the next comment)', activeId);
    await until('the comment in the public thread', async () => (await publicIds()).includes(heldId));
    const html = await (await fetch(`${srv.url}/embed/thread?site=${SITE}&page=${PAGE}`)).text();
    assert.ok(html.includes('read the figures before posting'), 'the no-JS thread shows it too');
  });

  test('Undo after approving a held comment holds it again: back in Pending, out of the public thread', async () => {
    await focusCard(secondThoughtsId);
    await page.keyboard.press('a');
    const done = toast('Approved: the comment by Second Thoughts.');
    await done.waitFor();
    await until('the approved comment in the public thread', async () => (await publicIds()).includes(secondThoughtsId));
    await done.getByRole('button', { name: 'Undo' }).click();
    await toast('Undone.').waitFor();
    await card(secondThoughtsId).waitFor();
    assert.equal(await card(secondThoughtsId).locator('.badge.pending').count(), 1, 'the card is back, pending');
    await until('the comment to leave the public thread at once', async () => !(await publicIds()).includes(secondThoughtsId));
    const last = await page.evaluate(async (id) => ((await (await fetch(`/api/v1/admin/comments/${id}`)).json()) as { comment: { status: string; moderation: { lastAction: { action: string } } } }).comment, secondThoughtsId);
    assert.deepEqual([last.status, last.moderation.lastAction.action], ['pending', 'hold']);
  });

  test('"x" selects comments and "r" rejects the whole selection', async () => {
    for (const id of bulkIds) {
      await focusCard(id);
      await page.keyboard.press('x');
    }
    await page.getByText('2 selected').waitFor();
    for (const id of bulkIds) assert.ok(await card(id).locator('input.select').isChecked());
    await page.keyboard.press('r');
    await toast('Rejected: 2 comments.').waitFor();
    for (const id of bulkIds) await until(`bulk comment ${id} to leave the queue`, async () => (await card(id).count()) === 0);
    const statuses = await page.evaluate(async (ids) => {
      const out: string[] = [];
      for (const id of ids) out.push(((await (await fetch(`/api/v1/admin/comments/${id}`)).json()) as { comment: { status: string } }).comment.status);
      return out;
    }, bulkIds);
    assert.deepEqual(statuses, ['rejected', 'rejected']);
  });

  test('the toolbar acts on a selection too: Hold brings rejected comments back to Pending', async () => {
    await page.getByRole('link', { name: /^Rejected/ }).click();
    for (const id of bulkIds) await card(id).locator('input.select').check();
    await page.getByText('2 selected').waitFor();
    await page.locator('.toolbar').getByRole('button', { name: 'Hold' }).click();
    await toast('Moved to Pending: 2 comments.').waitFor();
    for (const id of bulkIds) await until(`bulk comment ${id} to leave Rejected`, async () => (await card(id).count()) === 0);
    await page.getByRole('link', { name: /^Pending/ }).click();
    for (const id of bulkIds) await card(id).waitFor();
  });

  test('a failed action is rolled back, with the reason', async () => {
    // The server fails once (as a proxy or a restart might): the card comes back as it was.
    await page.route('**/api/v1/admin/comments/*/moderate', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Server busy' } }) }),
    );
    await focusCard(doomed.id);
    await page.keyboard.press('a');
    await page.locator('.toast.error', { hasText: 'Approve failed, nothing changed: Server busy' }).waitFor();
    await card(doomed.id).waitFor();
    assert.equal(await card(doomed.id).locator('.badge.pending').count(), 1, 'the card is back as it was');
    await page.unroute('**/api/v1/admin/comments/*/moderate');
    await page.locator('.toast.error').getByRole('button', { name: 'Dismiss' }).click();
  });

  test('an action on a comment its author deleted meanwhile says so and drops the card', async () => {
    const gone = await fetch(`${srv.url}/api/v1/comments/${doomed.id}`, { method: 'DELETE', headers: { 'X-Edit-Token': doomed.editToken } });
    assert.ok(gone.ok, `the author deletes their comment (${gone.status})`);
    await focusCard(doomed.id);
    await page.keyboard.press('a');
    await page.locator('.toast.error', { hasText: 'Approve failed, nothing changed' }).waitFor();
    await until('the deleted comment to leave the pending queue', async () => (await card(doomed.id).count()) === 0);
    await page.locator('.toast.error').getByRole('button', { name: 'Dismiss' }).click();
  });

  test('a reader report puts a comment in Reported; dismissing the reports clears it', async () => {
    const fine = await post(`A reasonable point about the budget ${stamp}`, 'Calm Reader');
    assert.equal(fine.status, 'approved');
    await report(fine.id);
    await page.getByRole('link', { name: /^Reported/ }).click();
    const reported = card(fine.id);
    await reported.waitFor();
    assert.match((await reported.locator('.reports').textContent()) ?? '', /1 open report:.*off-topic × 1/);
    await reported.getByRole('button', { name: 'Dismiss reports' }).click();
    await toast('Reports dismissed on the comment by Calm Reader.').waitFor();
    await until('the comment to leave Reported', async () => (await card(fine.id).count()) === 0);
    await page.getByRole('link', { name: /^Pending/ }).click();
    await page.locator('.tab.active', { hasText: 'Pending' }).waitFor();
  });

  test('deleting from the console asks first: Cancel keeps the comment, Delete takes it out of the thread', async () => {
    const gone = await post(`Quite off topic, about my cat's birthday party ${stamp}`, 'Soon Gone');
    assert.equal(gone.status, 'approved');
    await report(gone.id);
    await page.getByRole('link', { name: /^Reported/ }).click();
    const reported = card(gone.id);
    await reported.waitFor();
    await reported.getByRole('button', { name: 'Delete', exact: true }).click();
    const question = reported.getByRole('group', { name: 'Delete this comment for good?' });
    await question.waitFor();
    assert.equal(await question.getByRole('button', { name: 'Cancel' }).evaluate((button) => button === document.activeElement), true, 'Cancel has the focus');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    assert.ok((await publicIds()).includes(gone.id), 'cancelled: still in the thread');
    await reported.getByRole('button', { name: 'Delete', exact: true }).click();
    await question.getByRole('button', { name: 'Delete', exact: true }).click();
    await toast('Deleted: the comment by Soon Gone.').waitFor();
    await until('the deleted comment to leave the thread', async () => !(await publicIds()).includes(gone.id));
    await page.getByRole('link', { name: /^Pending/ }).click();
    await page.locator('.tab.active', { hasText: 'Pending' }).waitFor();
  });

  test('"?" shows the keyboard shortcuts; Escape closes them', async () => {
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.ok((await help.textContent())?.includes('Approve'));
    await shot('help');
    await page.keyboard.press('Escape');
    await noDialogOpen();
  });

  test('"b" bans the author with a duration and scope; their next comment is rejected', async () => {
    await focusCard(trollId);
    await page.keyboard.press('b');
    const dialog = page.getByRole('dialog', { name: /Ban or suspend Troll/ });
    await dialog.waitFor();
    assert.ok(await dialog.getByLabel(/Browser/).isChecked(), 'the browser identity is chosen by default');
    await dialog.getByLabel('7 days').check();
    await dialog.getByLabel(/Reason/).fill('Insults other readers');
    await shot('ban');
    await dialog.getByLabel(/Reason/).press('Enter');
    await toast(/Troll is banned/).waitFor();
    await noDialogOpen();
    await until('the banned author’s comment to leave the queue', async () => (await card(trollId).count()) === 0);
    const next = await post(`A perfectly polite comment ${stamp}`, 'Troll', trollVisitor);
    assert.equal(next.status, 'rejected', 'the ban rejects their next comment');
  });

  test('a shadow-ban: their comments look published to them and nobody else sees them', async () => {
    await focusCard(sneakyId);
    await page.keyboard.press('b');
    const dialog = page.getByRole('dialog', { name: /Ban or suspend Sneaky/ });
    await dialog.waitFor();
    await dialog.getByLabel(/^Shadow-ban/).check();
    await dialog.getByLabel('24 hours').check();
    await dialog.getByLabel(/Reason/).fill('Baiting other readers');
    await dialog.getByRole('button', { name: 'Shadow-ban' }).click();
    await toast(/Sneaky is shadow-banned for 1 day/).waitFor();
    await noDialogOpen();
    await until('the shadowed comment to leave Pending', async () => (await card(sneakyId).count()) === 0);
    const next = await post(`Another perfectly normal remark ${stamp}`, 'Sneaky', sneakyVisitor);
    assert.equal(next.status, 'approved', 'the author is told it is published');
    assert.ok(!(await publicIds()).includes(next.id), 'nobody else sees it');
    assert.ok(!(await publicIds()).includes(sneakyId));
  });

  test('undo puts a comment back where the API can express it', async () => {
    await page.getByRole('link', { name: 'Recent' }).click();
    await card(trollId).waitFor();
    assert.equal(await card(trollId).locator('.badge.rejected').count(), 1, 'the ban rejected the comment');
    await focusCard(trollId);
    await page.keyboard.press('a');
    const done = toast('Approved: the comment by Troll.');
    await done.waitFor();
    await until('approved', async () => (await card(trollId).locator('.badge.approved').count()) === 1);
    await done.getByRole('button', { name: 'Undo' }).click();
    await toast('Undone.').waitFor();
    await until('rejected again', async () => (await card(trollId).locator('.badge.rejected').count()) === 1);
    // "h" holds it (back to pending, still listed in Recent); "z" undoes that too.
    await focusCard(trollId);
    await page.keyboard.press('h');
    await toast('Moved to Pending: the comment by Troll.').waitFor();
    await until('pending', async () => (await card(trollId).locator('.badge.pending').count()) === 1);
    await page.keyboard.press('z');
    await until('rejected once more', async () => (await card(trollId).locator('.badge.rejected').count()) === 1);
  });

  test('the author panel shows history, bans and other identities', async () => {
    await focusCard(trollId);
    await page.keyboard.press('u');
    const panel = page.getByRole('dialog', { name: 'Author: Troll' });
    await panel.waitFor();
    await panel.locator('.ban-list').getByText('Insults other readers').first().waitFor();
    await panel.locator(`article.card[id="c-${trollId}"]`).waitFor();
    // Every reader in this test posts from 127.0.0.1: the other browsers are "from the same IP".
    const identities = panel.locator('.identities .identity');
    await identities.first().waitFor();
    const seen = await identities.allTextContents();
    assert.ok(seen.some((i) => i.includes('Held Reader')), `other identities: ${seen.join(' | ')}`);
    assert.ok(!seen.some((i) => i.includes('Troll')), 'not the author themself');
    await shot('author');
    await page.keyboard.press('Escape');
    await noDialogOpen();
  });

  test('settings: a field error shows next to its field; a new suspect term holds comments and the preview explains it', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: /Settings of E2E Gazette/ }).waitFor();
    // A bad value: the API names the field and the form marks it.
    const max = page.getByLabel('Links allowed in a comment');
    await max.fill('-1');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await until('the field to be marked invalid', async () => (await max.getAttribute('aria-invalid')) === 'true');
    const described = (await max.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${described.split(' ')[0]}"]`).textContent();
    assert.ok(message && message.length > 0, 'an error message next to the field');
    await shot('settings-error');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    // The change that matters.
    const suspect = page.getByLabel(/^Suspect/);
    await suspect.fill(`${(await suspect.inputValue()).trim()}\n${term}`.trim());
    await page.getByRole('button', { name: 'Save changes' }).click();
    await toast('Settings saved').waitFor();
    const preview = page.getByLabel('Test this text');
    await preview.fill(`Look at this ${term} here`);
    const result = page.locator('.preview-result');
    await until('the preview to hold the text', async () => (await result.locator('.badge').textContent()) === 'pending');
    assert.equal(await result.locator('mark').first().textContent(), term, 'the preview highlights the term');
    // Clearing the text while an answer is on its way: that answer, for a text no longer
    // there, is not shown.
    const PREVIEW = '**/api/v1/admin/moderation/preview';
    let asked!: () => void;
    let release!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(PREVIEW, async (route) => {
      asked();
      await held;
      await route.continue();
    });
    await preview.fill(`The ${term} again`);
    await requested;
    await preview.fill('');
    const answered = page.waitForResponse(PREVIEW);
    release();
    await answered;
    await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => setTimeout(settled, 0))));
    assert.equal(await result.locator('.badge').count(), 0, 'no answer shown for an emptied text');
    await page.unroute(PREVIEW);
    await preview.fill(`Look at this ${term} here`);
    await until('the preview to answer again', async () => (await result.locator('.badge').textContent()) === 'pending');
    await shot('settings', true);
    await until('the new term to apply to new comments', async () => (await post(`I keep ${term} as a pet`, 'Fish Fan')).status === 'pending', 8000);
  });

  test('settings: premoderation, link policy, auto-close, depth, rate limits and thresholds save and apply', async () => {
    await page.getByRole('radio', { name: /^All/ }).check();
    await page.getByLabel('Links allowed in a comment').fill('0');
    await page.getByLabel('More links than that').selectOption('rejected');
    await page.getByLabel('Close threads after (days)').fill('30');
    await page.getByLabel('Deepest reply level').fill('3');
    await page.getByLabel('Comments per minute, per person').fill('12');
    await page.getByLabel('Comments per hour, per person').fill('120');
    await page.getByLabel('insult: Hold at', { exact: true }).fill('0.4');
    await page.getByLabel('THREAT: Reject at', { exact: true }).fill('0.8');
    await page.getByLabel('Add a threshold for the model’s label').fill('toxic');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('toxic: Hold at', { exact: true }).fill('0.7');
    await saveSettings();
    const saved = await page.evaluate(async (site) => ((await (await fetch(`/api/v1/admin/sites/${site}/settings`)).json()) as { settings: any }).settings, SITE);
    const m = saved.moderation;
    assert.deepEqual(
      [m.premoderation.mode, m.links.max, m.links.tooMany, m.closing.autoCloseDays, saved.maxDepth, m.rateLimits, m.scorer.thresholds.insult.pending, m.classifiers.perspective.thresholds.THREAT.rejected, m.classifiers.http.thresholds],
      ['all', 0, 'rejected', 30, 3, { postsPerMinute: 12, postsPerHour: 120 }, 0.4, 0.8, { toxic: { pending: 0.7, rejected: null } }],
    );
    await until('premoderation to hold a civil comment', async () => (await post(`A civil remark ${stamp}`, 'Civil')).status === 'pending', 8000);
    assert.equal((await post(`See https://example.org/source for the figures ${stamp}`, 'Linker')).status, 'rejected', 'the link policy rejects a link');
    // Back to publishing, so the audit log below is about these changes.
    await page.getByRole('radio', { name: /^None/ }).check();
    await saveSettings();
  });

  test('the audit log lists the approval, the ban and the settings change, and filters by action', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const table = page.locator('.audit-table tbody');
    await table.locator('tr').first().waitFor();
    const text = (await table.textContent()) ?? '';
    for (const action of ['approved a comment', 'banned', 'changed settings']) assert.ok(text.includes(action), `audit shows "${action}"`);
    assert.ok(text.includes(EMAIL), 'entries name the moderator');
    await page.getByLabel('Action').selectOption('settings.update');
    await until('only settings changes', async () => {
      const rows = await table.locator('tr').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes('changed settings'));
    });
    await page.getByLabel('Action').selectOption('');
    // Everything done about the troll: the ban, the approval and its undo, nothing about others.
    await page.getByLabel('Author of comment').fill(trollId);
    await page.getByLabel('Author of comment').press('Tab');
    await until('only entries about the troll', async () => {
      const rows = await table.locator('tr').allTextContents();
      return rows.length >= 3 && rows.some((r) => r.includes('banned')) && rows.some((r) => r.includes('approved a comment')) && !rows.some((r) => r.includes('changed settings'));
    });
    await page.getByLabel('Author of comment').fill('');
    await page.getByLabel('Author of comment').press('Tab');
    await shot('audit');
  });

  test('the audit log never shows a slow answer to earlier filters in place of the current ones', async () => {
    const table = page.locator('.audit-table tbody');
    const onlyApprovals = async () => {
      const rows = await table.locator('tr').allTextContents();
      return rows.length > 0 && rows.every((r) => r.includes('approved a comment'));
    };
    const slow = await holdRequests(page, (url) => url.pathname === '/api/v1/admin/audit' && url.searchParams.get('action') === 'settings.update');
    await page.getByLabel('Action').selectOption('settings.update');
    await slow.caught();
    await page.getByLabel('Action').selectOption('comment.approve');
    await until('only approvals', onlyApprovals);
    await slow.release();
    assert.ok(await onlyApprovals(), 'the late answer about settings changes is dropped');
    await page.getByLabel('Action').selectOption('');
  });

  test('what a moderator is typing into a filter stays there when the list reloads meanwhile', async () => {
    const held = await holdRequests(page, (url) => url.pathname === '/api/v1/admin/audit' && url.searchParams.get('action') === 'comment.approve');
    await page.getByLabel('Action').selectOption('comment.approve');
    await held.caught();
    const author = page.getByLabel('Author of comment');
    await author.click();
    await author.pressSequentially(trollId.slice(0, 8));
    await held.release(); // the list's answer arrives and the page re-renders mid-typing
    assert.equal(await author.inputValue(), trollId.slice(0, 8), 'the half-typed id is still in the field');
    await author.fill('');
    await author.press('Tab');
    await page.getByLabel('Action').selectOption('');
  });

  test('bans: a slow answer for the bans in force never replaces all bans once those are asked for', async () => {
    await page.getByRole('link', { name: 'Bans' }).click();
    const gone = `gone-${stamp}@example.com`;
    const form = page.locator('form.new-ban');
    await form.getByLabel('E-mail').fill(gone);
    await form.getByLabel('Reason (for the audit log)').fill('Spam run');
    await form.getByRole('button', { name: 'Ban', exact: true }).click();
    await toast(`Banned ${gone}.`).waitFor();
    const line = page.locator('.ban-list li', { hasText: gone });
    await line.getByRole('button', { name: 'Lift' }).click();
    await toast(`Ban lifted: ${gone}.`).waitFor();
    await until('the lifted ban to leave the bans in force', async () => (await line.count()) === 0);
    // Opened again, the page asks for the bans in force, slowly; meanwhile the moderator ticks "all".
    const slow = await holdRequests(page, (url) => url.pathname === '/api/v1/admin/bans' && url.searchParams.get('active') === 'true');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('link', { name: 'Bans' }).click();
    await slow.caught();
    await page.getByLabel('Show expired and lifted bans too').check();
    await line.waitFor();
    await slow.release();
    assert.equal(await line.count(), 1, 'the lifted ban is still listed, as the ticked box asks');
  });

  test('the dev mailbox is offered exactly when its route answers', async () => {
    const res = await fetch(`${srv.url}/api/v1/dev/mailbox`);
    const link = page.getByRole('link', { name: 'Mailbox (dev)' });
    assert.equal(await link.count(), res.status === 200 ? 1 : 0);
    if (res.status === 200) {
      await link.click();
      await page.getByRole('heading', { name: 'Mailbox (development)' }).waitFor();
      await shot('mailbox');
    }
  });

  test('the console works dark and at phone width', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('link', { name: 'Queues' }).click();
    await page.getByRole('link', { name: 'Recent' }).click();
    await card(trollId).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `no sideways scrolling at 390 px (${overflow} px too wide)`);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.notEqual(bg, 'rgb(246, 247, 249)', 'the dark palette applies');
    await shot('phone-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1100, height: 900 });
  });

  test('sign-in rate limits show the wait from Retry-After', async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    // Five wrong attempts for one e-mail use up its allowance (5 in 15 minutes).
    for (let i = 0; i < 5; i++) {
      await fetch(`${srv.url}/api/v1/admin/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@courier.example', password: `guess ${i}` }),
      });
    }
    await p.goto(`${srv.url}/admin`);
    await p.getByLabel('E-mail').fill('nobody@courier.example');
    await p.getByLabel('Password').fill('guess 6');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByText(/Too many sign-in attempts\. Wait \d+ minutes?/).waitFor();
    assert.ok(await p.getByRole('button', { name: 'Sign in' }).isDisabled(), 'the button waits out the limit');
    await other.close();
  });

  test('a moderator sees only their sites, without settings and audit log', async () => {
    // The admin adds a moderator of this one site through the API, as the console session would.
    const csrf = (await context.cookies()).find((c) => c.name === 'colloquy_csrf')?.value ?? '';
    const created = await page.evaluate(
      async ({ csrf, site }) =>
        (await fetch('/api/v1/admin/staff', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
          body: JSON.stringify({ email: 'mo@courier.example', password: 'moderator password 1', roles: [{ site, role: 'moderator' }] }),
        })).status,
      { csrf, site: SITE },
    );
    assert.equal(created, 201);
    const other = await browser.newContext();
    const p = await other.newPage();
    await p.goto(`${srv.url}/admin`);
    await p.getByLabel('E-mail').fill('mo@courier.example');
    await p.getByLabel('Password').fill('moderator password 1');
    await p.getByLabel('Password').press('Enter');
    await p.getByRole('navigation', { name: 'Console' }).waitFor();
    assert.deepEqual(await p.getByLabel('Site').locator('option').allTextContents(), ['E2E Gazette (moderator)']);
    const nav = await p.getByRole('navigation', { name: 'Console' }).locator('a').allTextContents();
    assert.ok(!nav.includes('Settings') && !nav.includes('Audit log') && !nav.includes('Inline questions'), `moderator navigation: ${nav.join(', ')}`);
    await p.goto(`${srv.url}/admin/settings?site=${SITE}`);
    await p.getByText('Only an admin of this site can see this page.').waitFor();
    await other.close();
  });

  test('signing out ends the session', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to moderate' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/admin/me')).status);
    assert.equal(me, 401);
    assert.deepEqual(dialogs, [], 'no alert() ran at any point');
    assert.deepEqual(cspViolations, [], 'the console needs nothing its CSP forbids');
  });
});
