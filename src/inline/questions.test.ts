// Editor questions placed through the console, through the admin API, on SQLite and PostgreSQL:
// placed, listed with their answer counts, served to the widget with the page's passages,
// changed and removed, audited; bad input refused naming the field, storing nothing. And the
// server-side read of the article the console previews, with its guard against request forgery
// and its limit per staff member.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newPage, newVisitor } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { startServer } from '../../test/helpers/server.ts';
import { useServer } from '../../test/helpers/suite.ts';

const SITE = 'editorial';
const ARTICLE = '<!doctype html><title>Park</title><article><p>The council approved the plan.</p><p>Who pays for upkeep is open.</p></article><script>window.ran = true</script>';

/** The publisher's site: an article, a redirect off the site, a PDF, and a redirect loop. */
async function publisher(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    if (req.url === '/articles/park') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (req.url === '/moved') return void res.writeHead(301, { location: '/articles/park' }).end();
    if (req.url === '/away') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/report.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const anchor = { quote: { exact: 'Who pays for upkeep', prefix: 'approved the plan. ', suffix: ' is open.' }, position: { start: 31, end: 50 }, textHash: '00aa11bb22cc33' };

for (const engine of ENGINES) {
  describe(`inline questions through the console (${engine.name})`, () => {
    const h = useServer(engine, { INLINE_FETCH_PRIVATE: 'true' });
    let site: { server: Server; origin: string };
    let editor: AdminClient;
    let url: string;

    before(async () => {
      site = await publisher();
      url = `${site.origin}/articles/park`;
      await h.addSite(SITE, [site.origin]);
      ({ client: editor } = await staffClient(h.server, [{ site: SITE, role: 'admin' }], 'editor'));
    });
    after(() => new Promise((resolve) => site.server.close(resolve)));

    const passages = async (page: string) => (await h.api.request('GET', `/api/v1/passages?${h.api.query({ site: SITE, page })}`)).body;

    it('places a question that the widget gets with the page, counts its answers, changes and removes it', async () => {
      const page = newPage('questions');
      const placed = await editor.request('POST', '/api/v1/admin/inline/questions', { site: SITE, page, url, question: '  Who  should pay? ', anchor });
      assert.equal(placed.status, 201, placed.text);
      const q = placed.body.question;
      assert.equal(q.question, 'Who should pay?', 'cleaned like any text');
      assert.match(q.feedbackId, /^cq-[0-9A-Z]{16}$/);
      assert.equal(q.key, `f:${q.feedbackId}`);
      assert.deepEqual(q.anchor, { key: q.key, ...anchor, feedbackId: q.feedbackId });
      assert.equal(q.answers, 0);

      const served = await passages(page);
      assert.deepEqual(served.questions, [{ key: q.key, feedbackId: q.feedbackId, question: 'Who should pay?', anchor: q.anchor }]);
      assert.deepEqual(served.passages, []);

      // A reader answers through the widget: a comment anchored with the question's feedbackId, and a reply to it.
      const answer = await h.api.request('POST', '/api/v1/comments', { body: { site: SITE, page, author: { name: 'Reader' }, body: 'The parks budget.', anchor: { ...anchor, feedbackId: q.feedbackId } }, headers: { 'x-colloquy-visitor': newVisitor() } });
      assert.equal(answer.status, 201, answer.text);
      await h.api.reply(answer.body.comment, { page, site: SITE, body: 'Agreed.' });
      assert.deepEqual((await passages(page)).passages.map((p: { key: string; count: number }) => [p.key, p.count]), [[q.key, 2]]);
      const listed = await editor.request('GET', `/api/v1/admin/inline/questions?site=${SITE}&page=${page}`);
      assert.deepEqual(listed.body.questions.map((x: { id: string; answers: number }) => [x.id, x.answers]), [[q.id, 2]]);

      const edited = await editor.request('PATCH', `/api/v1/admin/inline/questions/${q.id}`, { question: 'Who should pay for upkeep?' });
      assert.equal(edited.status, 200, edited.text);
      assert.equal(edited.body.question.question, 'Who should pay for upkeep?');
      assert.equal(edited.body.question.feedbackId, q.feedbackId, 'answers keep their question');
      assert.equal((await passages(page)).questions[0].question, 'Who should pay for upkeep?', 'readers see the change at once');

      const removed = await editor.request('DELETE', `/api/v1/admin/inline/questions/${q.id}`);
      assert.equal(removed.status, 200, removed.text);
      assert.deepEqual((await passages(page)).questions, []);
      assert.equal((await editor.request('DELETE', `/api/v1/admin/inline/questions/${q.id}`)).status, 404);

      const audit = await editor.request('GET', `/api/v1/admin/audit?site=${SITE}&target=${q.id}`);
      assert.equal(audit.status, 200, audit.text);
      assert.deepEqual(audit.body.entries.map((e: { action: string }) => e.action).sort(), ['inline.question.create', 'inline.question.delete', 'inline.question.update']);
    });

    it('pages the list of a site\u2019s questions with a cursor', async () => {
      const page = newPage('many-questions');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await editor.request('POST', '/api/v1/admin/inline/questions', { site: SITE, page, url, question: `Question ${i}?`, anchor })).body.question.id);
      const first = await editor.request('GET', `/api/v1/admin/inline/questions?site=${SITE}&page=${page}&limit=3`);
      const second = await editor.request('GET', `/api/v1/admin/inline/questions?site=${SITE}&page=${page}&limit=3&cursor=${first.body.nextCursor}`);
      assert.deepEqual([...first.body.questions, ...second.body.questions].map((q: { id: string }) => q.id), ids.reverse());
      assert.equal(second.body.nextCursor, null);
    });

    it('refuses bad questions with a 400 naming the field, storing nothing', async () => {
      const page = newPage('bad-questions');
      const good = { site: SITE, page, url, question: 'Fair?', anchor };
      const cases: Array<[string, unknown, number, string]> = [
        ['a url on another origin', { ...good, url: 'https://elsewhere.example/a' }, 400, 'url'],
        ['a url that is not http', { ...good, url: 'javascript:alert(1)' }, 400, 'url'],
        ['a blank question', { ...good, question: ' \u200b ' }, 400, 'question'],
        ['a question too long', { ...good, question: 'q'.repeat(301) }, 400, 'question'],
        ['end before start', { ...good, anchor: { ...anchor, position: { start: 50, end: 31 } } }, 400, 'anchor.position.end'],
        ['an empty quote', { ...good, anchor: { ...anchor, quote: { ...anchor.quote, exact: '\u200b' } } }, 400, 'anchor.quote.exact'],
        ['a textHash with markup', { ...good, anchor: { ...anchor, textHash: '<b>' } }, 400, 'anchor.textHash'],
        ['no anchor', { ...good, anchor: undefined }, 400, 'anchor'],
        ['an unknown site', { ...good, site: 'nowhere' }, 403, ''],
      ];
      for (const [name, body, status, field] of cases) {
        const res = await editor.request('POST', '/api/v1/admin/inline/questions', body);
        assert.equal(res.status, status, `${name}: ${res.text}`);
        if (field) assert.equal(res.body.error.field, field, name);
      }
      const q = (await editor.request('POST', '/api/v1/admin/inline/questions', good)).body.question;
      for (const [body, field] of [[{}, ''], [{ question: '' }, 'question'], [{ url: 'https://elsewhere.example/' }, 'url']] as const) {
        const res = await editor.request('PATCH', `/api/v1/admin/inline/questions/${q.id}`, body);
        assert.equal(res.status, 400, res.text);
        if (field) assert.equal(res.body.error.field, field);
      }
      const list = await editor.request('GET', `/api/v1/admin/inline/questions?site=${SITE}&page=${page}`);
      assert.deepEqual(list.body.questions.map((x: { question: string; url: string }) => [x.question, x.url]), [['Fair?', url]], 'only the good one, unchanged');
    });

    it('reads an article of the site for the preview, and nothing else', async () => {
      const read = (target: string) => editor.request('GET', `/api/v1/admin/inline/article?${h.api.query({ site: SITE, url: target })}`);
      const ok = await read(url);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.html, ARTICLE, 'the HTML as a JSON string, to be parsed inertly by the console');
      assert.equal((await read(`${site.origin}/moved`)).body.url, url, 'a redirect on the site is followed');
      const refusals: Array<[string, number, string]> = [
        ['https://elsewhere.example/article', 400, 'origin_not_allowed'],
        [`${site.origin}/away`, 400, 'origin_not_allowed'],
        [`${site.origin}/loop`, 422, 'article_unavailable'],
        [`${site.origin}/report.pdf`, 422, 'article_unavailable'],
        [`${site.origin}/missing`, 422, 'article_unavailable'],
        ['file:///etc/passwd', 400, 'invalid_url'],
        [`http://user:secret@${new URL(site.origin).host}/articles/park`, 400, 'invalid_url'],
      ];
      for (const [target, status, code] of refusals) {
        const res = await read(target);
        assert.equal(res.status, status, `${target}: ${res.text}`);
        assert.equal(res.body.error.code, code, target);
        assert.equal(res.body.error.field, 'url');
      }
    });
  });
}

describe('the article read refuses private addresses unless the operator allows them', () => {
  let site: { server: Server; origin: string };
  let server: Awaited<ReturnType<typeof startServer>>;
  let editor: AdminClient;
  before(async () => {
    site = await publisher();
    server = await startServer({ DEMO_ORIGINS: `${site.origin},http://localhost:${new URL(site.origin).port},http://169.254.169.254,http://[::ffff:7f00:1]:${new URL(site.origin).port}` });
    ({ client: editor } = await staffClient(server, 'global', 'guarded'));
  });
  after(async () => {
    await server?.stop();
    await new Promise((resolve) => site.server.close(resolve));
  });

  it('answers 400 address_not_allowed for loopback, link-local (cloud metadata) and mapped addresses, by literal or by name', async () => {
    const port = new URL(site.origin).port;
    for (const target of [`${site.origin}/articles/park`, `http://localhost:${port}/articles/park`, 'http://169.254.169.254/latest/meta-data/', `http://[::ffff:7f00:1]:${port}/articles/park`]) {
      const res = await editor.request('GET', `/api/v1/admin/inline/article?site=demo&url=${encodeURIComponent(target)}`);
      assert.equal(res.status, 400, `${target}: ${res.text}`);
      assert.equal(res.body.error.code, 'address_not_allowed', target);
    }
  });
});

describe('the article read is limited per staff member, even where flood limits are off', () => {
  let site: { server: Server; origin: string };
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    site = await publisher();
    server = await startServer({ INLINE_FETCH_PRIVATE: 'true', DEMO_ORIGINS: site.origin });
  });
  after(async () => {
    await server?.stop();
    await new Promise((resolve) => site.server.close(resolve));
  });

  it('answers the 21st read within a minute 429 with Retry-After; another staff member still reads', async () => {
    const { client: busy } = await staffClient(server, [{ site: 'demo', role: 'admin' }], 'busy');
    const { client: other } = await staffClient(server, [{ site: 'demo', role: 'admin' }], 'other');
    const read = (client: AdminClient) => client.request('GET', `/api/v1/admin/inline/article?site=demo&url=${encodeURIComponent(`${site.origin}/articles/park`)}`);
    for (let n = 1; n <= 20; n++) {
      const res = await read(busy);
      assert.equal(res.status, 200, `read ${n}: ${res.text}`);
    }
    const limited = await read(busy);
    assert.equal(limited.status, 429, limited.text);
    assert.equal(limited.body.error.code, 'rate_limited');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${limited.headers.get('retry-after')}`);
    const fine = await read(other);
    assert.equal(fine.status, 200, fine.text);
  });
});
