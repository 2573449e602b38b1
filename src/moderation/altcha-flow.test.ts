// ALTCHA wired end to end, on SQLite and PostgreSQL: the demo site with DEMO_ALTCHA on asks
// guests for a solved challenge (GET /api/v1/altcha/challenge, solved here with the widget's
// own solver). A guest without one, with a replayed one or with the honeypot filled is stored
// as spam but answered "pending", and never appears publicly; a solved one is published.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ALLOWED_ORIGIN, flatten, newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { useServer, type Harness } from '../../test/helpers/suite.ts';
import { solvedAltcha } from '../../test/helpers/altcha.ts';

const solved = (h: Harness) => solvedAltcha(h.server.url, SITE, { origin: ALLOWED_ORIGIN });

// Distinct bodies: the duplicates phase would otherwise catch the repeats as spam.
let posts = 0;
function postAs(h: Harness, page: string, extra: Record<string, unknown>, body = `A fair point about the new park, number ${++posts} (${page})`) {
  return h.api.request<{ comment: { id: string }; status: string }>('POST', '/api/v1/comments', {
    body: { site: SITE, page, author: { name: 'Guest' }, body, ...extra },
    headers: { 'x-colloquy-visitor': newVisitor() },
  });
}

for (const engine of ENGINES) {
  describe(`ALTCHA for guests on the demo site (${engine.name})`, () => {
    const h = useServer(engine, { DEMO_ALTCHA: 'true' });

    const storedStatus = async (id: string) =>
      (await h.server.app.database.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const reasons = async (id: string) => {
      const row = await h.server.app.database.db.selectFrom('moderation_decisions').select('reasons').where('comment_id', '=', id).executeTakeFirstOrThrow();
      return (JSON.parse(row.reasons) as Array<{ rule: string; detail?: string }>);
    };
    const publicIds = async (page: string) => flatten((await h.api.list(page)).body.comments).map((c) => c.id);

    it('stores a guest comment without a solution as spam, answers it pending and never shows it', async () => {
      const page = newPage('no-altcha');
      const res = await postAs(h, page, {});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'pending');
      assert.equal(await storedStatus(res.body.comment.id), 'spam');
      assert.ok((await reasons(res.body.comment.id)).some((r) => r.rule === 'bots.altcha' && /missing/.test(r.detail ?? '')));
      assert.deepEqual(await publicIds(page), []);
      assert.equal((await h.api.counts([page])).body.counts[page], 0);
    });

    it('publishes a guest comment with a solved challenge, and refuses the same solution again', async () => {
      const page = newPage('altcha');
      const altcha = await solved(h);
      const ok = await postAs(h, page, { altcha });
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.status, 'approved');
      assert.equal(await storedStatus(ok.body.comment.id), 'approved');
      assert.deepEqual(await publicIds(page), [ok.body.comment.id]);

      const replay = await postAs(h, page, { altcha }, 'The same work, spent twice');
      assert.equal(replay.status, 201, replay.text);
      assert.equal(replay.body.status, 'pending');
      assert.equal(await storedStatus(replay.body.comment.id), 'spam');
      assert.ok((await reasons(replay.body.comment.id)).some((r) => r.rule === 'bots.altcha' && /replayed/.test(r.detail ?? '')));
      assert.equal((await h.api.counts([page])).body.counts[page], 1);
      assert.deepEqual(await publicIds(page), [ok.body.comment.id]);
    });

    it('refuses a tampered solution', async () => {
      const page = newPage('tampered');
      const payload = JSON.parse(Buffer.from(await solved(h), 'base64').toString('utf8'));
      // The work is the derived key (the counter alone proves nothing): a wrong key fails.
      const key: string = payload.solution.derivedKey;
      payload.solution.derivedKey = key.slice(0, -1) + (key.endsWith('0') ? '1' : '0');
      const res = await postAs(h, page, { altcha: Buffer.from(JSON.stringify(payload)).toString('base64') });
      assert.equal(res.body.status, 'pending');
      assert.equal(await storedStatus(res.body.comment.id), 'spam');
      assert.ok((await reasons(res.body.comment.id)).some((r) => r.rule === 'bots.altcha' && /invalid/.test(r.detail ?? '')));
      assert.deepEqual(await publicIds(page), []);
    });

    it('treats a filled honeypot as a bot even with a solved challenge', async () => {
      const page = newPage('honeypot');
      const res = await postAs(h, page, { altcha: await solved(h), hp: 'https://spam.example' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.status, 'pending');
      assert.equal(await storedStatus(res.body.comment.id), 'spam');
      assert.ok((await reasons(res.body.comment.id)).some((r) => r.rule === 'bots.honeypot'));
      assert.deepEqual(await publicIds(page), []);
    });

    it('hands out challenges only for known sites and allowed pages, never cached', async () => {
      const res = await h.api.request('GET', `/api/v1/altcha/challenge?site=${SITE}`, { headers: { origin: ALLOWED_ORIGIN } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal((await h.api.request('GET', '/api/v1/altcha/challenge?site=no-such-site')).status, 404);
      const foreign = await h.api.request('GET', `/api/v1/altcha/challenge?site=${SITE}`, { headers: { origin: 'https://elsewhere.example' } });
      assert.equal(foreign.status, 403);
    });
  });
}

describe('ALTCHA off for the demo site (DEMO_ALTCHA=false, the test default)', () => {
  const h = useServer(ENGINES[0]);
  it('publishes a guest comment without a challenge', async () => {
    const page = newPage('off');
    const res = await postAs(h, page, {});
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, 'approved');
  });
});
