// Stored XSS: every vector of the corpus is posted as a comment body, an author name (also
// shown as "↪ @name" on replies past the deepest level), a thread title and a thread URL, then
// read back from every place that renders it: the JSON `html` the widget inserts, the no-JS
// page at /embed/thread and the demo article at /. Pages are parsed as a browser parses them
// (parse5) and held to html-safety.ts: the allowlist, no handlers, no unsafe URL schemes,
// rel="nofollow ugc noopener" on every comment link, and text that reads back as sent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PAGE } from '../../src/demo/page.ts';
import { staffClient } from '../helpers/admin.ts';
import { createApi, flatten, type Api, type Comment } from '../helpers/api.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { fragmentProblems, pageProblems } from './html-safety.ts';
import { XSS_CORPUS, type XssVector } from './xss-corpus.ts';

const MAX_DEPTH = 5; // the demo site's default: a reply to the deepest level names whom it answers

/** The first `n` characters (code points), as the API counts them. */
const first = (text: string, n: number) => [...text].slice(0, n).join('');

describe('XSS corpus renders inert', () => {
  let server: TestServer;
  let api: Api;

  before(async () => {
    // Flood limits off: each vector posts a small thread of its own from one address.
    server = await startServer({ RATE_LIMITS: 'false' });
    api = createApi(server);
    // This suite is about rendering, not moderation: the demo site lets every vector through
    // (the same payload posted at every depth would otherwise be held as a duplicate).
    const { client } = await staffClient(server, 'global');
    const relaxed = await client.request('PUT', '/api/v1/admin/sites/demo/settings', {
      version: 0,
      settings: { moderation: { duplicates: { enabled: false }, scorer: { enabled: false }, links: { enabled: false }, bots: { honeypot: false, altcha: false } } },
    });
    assert.equal(relaxed.status, 200, relaxed.text);
  });

  after(async () => {
    await server?.stop();
  });

  test('the corpus has at least 60 vectors, each named once', () => {
    assert.ok(XSS_CORPUS.length >= 60, `only ${XSS_CORPUS.length} vectors`);
    assert.equal(new Set(XSS_CORPUS.map((vector) => vector.name)).size, XSS_CORPUS.length);
  });

  test('the checker itself flags unsafe markup (so a pass means something)', () => {
    const rel = 'rel="nofollow ugc noopener"';
    const unsafe = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<p onclick="alert(1)">x</p>',
      '<p style="color:red">x</p>',
      `<a href="javascript:alert(1)" ${rel}>x</a>`,
      `<a href=" JaVaScRiPt:alert(1)" ${rel}>x</a>`,
      `<a href="jav&#x09;ascript:alert(1)" ${rel}>x</a>`,
      `<a href="&#14;javascript:alert(1)" ${rel}>x</a>`,
      `<a href="data:text/html,x" ${rel}>x</a>`,
      `<a href="vbscript:x" ${rel}>x</a>`,
      '<a href="https://ok.example">no rel</a>',
      '<a href="https://ok.example" rel="nofollow ugc">missing noopener</a>',
      '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
      '<math><mi>x</mi></math>',
      '<iframe src="https://ok.example"></iframe>',
      '<code class="language-js">x</code>',
      '<template><img src=x onerror=alert(1)></template>',
    ];
    for (const html of unsafe) assert.notDeepEqual(fragmentProblems(html), [], `not flagged: ${html}`);
    assert.deepEqual(fragmentProblems(`<p>ok <a href="https://ok.example" ${rel} target="_blank">x</a> <a href="mailto:a@b.example" ${rel}>m</a></p><ol start="3"><li><code>x</code></li></ol>`), []);

    const page = (inBody: string, inHead = '') => `<!doctype html><html><head><meta charset="utf-8"><title>t</title>${inHead}</head><body><ul><li id="c-X" class="comment"><article><header><strong class="author">A</strong></header>${inBody}<footer>0</footer></article></li></ul></body></html>`;
    assert.deepEqual(pageProblems(page('<p>fine</p>')).problems, []);
    for (const [body, head] of [['<p><img src=x></p>', ''], ['<div>x</div>', ''], ['<p>x</p>', '<meta http-equiv="refresh" content="0;url=https://evil.example">'], ['<p>x</p>', '<script>alert(1)</script>'], ['<p>x</p>', '<base href="https://evil.example/">']]) {
      assert.notDeepEqual(pageProblems(page(body, head)).problems, [], `not flagged: ${head}${body}`);
    }
    assert.equal(pageProblems(page('<p>x</p>').replace('<strong class="author">A</strong>', '<strong class="author">A<img src=x></strong>')).problems.length > 0, true);
    // The reader-support region: its own markup passes, anything beyond its shape does not.
    const support = (inner: string) => page('<p>x</p>').replace('<body>', `<body><div data-colloquy-support><style>.b{}</style>${inner}</div>`);
    assert.deepEqual(pageProblems(support('<div class="cq-fill" style="width:17.9%"></div><form action="/support/checkout"><input name="a"></form><a href="https://ko-fi.com/x" rel="noopener noreferrer">k</a>')).problems, []);
    for (const inner of ['<div style="background:url(https://evil.example)"></div>', '<form action="https://evil.example/"></form>', '<a href="https://evil.example/">x</a>', '<img src=x>', '<style>a{}</style>', '<script>alert(1)</script>']) {
      assert.notDeepEqual(pageProblems(support(inner)).problems, [], `not flagged in the support block: ${inner}`);
    }
  });

  test('every vector is inert in the JSON html, /embed/thread and the demo page', async (t) => {
    const failures: string[] = [];
    for (const [index, vector] of XSS_CORPUS.entries()) {
      const problems = await checkVector(index, vector);
      if (problems.length) failures.push(`✗ #${index} ${vector.name}: ${JSON.stringify(vector.payload)}\n    ${problems.slice(0, 8).join('\n    ')}`);
    }
    t.diagnostic(`${XSS_CORPUS.length} vectors × (body, author name, reply-to name, title, URL) × (JSON, /embed/thread, /)`);
    assert.equal(failures.length, 0, `${failures.length} of ${XSS_CORPUS.length} vectors rendered unsafely:\n\n${failures.slice(0, 20).join('\n\n')}`);
  });

  async function checkVector(index: number, vector: XssVector): Promise<string[]> {
    const problems: string[] = [];
    const report = (where: string, list: string[]) => problems.push(...list.map((p) => `${where}: ${p}`));
    const expect = (where: string, actual: unknown, wanted: unknown) => {
      if (actual !== wanted) problems.push(`${where}: shows ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    };

    // One thread per vector: the payload is also in its page key, title and URL.
    const page = first(`xss-${index}-${vector.payload}`, 400);
    const name = first(vector.payload, 80);
    const posted: Comment[] = [];
    const post = async (input: Parameters<Api['comment']>[0]) => {
      const comment = await api.comment({ ...input, page: input.page ?? page });
      report(`POST response html of "${input.name}"`, fragmentProblems(comment.html));
      posted.push(comment);
      return comment;
    };
    await post({ page, body: vector.payload, name: 'Body vector', title: first(vector.payload, 300), url: `https://publisher.example/article?q=${vector.payload.replace(/\s+/g, '')}` });
    // A chain down to the deepest level, whose author is the payload; the reply to it is placed
    // beside it and carries "↪ @payload".
    let parent = await post({ page, body: 'Name vector', name });
    for (let depth = 1; depth < MAX_DEPTH; depth++) parent = await post({ page, parentId: parent.id, body: vector.payload, name: depth === MAX_DEPTH - 1 ? name : `Reply ${depth}` });
    const deepest = parent;
    const answer = await post({ page, parentId: deepest.id, body: 'Answer to the deepest', name: 'Answerer' });
    if (answer.replyTo?.name !== deepest.author.name) problems.push(`the reply does not name whom it answers: ${JSON.stringify(answer.replyTo)}`);
    const demo = await post({ page: DEMO_PAGE, body: vector.payload, name });

    // The JSON read.
    const list = await api.list(page);
    if (list.status !== 200) return [...problems, `GET comments → ${list.status}`];
    const listed = flatten(list.body.comments);
    expect('JSON comment count', listed.length, posted.length - 1);
    for (const comment of listed) report(`JSON html of ${comment.id}`, fragmentProblems(comment.html));
    const names = new Map(listed.map((c) => [c.id, c.author.name]));

    // The no-JS page.
    const embed = await api.embed(page);
    if (embed.status !== 200) return [...problems, `GET /embed/thread → ${embed.status}`];
    const rendered = pageProblems(embed.body);
    report('/embed/thread', rendered.problems);
    expect('/embed/thread comment count', rendered.comments.length, listed.length);
    for (const comment of rendered.comments) {
      expect(`/embed/thread author of ${comment.id}`, comment.author, names.get(comment.id));
      if (comment.id === answer.id) expect('/embed/thread reply-to', comment.replyTo, `↪ @${deepest.author.name}`);
    }
    expect('/embed/thread <title>', rendered.title, list.body.thread.title);
    expect('/embed/thread canonical link', rendered.canonical, list.body.thread.url);

    // The demo article.
    const home = await api.request<string>('GET', '/');
    if (home.status !== 200) return [...problems, `GET / → ${home.status}`];
    const article = pageProblems(home.body);
    report('demo page', article.problems);
    const shown = article.comments.find((c) => c.id === demo.id);
    if (!shown) problems.push('demo page: the comment is missing');
    else expect('demo page author', shown.author, demo.author.name);
    // Leave the demo article as it was, so a later vector is not blamed for this one.
    const removed = await api.remove(demo.id, demo.editToken);
    if (removed.status !== 200) problems.push(`could not delete the demo comment: ${removed.status}`);
    return problems;
  }
});
