// "My profile" in a real browser on a publisher page of another origin: a reader signs in by
// an e-mailed link (through a real SMTP server), comments (one held for moderation) and
// subscribes, then opens their profile: sees their comments with their status and links,
// their notifications, unsubscribes from one, renames themselves, downloads their data and
// deletes their account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, openPage, serveArticle, until } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp.ts';

const PUBLISHER = 'https://publisher.example';
const ARTICLE = '/articles/profile-walkthrough';

describe('my profile in the widget', () => {
  let srv: TestServer;
  let sink: SmtpSink;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now().toString(36);
  const email = `profile-${stamp}@readers.example`;

  const root = () => page.locator('#colloquy .root');
  const bearer = async () => (JSON.parse((await page.evaluate(() => localStorage.getItem('colloquy:auth:demo'))) ?? 'null') as { token: string } | null)?.token;
  const asReader = async (path: string, token: string) => fetch(`${srv.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    sink = await startSmtpSink();
    srv = await startServer({ SMTP_URL: sink.url, DEMO_ALTCHA: 'true' });
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['local-network-access'], { origin: PUBLISHER });
    await serveArticle(context, { origin: PUBLISHER, path: ARTICLE, serverUrl: srv.url, title: 'Bridges & budgets' });
    page = await openPage(context);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
    await sink?.close();
  });

  test('signs in with an e-mailed link, comments and subscribes', async () => {
    await page.goto(`${PUBLISHER}${ARTICLE}`);
    await root().getByRole('button', { name: 'Sign in with e-mail' }).click();
    await root().getByLabel('Your e-mail: we send you a sign-in link').fill(email);
    await root().getByRole('button', { name: 'Send link' }).click();
    await sink.waitFor(() => sink.to(email).length > 0);
    const link = sink.to(email)[0]!.links.find((l) => l.includes('#colloquy-token=')) ?? '';
    assert.ok(link.startsWith(`${PUBLISHER}${ARTICLE}#colloquy-token=`), `the link returns to the article: ${link}`);
    // From another page: the same article with only a new fragment would not load again.
    await page.goto('about:blank');
    await page.goto(link);
    await root().getByText('Signed in as Reader.').waitFor();

    const composer = root().locator(':scope > form.composer');
    await composer.getByLabel('Your comment').fill(`Profile hello ${stamp}`);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await root().locator('article.comment', { hasText: `Profile hello ${stamp}` }).waitFor();
    await composer.getByLabel('Your comment').fill(`you idiot ${stamp}`);
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await root().getByText('Your comment was received and is awaiting moderation.').first().waitFor();

    const notify = root().locator('form.notify');
    await notify.getByLabel('Notify of').selectOption('both');
    await notify.getByRole('button', { name: 'Notify me' }).click();
    await notify.getByText('Done: you will be notified by e-mail.').waitFor();
  });

  test('shows the reader’s comments with their status and links, and their notifications', async () => {
    await root().getByRole('button', { name: 'My profile' }).click();
    const profile = root().locator('section.profile');
    await profile.getByRole('heading', { name: 'My profile' }).waitFor();
    assert.equal(await root().locator(':scope > form.composer').count(), 0, 'the profile replaces the thread');

    const comments = profile.locator('section', { has: page.getByRole('heading', { name: 'My comments' }) }).locator('li');
    await until('both comments listed', async () => (await comments.count()) === 2);
    const held = comments.filter({ hasText: `you idiot ${stamp}` });
    assert.match((await held.textContent()) ?? '', /Awaiting moderation/);
    const shown = comments.filter({ hasText: `Profile hello ${stamp}` });
    assert.doesNotMatch((await shown.textContent()) ?? '', /Awaiting moderation/);
    const href = await shown.getByRole('link', { name: 'On Bridges & budgets' }).getAttribute('href');
    assert.match(href ?? '', new RegExp(`^${PUBLISHER}${ARTICLE}#c-[0-9A-Z]{16}$`));

    const subs = profile.locator('section', { has: page.getByRole('heading', { name: 'E-mail notifications' }) });
    await subs.getByText('New comments on Bridges & budgets').waitFor();
    await subs.getByText('Replies to my comments, in any thread').waitFor();
  });

  test('unsubscribes from one thread; the server agrees', async () => {
    const subs = root().locator('section.profile section', { has: page.getByRole('heading', { name: 'E-mail notifications' }) });
    await subs.getByRole('button', { name: 'Unsubscribe: New comments on Bridges & budgets' }).click();
    await subs.getByText('Unsubscribed: New comments on Bridges & budgets').waitFor();
    assert.equal(await subs.getByRole('button', { name: /^Unsubscribe/ }).count(), 1);
    const listed = (await (await asReader('/me/subscriptions', (await bearer())!)).json()) as { subscriptions: Array<{ kind: string }> };
    assert.deepEqual(listed.subscriptions.map((s) => s.kind), ['replies']);
  });

  test('changes the display name and opts in to Gravatar: on the profile, the sign-in line and the comments', async () => {
    // Gravatar is not reachable from here: answer for it, so the page asks nobody outside.
    await context.route('https://www.gravatar.com/**', (route) => route.fulfill({ status: 404, body: '' }));
    const profile = root().locator('section.profile');
    const picture = profile.locator('img.avatar');
    assert.match((await picture.getAttribute('src')) ?? '', new RegExp(`^${srv.url}/avatar/`), 'the identicon until the reader opts in');
    await profile.getByLabel('Display name').fill(`Renamed ${stamp}`);
    await profile.getByLabel(/My Gravatar/).check();
    assert.match((await picture.getAttribute('src')) ?? '', /\/avatar\//, 'choosing is not yet saving: Gravatar is asked nothing');
    await profile.getByRole('button', { name: 'Save' }).click();
    await profile.getByText('Your profile was saved.').waitFor();
    assert.match((await picture.getAttribute('src')) ?? '', /^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}/);
    await profile.getByRole('button', { name: 'Back to comments' }).click();
    await root().getByText(`Signed in as Renamed ${stamp}.`).waitFor();
    await until('focus back on "My profile"', () => page.evaluate(() => document.querySelector('#colloquy')?.shadowRoot?.activeElement?.textContent === 'My profile'));
    const mine = root().locator('article.comment', { hasText: `Profile hello ${stamp}` });
    await until('the comment to carry the new name', async () => (await mine.textContent())?.includes(`Renamed ${stamp}`));
    assert.match((await mine.locator('img.avatar').getAttribute('src')) ?? '', /^https:\/\/www\.gravatar\.com\/avatar\//);
    const me = (await (await asReader('/me/profile', (await bearer())!)).json()) as { name: string; avatar: { mode: string } };
    assert.deepEqual([me.name, me.avatar.mode], [`Renamed ${stamp}`, 'gravatar']);
  });

  test('downloads the reader’s data as JSON, subscriptions included', async () => {
    await root().getByRole('button', { name: 'My profile' }).click();
    const downloading = page.waitForEvent('download');
    await root().getByRole('button', { name: 'Download my data' }).click();
    const file = await (await downloading).path();
    const data = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(data.account.email, email);
    assert.equal(data.account.name, `Renamed ${stamp}`);
    assert.equal(data.comments.length, 2);
    assert.deepEqual(data.notifications.subscriptions.map((s: { kind: string }) => s.kind), ['replies']);
  });

  test('deletes the account only after asking; the reader is signed out and the token is dead', async () => {
    const token = (await bearer())!;
    const profile = root().locator('section.profile');
    await profile.getByRole('button', { name: 'Delete my account' }).click();
    await profile.getByText(/Delete your account\? This cannot be undone/).waitFor();
    await profile.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await asReader('/me/profile', token)).status, 200, 'cancelling deleted nothing');
    await profile.getByRole('button', { name: 'Delete my account' }).click();
    await profile.getByRole('button', { name: 'Yes, delete my account' }).click();
    await root().getByRole('button', { name: 'Sign in with e-mail' }).waitFor();
    assert.equal(await bearer(), undefined, 'the token is forgotten on the page');
    assert.equal((await asReader('/me/profile', token)).status, 401);
    const row = await srv.app.database.db.selectFrom('notify_recipients').select('id').where('email_lower', '=', email).executeTakeFirst();
    assert.equal(row, undefined, 'the address is forgotten by notifications too');
    await until('the comment to show as deleted user', async () => (await root().locator('article.comment', { hasText: `Profile hello ${stamp}` }).textContent())?.includes('deleted user'));
  });
});
