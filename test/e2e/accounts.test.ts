// Signing in inside the widget, in a real browser, on a publisher page of another origin: by
// the publisher's SSO token (data-sso) and by an e-mailed link's #colloquy-token. The token is
// kept in the publisher page's own storage; no cookie of ours is set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium, openPage, serveArticle } from '../helpers/browser.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { signHs, SSO_SECRET } from '../../src/identity/test-kit.ts';
import { issueToken } from '../../src/identity/tokens.ts';

const PUBLISHER = 'https://publisher.example';

describe('accounts in the widget', () => {
  let srv: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const stamp = Date.now().toString(36);

  /** Serves a publisher article that embeds our widget, with `extra` attributes on the script tag. */
  const article = (path: string, extra = '') => serveArticle(context, { origin: PUBLISHER, path, serverUrl: srv.url, extra });

  const root = () => page.locator('#colloquy .root');

  before(async () => {
    srv = await startServer({ SSO_SECRET, DEMO_ALTCHA: 'true' });
    browser = await launchChromium();
    context = await browser.newContext();
    // Our server is on loopback, which Chromium guards from public pages (Local Network Access).
    await context.grantPermissions(['local-network-access'], { origin: PUBLISHER });
    page = await openPage(context);
  });

  after(async () => {
    await browser?.close();
    await srv?.stop();
  });

  test('the publisher’s SSO token signs the reader in; comments carry their name and identicon', async () => {
    const token = await signHs({ sub: `e2e-${stamp}`, name: 'Ada Browser', email: 'ada@publisher.example', aud: 'demo' });
    await article('/articles/sso', `data-sso="${token}"`);
    await page.goto(`${PUBLISHER}/articles/sso`);
    await root().getByText('Signed in as Ada Browser.').waitFor();
    const form = root().locator(':scope > form.composer');
    assert.equal(await form.getByLabel('Name').count(), 0, 'no name field when signed in');
    await form.getByLabel('Your comment').fill(`Signed-in hello ${stamp}`);
    await form.getByRole('button', { name: 'Post comment' }).click();
    const comment = root().locator('article.comment', { hasText: `Signed-in hello ${stamp}` });
    await comment.waitFor();
    assert.ok((await comment.textContent())?.includes('Ada Browser'));
    const avatar = comment.locator('img.avatar');
    assert.ok((await avatar.getAttribute('src'))?.startsWith(`${srv.url}/avatar/`), 'identicon served by the comment server');
    await page.waitForFunction(() => {
      const img = document.querySelector('#colloquy')?.shadowRoot?.querySelector('img.avatar') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const kept = await page.evaluate(() => localStorage.getItem('colloquy:auth:demo'));
    assert.match(kept ?? '', /"token":"[0-9A-Z]{16}\./, 'bearer token kept in the publisher page storage');
    assert.deepEqual((await context.cookies()).filter((c) => c.domain.includes('127.0.0.1')), [], 'no cookie of ours');
  });

  test('signing out forgets and revokes the token; a page without SSO then shows the sign-in link', async () => {
    const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('colloquy:auth:demo'))) ?? 'null') as { token: string };
    await root().getByRole('button', { name: 'Sign out' }).click();
    await root().getByRole('button', { name: 'Sign in with e-mail' }).waitFor();
    const res = await fetch(`${srv.url}/api/v1/me/profile`, { headers: { authorization: `Bearer ${kept.token}` } });
    assert.equal(res.status, 401, 'revoked on the server');
    await article('/articles/plain');
    await page.goto(`${PUBLISHER}/articles/plain`);
    await root().getByRole('button', { name: 'Sign in with e-mail' }).waitFor();
    assert.equal(await root().locator(':scope > form.composer').getByLabel('Name').count(), 1);
  });

  test('an e-mailed link’s token in the address signs the reader in once and leaves the address', async () => {
    const at = Date.now();
    const { id, token, hash } = issueToken(at);
    await srv.app.database.db
      .insertInto('magic_links')
      .values({ id, site_id: 'demo', email: 'linked@readers.example', email_lower: 'linked@readers.example', name: 'Linked Reader', token_hash: hash, created_at: at, expires_at: at + 600_000, used_at: null })
      .execute();
    await article('/articles/linked');
    await page.goto(`${PUBLISHER}/articles/linked#colloquy-token=${token}`);
    await root().getByText('Signed in as Linked Reader.').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    const again = await fetch(`${srv.url}/api/v1/auth/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    assert.equal(again.status, 410, 'the link worked once');
  });
});
