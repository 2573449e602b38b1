// The admin API's features, on SQLite and PostgreSQL: queues and paging, bulk actions, author
// history and sockpuppets, site settings, the audit log, the dry run, and data without markup.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, newVisitor } from '../../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { useServer } from '../../../test/helpers/suite.ts';

const SITE = 'newsroom';

for (const engine of ENGINES) {
  describe(`admin API (${engine.name})`, () => {
    const h = useServer(engine);
    let admin: AdminClient;
    let adminId: string;

    before(async () => {
      await h.addSite(SITE, ['https://publisher.example']);
      await h.addSite('elsewhere', ['https://publisher.example']);
      const a = await staffClient(h.server, [{ site: SITE, role: 'admin' }, { site: 'elsewhere', role: 'moderator' }]);
      admin = a.client;
      adminId = a.id;
    });

    const post = (body: string, visitor = newVisitor(), page = newPage(), extra: { name?: string; email?: string } = {}) => h.api.post({ site: SITE, page, body, visitor, ...extra });

    it('lists the sites of the user with their role', async () => {
      const sites = await admin.request('GET', '/api/v1/admin/sites');
      assert.deepEqual(sites.body.sites.map((s: { id: string; role: string }) => [s.id, s.role]), [['elsewhere', 'moderator'], [SITE, 'admin']]);
    });

    it('pages a queue newest first with a cursor, and counts the queues', async () => {
      const held: string[] = [];
      for (let i = 0; i < 5; i++) held.push((await post(`you idiot number ${i}`)).body.comment.id);
      await post('I will kill you');
      const seen: string[] = [];
      let cursor = '';
      do {
        const page = await admin.request('GET', `/api/v1/admin/queues/pending?site=${SITE}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.body.comments.length <= 2);
        seen.push(...page.body.comments.map((c: { id: string }) => c.id));
        cursor = page.body.nextCursor ?? '';
      } while (cursor);
      assert.deepEqual(seen.filter((id) => held.includes(id)), [...held].reverse());
      const counts = (await admin.request('GET', `/api/v1/admin/queues?site=${SITE}`)).body.counts;
      assert.equal(counts.pending, seen.length);
      assert.ok(counts.rejected >= 1);
      const recent = await admin.request('GET', `/api/v1/admin/queues/recent?site=${SITE}&limit=1`);
      assert.equal(recent.body.comments[0].status, 'rejected', 'Recent holds every status, newest first');
    });

    it('applies one action to many comments, each succeeding or failing alone', async () => {
      const a = (await post('you idiot, first')).body.comment.id;
      const b = (await post('you idiot, second')).body.comment.id;
      const foreign = (await h.api.post({ site: 'elsewhere', page: newPage(), body: 'elsewhere', visitor: newVisitor() })).body.comment.id;
      const res = await admin.request('POST', '/api/v1/admin/comments/bulk', { site: SITE, ids: [a, b, '0000000000000000', foreign], action: 'spam', note: 'campaign' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.results.map((r: { ok: boolean }) => r.ok), [true, true, false, false]);
      assert.equal(res.body.results[0].comment.status, 'spam');
      assert.equal(res.body.results[3].error.code, 'comment_not_found');
      const rejected = await admin.request('GET', `/api/v1/admin/queues/rejected?site=${SITE}&limit=100`);
      assert.ok([a, b].every((id) => rejected.body.comments.some((c: { id: string }) => c.id === id)));
    });

    it("shows an author's history and the other identities seen on their IP", async () => {
      const troll = newVisitor();
      const page = newPage('author');
      const first = (await post('Nothing to see here', troll, page, { name: 'Sam', email: 'sam@example.com' })).body.comment.id;
      await post('you idiot', troll, page, { name: 'Sam' });
      await post('Entirely unrelated account, honest', newVisitor(), page, { name: 'Concerned Reader', email: 'cr@example.com' });
      const author = await admin.request('GET', `/api/v1/admin/comments/${first}/author?limit=1`);
      assert.equal(author.status, 200, author.text);
      assert.equal(author.body.by, 'visitor');
      assert.equal(author.body.author.visitorKey.length > 10, true);
      assert.ok(!JSON.stringify(author.body).includes(troll), 'never the raw visitor token');
      assert.deepEqual({ total: author.body.stats.total, approved: author.body.stats.approved, pending: author.body.stats.pending }, { total: 2, approved: 1, pending: 1 });
      assert.equal(author.body.comments.length, 1);
      const more = await admin.request('GET', `/api/v1/admin/comments/${first}/author?limit=1&cursor=${author.body.nextCursor}`);
      assert.equal(more.body.comments[0].id, first);
      assert.equal(more.body.nextCursor, null);

      const puppets = await admin.request('GET', `/api/v1/admin/comments/${first}/sockpuppets`);
      const reader = puppets.body.identities.find((i: { names: string[] }) => i.names.includes('Concerned Reader'));
      assert.ok(reader, 'the other browser on the same IP');
      assert.deepEqual(reader.emails, ['cr@example.com']);
      assert.equal(reader.sharedIps, 1);
      assert.ok(!puppets.body.identities.some((i: { visitorKey: string }) => i.visitorKey === author.body.author.visitorKey), 'not the author themself');
    });

    it('returns text as data: the Markdown source, never HTML built from it', async () => {
      const body = '**Bold** claim <script>alert(1)</script> [link](https://example.com) you idiot';
      const id = (await post(body, newVisitor(), newPage(), { name: '<img src=x onerror=alert(1)>' })).body.comment.id;
      for (const path of [`/api/v1/admin/comments/${id}`, `/api/v1/admin/queues/pending?site=${SITE}&limit=100`, `/api/v1/admin/comments/${id}/author`]) {
        const res = await admin.request('GET', path);
        assert.ok(!/<strong>|<p>|<a href/.test(res.text), `${path} carries rendered HTML`);
        assert.match(res.headers.get('content-type')!, /^application\/json/);
      }
      const detail = (await admin.request('GET', `/api/v1/admin/comments/${id}`)).body.comment;
      assert.equal(detail.body, body);
      assert.equal(detail.author.name, '<img src=x onerror=alert(1)>');
      assert.equal('html' in detail, false);
    });

    it('reads and changes settings: validated, versioned, applied to the next comment, audited', async () => {
      const got = await admin.request('GET', `/api/v1/admin/sites/${SITE}/settings`);
      assert.equal(got.status, 200);
      assert.equal(got.body.version, 0);
      assert.equal(got.body.settings.moderation.premoderation.mode, 'none');
      assert.equal(got.body.settings.moderation.reports.threshold, 3);
      assert.equal(got.body.settings.maxDepth, 5);

      const put = (version: number, settings: unknown) => admin.request('PUT', `/api/v1/admin/sites/${SITE}/settings`, { version, settings });
      for (const [settings, field] of [
        [{ moderation: { premoderation: { mode: 'sometimes' } } }, 'settings.moderation.premoderation.mode'],
        [{ moderation: { reports: { threshold: 0 } } }, 'settings.moderation.reports.threshold'],
        [{ moderation: { scorer: { thresholds: { insult: { pending: 2 } } } } }, 'settings.moderation.scorer.thresholds.insult.pending'],
        [{ moderation: { terms: { banned: ['ok', 42] } } }, 'settings.moderation.terms.banned.1'],
        [{ moderation: { colour: 'red' } }, 'settings.moderation.colour'],
        [{ maxDepth: 99 }, 'settings.maxDepth'],
        [{ favourite: 1 }, 'settings.favourite'],
      ] as const) {
        const res = await put(0, settings);
        assert.equal(res.status, 400, JSON.stringify(settings));
        assert.equal(res.body.error.field, field);
      }
      const saved = await put(0, { maxDepth: 3, moderation: { terms: { banned: [{ term: 'zorblax', category: 'spam' }] }, reports: { threshold: 5 } } });
      assert.equal(saved.status, 200, saved.text);
      assert.equal(saved.body.version, 1);
      assert.equal(saved.body.settings.maxDepth, 3);
      assert.equal(saved.body.settings.moderation.reports.threshold, 5);
      assert.equal(saved.body.settings.moderation.premoderation.mode, 'none', 'untouched keys keep their values');
      assert.equal((await put(0, { maxDepth: 4 })).body.error.code, 'version_conflict');

      const banned = await post('Buy Z0RBLAX today');
      assert.equal(banned.body.status, 'rejected');
      const premod = await put(1, { moderation: { premoderation: { mode: 'all' } } });
      assert.equal(premod.body.settings.moderation.terms.banned.length, 1, 'nested objects merge');
      assert.equal((await post('A perfectly civil remark')).body.status, 'pending');
      await put(2, { moderation: { premoderation: { mode: 'none' } } });

      const audit = await admin.request('GET', `/api/v1/admin/audit?site=${SITE}&target=${SITE}`);
      const entry = audit.body.entries.at(-1);
      assert.equal(entry.action, 'settings.update');
      assert.equal(entry.actor.id, adminId);
      assert.equal(entry.before.version, 0);
      assert.equal(entry.after.version, 1);
      assert.equal(entry.after.maxDepth, 3);
    });

    it('audits every staff action with before and after', async () => {
      const id = (await post('you idiot, audited')).body.comment.id;
      await admin.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve', note: 'fine' });
      await admin.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'delete' });
      const entries = (await admin.request('GET', `/api/v1/admin/audit?site=${SITE}&target=${id}`)).body.entries;
      assert.deepEqual(entries.map((e: { action: string }) => e.action), ['comment.delete', 'comment.approve']);
      assert.deepEqual(entries[1].before, { status: 'pending', shadow: false, deleted: false, listed: false });
      assert.deepEqual(entries[1].after, { status: 'approved', shadow: false, deleted: false, listed: true });
      assert.equal(entries[1].note, 'fine');
      assert.equal(entries[0].after.deleted, true);
      const gone = await admin.request('GET', `/api/v1/admin/comments/${id}`);
      assert.equal(gone.body.comment.deleted, true);
      assert.equal(gone.body.comment.body, '');
      assert.equal((await admin.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve' })).body.error.code, 'comment_deleted');
    });

    it('previews the pipeline on a text without storing anything', async () => {
      const db = h.server.app.database.db;
      const before = await db.selectFrom('moderation_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const res = await admin.request('POST', '/api/v1/admin/moderation/preview', { site: SITE, text: 'Honestly, you absolute idiot' });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'pending');
      const insult = res.body.reasons.find((r: { rule: string }) => r.rule === 'insult.second-person');
      assert.equal('Honestly, you absolute idiot'.slice(...insult.span), 'you absolute idiot');
      assert.ok(res.body.timings.length > 3 && typeof res.body.ms === 'number');
      const after = await db.selectFrom('moderation_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));
      // A dry run records no duplicate fingerprint: the same text posted twice is no repeat.
      await admin.request('POST', '/api/v1/admin/moderation/preview', { site: SITE, text: 'A long enough sentence to be fingerprinted by the duplicate check' });
      assert.equal((await post('A long enough sentence to be fingerprinted by the duplicate check')).body.status, 'approved');
    });
  });
}
