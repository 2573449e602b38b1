import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PhaseContext, PhaseResult } from '../phase.ts';
import { resolveModerationSettings } from '../settings.ts';
import { normalizeDomain } from './domains.ts';
import { CORPUS } from '../eval/corpus/index.ts';
import { findLinks, linkify, linkMatches, linksPhase } from './links.ts';

const ctx = (links: unknown = {}): PhaseContext => ({ settings: resolveModerationSettings({ links }), siteId: 's' });
const run = (text: string, links: unknown = {}) => linksPhase.run({ text }, ctx(links)) as PhaseResult;
const rules = (text: string, links: unknown = {}) => {
  const result = run(text, links);
  return result.reasons.map((r) => `${r.rule} ${r.span ? text.slice(...r.span) : ''}`.trim());
};

describe('finding links', () => {
  test('URLs with a scheme and bare domains, with spans; not e-mail, not typos', () => {
    const text = 'See https://www.bbc.co.uk/news/1 and cheap-pills.shop, or example.org/x. Mail me@x.com. good point.No way; node.js e.g. BUY-NOW.COM';
    assert.deepEqual(findLinks(text).map((l) => [text.slice(...l.span), l.host]), [
      ['https://www.bbc.co.uk/news/1', 'www.bbc.co.uk'],
      ['cheap-pills.shop', 'cheap-pills.shop'],
      ['example.org/x', 'example.org'],
      ['BUY-NOW.COM', 'buy-now.com'],
    ]);
  });

  test('markdown links and autolinks are links', () => {
    assert.deepEqual(findLinks('[click here](https://t.co/abc) <http://a.example.com/>').map((l) => l.host), ['t.co', 'a.example.com']);
  });

  test('matching run by run finds what matching the whole text finds', () => {
    const fields = (m: { schema: string; index: number; lastIndex: number; raw: string; url: string }) => `${m.schema}|${m.index}|${m.lastIndex}|${m.raw}|${m.url}`;
    const same = (text: string) => assert.deepEqual(linkMatches(text).map(fields), (linkify.match(text) ?? []).map(fields), JSON.stringify(text));
    for (const sample of CORPUS) same(sample.text);
    // Pieces of links, and every kind of break around them: spaces (also no-break and
    // ideographic), controls, brackets, quotes, markdown, IP addresses, ports, paths.
    const pieces = ['http://', 'https://', '//', 'www.', 'example', '.com', '.co.uk', '.shop', '/path', '?q=1', '#x', ':8080', '10.0.0.1', 'mailto:', 'a@b.org',
      '(', ')', '[', ']', '<', '>', '"', "'", '.', '..', ',', ';', '!', '?', '-', '_', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\u2028', '\u0001', '\ufeff', '｜', 'ｅｘａｍｐｌｅ．ｃｏｍ', 'word', 'ü', '👏'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = 1 + Math.floor(next() * 24); n > 0; n--) text += pieces[Math.floor(next() * pieces.length)];
      same(text);
    }
  });
});

describe('links phase', () => {
  test('ordinary comments with a link or two pass', () => {
    assert.deepEqual(rules('Good piece; the ONS data is at https://www.ons.gov.uk/economy and it disagrees.'), []);
    assert.deepEqual(rules('I disagree with this article completely.'), []);
  });

  test('more links than the site allows are held', () => {
    const text = 'Sources: https://a.com/1 https://b.com/2 https://c.com/3 https://d.com/4 for all of this.';
    const result = run(text);
    assert.equal(result.decision, 'pending');
    assert.deepEqual(result.reasons.map((r) => [r.rule, r.score]), [['links.too-many', 4]]);
    assert.equal(run(text, { max: 5 }).decision, undefined);
    assert.equal(run('one link https://a.com is too many here', { max: 0, tooMany: 'spam' }).decision, 'spam');
  });

  test('deny list, with subdomains, in any spelling of the domain', () => {
    const deny = { deny: ['https://www.Spam-Site.COM/path', '*.casino.bet'] };
    assert.deepEqual(rules('Visit http://promo.spam-site.com/win and cards.casino.bet now friends', deny), [
      'links.denied http://promo.spam-site.com/win',
      'links.denied cards.casino.bet',
    ]);
    assert.equal(run('Visit http://promo.spam-site.com/win now friends', deny).decision, 'spam');
    assert.equal(run('Visit http://promo.spam-site.com/win now friends', { ...deny, denyAction: 'rejected' }).decision, 'rejected');
    assert.deepEqual(rules('Not-spam-site.com is fine by me friends', deny), []);
  });

  test('allow-list mode: unlisted domains are held, allowed ones pass and do not count', () => {
    const settings = { allow: ['example.org'], unlisted: 'pending', max: 1 };
    assert.deepEqual(rules('read https://news.example.org/a and https://example.org/b please', settings), []);
    assert.deepEqual(rules('read https://other.net/a please friends', settings), ['links.unlisted https://other.net/a']);
  });

  test('URL shorteners are held (or refused) and never fetched', () => {
    assert.deepEqual(rules('My blog post is at https://bit.ly/3xYz, have a look everyone'), ['links.shortener https://bit.ly/3xYz']);
    assert.equal(run('My blog post is at https://bit.ly/3xYz, have a look everyone', { shorteners: 'rejected' }).decision, 'rejected');
    assert.deepEqual(rules('My blog post is at https://go.my.link/x, have a look', { shortenerDomains: ['my.link'] }), ['links.shortener https://go.my.link/x']);
    assert.deepEqual(rules('My blog post is at https://bit.ly/3xYz, have a look everyone', { shorteners: 'allow' }), []);
  });

  test('a comment that is nothing but links is held', () => {
    assert.deepEqual(rules('https://cheap-watches.shop/deal'), ['links.link-only https://cheap-watches.shop/deal']);
    assert.deepEqual(rules('[buy now](https://cheap-watches.shop/deal)'), ['links.link-only [buy now](https://cheap-watches.shop/deal)']);
    assert.deepEqual(rules('Worth reading on this topic: https://example.org/a'), []);
  });

  test('disguised links are found on folded text and in the original', () => {
    for (const [text, hit] of [
      ['visit cheapwatches dot com for deals', 'cheapwatches dot com'],
      ['visit ch3apw4tches d0t c0m for deals', 'ch3apw4tches d0t c0m'],
      ['visit c h e a p dot c o m for deals', 'c h e a p dot c o m'],
      ['see example[.]com for more', 'example[.]com'],
      ['see example (dot) org for more', 'example (dot) org'],
      ['see example . com for more', 'example . com'],
      ['see example. com/deal for more', 'example. com'],
      ['Ｖｉｓｉｔ ｃｈｅａｐ．ｃｏｍ today', 'ｃｈｅａｐ．ｃｏｍ'],
    ]) {
      assert.deepEqual(rules(text), [`links.obfuscated ${hit}`], text);
    }
    assert.deepEqual(rules('go hxxps://bad-site.com/x now'), ['links.obfuscated hxxps://']);
    assert.equal(run('visit cheapwatches dot com for deals', { obfuscated: 'spam' }).decision, 'spam');
  });

  test('prose about dots is not a link', () => {
    for (const text of ['the dot com bubble burst in 2000', 'A polka dot com... no', 'Connect the dots, people.', 'He said so.It was fine.', 'Mr. Smith. Com-pletely wrong.', 'I slept all morning.Work was hard.']) {
      assert.deepEqual(rules(text), [], text);
    }
  });

  test('staff and disabled sites skip the phase', () => {
    assert.deepEqual(linksPhase.run({ text: 'https://bit.ly/x', author: { accountId: 'm', trusted: true } }, ctx()), { reasons: [] });
    assert.deepEqual(run('https://bit.ly/x', { enabled: false }), { reasons: [] });
  });
});

test('normalizeDomain', () => {
  assert.equal(normalizeDomain('https://WWW.Example.COM/path?q'), 'example.com');
  assert.equal(normalizeDomain('*.example.com'), 'example.com');
  assert.equal(normalizeDomain('bücher.de'), 'xn--bcher-kva.de');
  assert.equal(normalizeDomain('example.com.'), 'example.com');
  assert.equal(normalizeDomain('localhost'), null);
  assert.equal(normalizeDomain('not a domain'), null);
  assert.equal(normalizeDomain(''), null);
});
