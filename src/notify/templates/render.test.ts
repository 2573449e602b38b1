// E-mail templates: reader text is escaped in HTML and never becomes markup; header values
// are one line whoever builds the message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerSafe, safeHeaders } from '../headers.ts';
import { commentEmail, digestEmail } from './render.ts';

const unsubscribe = { thisUrl: 'https://c.example/u?token=a.b.c', allUrl: 'https://c.example/u?token=a.all.c' };

test('names, titles, comment text and the site name are escaped in the HTML part', () => {
  const mail = commentEmail({
    site: 'Courier <script>alert(1)</script>',
    reason: 'reply',
    comment: { name: '<img src=x onerror=alert(1)>', body: 'Look: <b>bold</b> & "quoted"\n<a href="javascript:x">x</a>', title: 'A "title" <i>', link: 'https://news.example/a?b=1&c=2#c-1' },
    unsubscribe,
  });
  assert.doesNotMatch(mail.html, /<script|<img|<b>|<i>|javascript:x">/);
  assert.match(mail.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(mail.html, /&lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot;<br>/);
  assert.match(mail.html, /href="https:\/\/news\.example\/a\?b=1&amp;c=2#c-1"/);
  assert.match(mail.text, /> Look: <b>bold<\/b> & "quoted"/, 'the text part is plain text, as written');
  assert.equal(mail.subject, '<img src=x onerror=alert(1)> replied to your comment on Courier <script>alert(1)</script>');
});

test('every message carries List-Unsubscribe and the RFC 8058 one-click header', () => {
  const reply = commentEmail({ site: 'S', reason: 'thread', comment: { name: 'N', body: 'B', title: 'T', link: null }, unsubscribe });
  assert.equal(reply.headers['List-Unsubscribe'], `<${unsubscribe.thisUrl}>`);
  assert.equal(reply.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
  const digest = digestEmail({ site: 'S', day: '2026-01-01', items: [{ name: 'N', body: 'B', title: 'T', link: null }], unsubscribe });
  assert.equal(digest.headers['List-Unsubscribe'], `<${unsubscribe.allUrl}>`);
  assert.match(reply.text, /Stop these e-mails: https:\/\/c\.example\/u\?token=a\.b\.c/);
});

test('CR, LF and other breaks never survive into a header value', () => {
  assert.equal(headerSafe('Hello\r\nBcc: victim@example.com'), 'Hello Bcc: victim@example.com');
  assert.equal(headerSafe('A\u2028B\u0000C\u0085D\tE'), 'A B C D E');
  assert.deepEqual(safeHeaders({ 'X-Test': 'one\ntwo' }), { 'X-Test': 'one two' });
  assert.throws(() => safeHeaders({ 'Bad: Header': 'x' }), /not a header name/);
  assert.throws(() => safeHeaders({ 'X-A\r\nBcc': 'x' }), /not a header name/);
});
