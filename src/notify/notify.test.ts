// "Notify of" end to end: HTTP in, a real SMTP server out, every message parsed. Double
// opt-in, who is notified and how often, one-click unsubscribe, and links that must not work.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApi, newPage, type Api } from '../../test/helpers/api.ts';
import { drained, linkTo, listUnsubscribe, onServer, oneClick } from '../../test/helpers/mail.ts';
import { startServer, type TestServer } from '../../test/helpers/server.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';

const SITE_NAME = 'The Riverside Courier';
const JSON_ACCEPT = { accept: 'application/json' };
const BROWSER = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } };

describe('notify of new comments and replies', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let api: Api;
  let n = 0;
  const address = (label: string) => `${label}-${++n}@readers.example`;

  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({ SMTP_URL: sink.url, MAIL_FROM: 'News Desk <news@courier.example>', PUBLIC_URL: 'https://comments.courier.example' });
    api = createApi(server);
  });
  after(async () => {
    await server?.stop();
    await sink?.close();
  });

  const subscribe = (body: Record<string, unknown>) => api.request('POST', '/api/v1/subscriptions', { body: { site: 'demo', ...body } });

  /** Subscribes a guest and opens the confirmation link they are sent. */
  async function subscribed(email: string, page: string, kind: string, extra: Record<string, unknown> = {}) {
    const before = sink.to(email).length;
    const res = await subscribe({ page, email, kind, ...extra });
    assert.equal(res.status, 202, res.text);
    const [mail] = (await sink.waitFor(() => sink.to(email).length > before)).filter((m) => m.rcpt.includes(email)).slice(before);
    const confirmed = await fetch(onServer(server, linkTo(mail, '/subscriptions/confirm?')));
    assert.equal(confirmed.status, 200);
    return mail;
  }

  test('a guest confirms first (double opt-in), then hears of each new comment, with RFC 8058 headers', async () => {
    const page = newPage('opt-in');
    const reader = address('reader');
    assert.deepEqual((await subscribe({ page, email: reader, kind: 'thread' })).body, { status: 'confirmation_sent' });
    await sink.waitFor(() => sink.to(reader).length === 1);
    const [confirm] = sink.to(reader);
    assert.equal(confirm.subject, `Confirm e-mail notifications from ${SITE_NAME}`);
    assert.deepEqual(confirm.parsed.from?.value, [{ name: SITE_NAME, address: 'news@courier.example' }]);
    assert.equal(confirm.parsed.to && !Array.isArray(confirm.parsed.to) ? confirm.parsed.to.text : '', reader);
    assert.match(listUnsubscribe(confirm), /^https:\/\/comments\.courier\.example\/api\/v1\/subscriptions\/unsubscribe\?token=/);
    assert.equal(confirm.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(linkTo(confirm, '/confirm?'), /^https:\/\/comments\.courier\.example\/api\/v1\/subscriptions\/confirm\?token=[\w-]{43}$/);

    await api.comment({ page, name: 'Early', body: 'Before the reader confirmed', url: 'https://publisher.example/a' });
    await drained(server);
    assert.equal(sink.to(reader).length, 1, 'nothing is sent before the address is confirmed');

    const opened = await fetch(onServer(server, linkTo(confirm, '/confirm?')), BROWSER);
    assert.equal(opened.status, 200);
    assert.match(await opened.text(), /will e-mail you about new comments on/);

    const comment = await api.comment({ page, name: 'Writer', body: 'First line\nSecond *line*', email: address('writer') });
    const [notice] = (await sink.waitFor(() => sink.to(reader).length === 2)).filter((m) => m.rcpt.includes(reader)).slice(1);
    assert.equal(notice.subject, `New comment on “${page}” at ${SITE_NAME}`, 'a thread without a title is named by its page key');
    assert.match(notice.text, /Writer commented on/);
    assert.match(notice.text, /> First line\n> Second \*line\*/);
    assert.ok(notice.links.includes(`https://publisher.example/a#c-${comment.id}`), notice.text);
    assert.equal(notice.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.notEqual(listUnsubscribe(notice), listUnsubscribe(confirm), 'the header stops this subscription, not everything');
    assert.ok(notice.links.includes(listUnsubscribe(confirm)), 'the footer also offers to stop everything');
  });

  test('a reply notifies the author replied to, once, never the replier, never for their own replies', async () => {
    const page = newPage('replies');
    const alice = address('alice');
    const bob = address('bob');
    const first = await api.comment({ page, name: 'Alice', email: alice, body: 'Parks matter.' });
    await subscribed(alice, page, 'replies');
    const aliceMail = () => sink.to(alice).filter((m) => !m.subject.startsWith('Confirm'));

    const reply = await api.reply(first, { page, name: 'Bob', email: bob, body: 'They do.' });
    await drained(server);
    assert.deepEqual(aliceMail().map((m) => m.subject), [`Bob replied to your comment on ${SITE_NAME}`]);

    await api.reply(reply, { page, name: 'Alice', email: alice, body: 'Thanks, Bob.' });
    await api.reply(first, { page, name: 'Alice again', email: alice.toUpperCase(), body: 'Adding to my own point.' });
    await drained(server);
    assert.equal(aliceMail().length, 1, 'no e-mail about her own replies');
    assert.equal(sink.to(bob).length, 0, 'Bob never subscribed');

    // Subscribed to the thread as well: a reply to her is still one e-mail, the more specific one.
    await subscribed(alice, page, 'thread');
    await api.reply(first, { page, name: 'Carol', body: 'Agreed.' });
    await drained(server);
    assert.deepEqual(aliceMail().map((m) => m.subject).slice(1), [`Carol replied to your comment on ${SITE_NAME}`]);
  });

  test('notify on a comment subscribes its author (still double opt-in) and needs an e-mail', async () => {
    const page = newPage('notify-field');
    const missing = await api.request('POST', '/api/v1/comments', { body: { site: 'demo', page, author: { name: 'No Mail' }, body: 'Hi', notify: 'both' } });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, 'author.email');
    assert.equal((await api.list(page)).body.comments.length, 0, 'the refused comment was not stored');

    const dana = address('dana');
    const posted = await api.request('POST', '/api/v1/comments', { body: { site: 'demo', page, author: { name: 'Dana', email: dana }, body: 'Hi', notify: 'both' } });
    assert.equal(posted.status, 201);
    const [confirm] = await sink.waitFor(() => sink.to(dana).length === 1).then(() => sink.to(dana));
    assert.match(confirm.text, /new comments on/);
    assert.match(confirm.text, /replies to your comments/);
    await fetch(onServer(server, linkTo(confirm, '/confirm?')));
    await api.reply(posted.body.comment, { page, name: 'Eve', body: 'Hello Dana' });
    await drained(server);
    assert.deepEqual(sink.to(dana).slice(1).map((m) => m.subject), [`Eve replied to your comment on ${SITE_NAME}`]);
  });

  test('unsubscribe: the link shows a page that asks; one-click POST stops it; the global link stops everything', async () => {
    const page = newPage('unsubscribe');
    const frank = address('frank');
    const mine = await api.comment({ page, name: 'Frank', email: frank, body: 'Mine' });
    await subscribed(frank, page, 'thread');
    await subscribed(frank, page, 'replies');
    await api.comment({ page, name: 'Gina', body: 'Top-level' });
    await sink.waitFor(() => sink.to(frank).length === 3);
    const notice = sink.to(frank)[2];

    const threadLink = listUnsubscribe(notice);
    const asked = await fetch(onServer(server, threadLink), BROWSER);
    assert.equal(asked.status, 200);
    assert.match(await asked.text(), /<form method="post">[\s\S]*Unsubscribe/);
    const done = await oneClick(server, threadLink, BROWSER.headers);
    assert.equal(done.status, 200);
    assert.match(await done.text(), /will not e-mail you about new comments on/);
    assert.equal((await oneClick(server, threadLink)).status, 200, 'a second click is harmless');

    await api.comment({ page, name: 'Gina', body: 'Another top-level' });
    await api.reply(mine, { page, name: 'Gina', body: 'A reply to Frank' });
    await drained(server);
    assert.deepEqual(sink.to(frank).slice(3).map((m) => m.subject), [`Gina replied to your comment on ${SITE_NAME}`], 'replies still come, thread comments no longer');

    const everything = linkTo(sink.to(frank)[3], 'token=') && sink.to(frank)[3].links.find((l) => l.includes('.all.'))!;
    const stopped = await oneClick(server, everything, JSON_ACCEPT);
    assert.deepEqual(await stopped.json(), { status: 'unsubscribed', all: true });
    await api.reply(mine, { page, name: 'Gina', body: 'Another reply to Frank' });
    await drained(server);
    assert.equal(sink.to(frank).length, 4, 'nothing after the global unsubscribe');
  });

  test('forged, altered, someone else’s and expired links get a clear 4xx and change nothing', async () => {
    const page = newPage('bad-links');
    const holly = address('holly');
    const ivan = address('ivan');
    await subscribed(holly, page, 'thread');
    await subscribed(ivan, page, 'thread');
    await api.comment({ page, name: 'Jo', body: 'Hello' });
    await sink.waitFor(() => sink.to(holly).length === 2 && sink.to(ivan).length === 2);
    const hollyLink = new URL(listUnsubscribe(sink.to(holly)[1]));
    const ivanToken = new URL(listUnsubscribe(sink.to(ivan)[1])).searchParams.get('token')!;
    const [recipient, scope, mac] = hollyLink.searchParams.get('token')!.split('.');
    const [ivanRecipient] = ivanToken.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);

    const bad = {
      'altered signature': `${recipient}.${scope}.${flip(mac)}`,
      "someone else's recipient": `${ivanRecipient}.${scope}.${mac}`,
      'widened to everything': `${recipient}.all.${mac}`,
      'not a token': 'hello',
      'too many parts': `${recipient}.${scope}.${mac}.x`,
    };
    for (const [label, token] of Object.entries(bad)) {
      const url = `${server.url}/api/v1/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
      const page = await fetch(url, BROWSER);
      assert.equal(page.status, 400, label);
      assert.match(await page.text(), /This link does not work/, label);
      const post = await oneClick(server, url, JSON_ACCEPT);
      assert.equal(post.status, 400, label);
      assert.deepEqual(await post.json(), { error: { code: 'invalid_link', message: 'This link is not valid; it may have been changed or cut short', field: 'token' } }, label);
    }
    const empty = await oneClick(server, `${server.url}/api/v1/subscriptions/unsubscribe?token=`, JSON_ACCEPT);
    assert.equal(empty.status, 400);

    const forgedConfirm = await fetch(`${server.url}/api/v1/subscriptions/confirm?token=${'A'.repeat(43)}`, { headers: JSON_ACCEPT });
    assert.equal(forgedConfirm.status, 400);
    assert.equal((await forgedConfirm.json()).error.code, 'invalid_link');

    await api.comment({ page, name: 'Jo', body: 'Still subscribed?' });
    await drained(server);
    assert.equal(sink.to(holly).length, 3, 'Holly is still subscribed');
    assert.equal(sink.to(ivan).length, 3, 'Ivan is still subscribed');

    // A confirmation link past its 48 hours.
    const kim = address('kim');
    assert.equal((await subscribe({ page, email: kim, kind: 'thread' })).status, 202);
    await sink.waitFor(() => sink.to(kim).length === 1);
    await server.app.database.db.updateTable('subscriptions').set({ confirm_expires_at: Date.now() - 1 }).where('confirmed_at', 'is', null).execute();
    const expired = await fetch(onServer(server, linkTo(sink.to(kim)[0], '/confirm?')), { headers: JSON_ACCEPT });
    assert.equal(expired.status, 410);
    assert.equal((await expired.json()).error.code, 'link_expired');
    await api.comment({ page, name: 'Jo', body: 'Kim never confirmed' });
    await drained(server);
    assert.equal(sink.to(kim).length, 1, 'an expired confirmation subscribes nobody');
  });

  test('bad subscription requests get a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ page: 'p', kind: 'thread' }, 'email'],
      [{ page: 'p', kind: 'thread', email: 'not an address' }, 'email'],
      [{ page: 'p', kind: 'thread', email: 'a@b.example\r\nBcc: c@d.example' }, 'email'],
      [{ page: 'p', kind: 'thread', email: 'a@b.example, c@d.example' }, 'email'],
      [{ page: 'p', kind: 'everything', email: 'a@b.example' }, 'kind'],
      [{ page: 'p', kind: 'thread', email: 'a@b.example', mode: 'hourly' }, 'mode'],
    ];
    for (const [body, field] of cases) {
      const res = await subscribe(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.field, field, JSON.stringify(body));
    }
    assert.equal((await api.request('POST', '/api/v1/subscriptions', { body: { site: 'nope', page: 'p', kind: 'thread', email: 'a@b.example' } })).status, 404);
  });

  test('names and titles cannot inject mail headers', async () => {
    const sites = createSiteService(createSiteStore(server.app.database.db));
    await sites.ensure('evil', 'Evil News\r\nBcc: victim@elsewhere.example', ['*']);
    const page = newPage('injection');
    const lee = address('lee');
    const res = await api.request('POST', '/api/v1/subscriptions', { body: { site: 'evil', page, email: lee, kind: 'thread' } });
    assert.equal(res.status, 202);
    const [mail] = await sink.waitFor(() => sink.to(lee).length === 1).then(() => sink.to(lee));
    assert.deepEqual(mail.rcpt, [lee], 'no other recipient');
    assert.equal(mail.header('Bcc'), undefined);
    assert.equal(mail.subject, 'Confirm e-mail notifications from Evil News Bcc: victim@elsewhere.example');
    assert.equal(mail.parsed.from?.value[0].name, 'Evil News Bcc: victim@elsewhere.example');
    assert.ok(!sink.messages.some((m) => m.rcpt.includes('victim@elsewhere.example')));
  });
});
