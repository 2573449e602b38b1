// Moderator alerts end to end, on SQLite and PostgreSQL, with a real SMTP server: staff choose
// them in the admin API; a held comment and a reader report e-mail those who chose them (once
// each, with the reasons and a link to the queue, nothing unescaped in the HTML); hourly
// digests collect several; a moderator of another site, or one who turned alerts off, gets nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { startSmtpSink, type SmtpSink } from '../../test/helpers/smtp.ts';
import { useServer } from '../../test/helpers/suite.ts';

const HELD = 'held-site';
const OTHER = 'other-site';
const PUBLIC_URL = 'https://comments.example';

for (const engine of ENGINES) {
  describe(`moderator alerts (${engine.name})`, () => {
    let sink: SmtpSink;
    const env: Record<string, string> = { PUBLIC_URL };
    before(async () => {
      sink = await startSmtpSink();
      env.SMTP_URL = sink.url;
    });
    const h = useServer(engine, env);
    after(async () => sink?.close());

    const staff: Record<string, { email: string; client: AdminClient }> = {};
    before(async () => {
      await h.addSite(HELD, ['*'], { moderation: { premoderation: { mode: 'all', firstCount: 1 } } as never });
      await h.addSite(OTHER, ['*']);
      staff.now = await staffClient(h.server, [{ site: HELD, role: 'moderator' }, { site: SITE, role: 'moderator' }], 'now');
      staff.hourly = await staffClient(h.server, [{ site: HELD, role: 'admin' }], 'hourly');
      staff.other = await staffClient(h.server, [{ site: OTHER, role: 'admin' }], 'other');
      staff.off = await staffClient(h.server, [{ site: HELD, role: 'moderator' }, { site: SITE, role: 'moderator' }], 'off');
    });

    const choose = (who: string, site: string, body: object) => staff[who]!.client.request('PUT', `/api/v1/admin/me/alerts/${site}`, body);
    const drained = async () => {
      for (let quiet = 0, i = 0; quiet < 3; i++) {
        if (i > 500) throw new Error('the outbox did not drain');
        h.server.app.notify.worker.wake();
        quiet = (await h.server.app.notify.outbox.pending()) === 0 ? quiet + 1 : 0;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const report = (id: string, reason = 'abuse', note?: string) =>
      h.api.request('POST', `/api/v1/comments/${id}/report`, { body: { reason, note }, headers: { 'x-colloquy-visitor': newVisitor() } });

    test('staff choose alerts for the sites they work on; other sites are refused; bad input changes nothing', async () => {
      assert.equal((await choose('now', HELD, { pending: true, reports: true, mode: 'immediate' })).status, 200);
      assert.equal((await choose('now', SITE, { pending: true, reports: true, mode: 'immediate' })).status, 200);
      assert.equal((await choose('hourly', HELD, { pending: true, reports: true, mode: 'hourly' })).status, 200);
      assert.equal((await choose('other', OTHER, { pending: true, reports: true, mode: 'immediate' })).status, 200);
      assert.equal((await choose('off', HELD, { pending: false, reports: false, mode: 'immediate' })).status, 200);

      const refused = await choose('other', HELD, { pending: true, reports: true, mode: 'immediate' });
      assert.equal(refused.status, 403);
      const bad = await choose('off', HELD, { pending: true, reports: false, mode: 'weekly' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'mode');

      const mine = await staff.now!.client.request('GET', '/api/v1/admin/me/alerts');
      assert.deepEqual(
        mine.body.alerts.map((a: { site: string; pending: boolean; reports: boolean; mode: string; role: string }) => [a.site, a.role, a.pending, a.reports, a.mode]),
        [[SITE, 'moderator', true, true, 'immediate'], [HELD, 'moderator', true, true, 'immediate']].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      const off = await staff.off!.client.request('GET', '/api/v1/admin/me/alerts');
      assert.deepEqual(off.body.alerts.find((a: { site: string }) => a.site === HELD), { site: HELD, siteName: HELD, role: 'moderator', pending: false, reports: false, mode: 'immediate' });
    });

    test('a held comment e-mails the moderators who asked, once, with its reasons and a link to the queue; HTML is escaped', async () => {
      const page = newPage('held');
      const posted = await h.api.post({ site: HELD, page, name: '<b>Mallory</b>', body: 'Hello <script>alert(1)</script>', title: 'A "quoted" <i>title</i>', url: 'https://publisher.example/a' });
      assert.equal(posted.status, 201, posted.text);
      assert.equal(posted.body.status, 'pending');
      const id = posted.body.comment.id;
      await drained();
      const mails = sink.to(staff.now!.email).filter((m) => m.text.includes(`comment=${id}`));
      assert.equal(mails.length, 1);
      const [mail] = mails;
      assert.equal(mail!.subject, `Held for review on ${HELD}: <b>Mallory</b> on “A "quoted" <i>title</i>”`);
      assert.match(mail!.text, /premoderation/);
      assert.match(mail!.text, /> Hello <script>alert\(1\)<\/script>/);
      assert.ok(mail!.links.includes(`${PUBLIC_URL}/admin/queue/pending?site=${HELD}&comment=${id}`), mail!.links.join(' '));
      assert.ok(mail!.links.includes(`${PUBLIC_URL}/admin/alerts?site=${HELD}`));
      const html = String(mail!.parsed.html);
      assert.doesNotMatch(html, /<script|<b>Mallory|<i>title/);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /href="https:\/\/comments\.example\/admin\/queue\/pending\?site=held-site&amp;comment=/);
      // Hourly: held for the digest, not sent now.
      assert.equal(sink.to(staff.hourly!.email).length, 0);
    });

    test('reports alert once per round, however many readers report; held, approved, then reported is two alerts, not more', async () => {
      const page = newPage('reported');
      const c = await h.api.comment({ page, visitor: newVisitor(), body: 'A contested opinion' });
      assert.equal((await report(c.id, 'abuse', 'Rude to <em>everyone</em>')).status, 201);
      assert.equal((await report(c.id, 'spam')).status, 201);
      await drained();
      const reported = sink.to(staff.now!.email).filter((m) => m.subject.startsWith('Reported on'));
      const about = reported.filter((m) => m.text.includes(`comment=${c.id}`));
      assert.equal(about.length, 1, 'two reports, one alert');
      assert.match(about[0]!.text, /abuse: Rude to <em>everyone<\/em>/);
      assert.match(String(about[0]!.parsed.html), /abuse: Rude to &lt;em&gt;everyone&lt;\/em&gt;/);
      assert.ok(about[0]!.links.includes(`${PUBLIC_URL}/admin/queue/reported?site=${SITE}&comment=${c.id}`));

      // Held first, approved, then reported: one hold alert and one report alert.
      const held = await h.api.post({ site: HELD, page: newPage('held-then-reported'), name: 'Nina', body: 'First held, then public' });
      const id = held.body.comment.id;
      await drained();
      const approved = await staff.now!.client.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve' });
      assert.equal(approved.status, 200, approved.text);
      assert.equal((await report(id)).status, 201);
      assert.equal((await report(id)).status, 201);
      await drained();
      const aboutIt = sink.to(staff.now!.email).filter((m) => m.text.includes(`comment=${id}`));
      assert.deepEqual(aboutIt.map((m) => m.subject.split(':')[0]).sort(), [`Held for review on ${HELD}`, `Reported on ${HELD}`]);
    });

    test('an edit that the pipeline holds alerts the moderators; an edit that stays published does not', async () => {
      const page = newPage('edited-into-hold');
      const c = await h.api.comment({ page, visitor: newVisitor(), body: 'A calm first version' });
      const calm = await h.api.edit(c.id, 'A calm second version', c.editToken);
      assert.equal(calm.status, 200, calm.text);
      const held = await h.api.edit(c.id, 'You are an idiot.', c.editToken);
      assert.equal(held.status, 200, held.text);
      assert.equal(held.body.status, 'pending');
      await drained();
      const about = sink.to(staff.now!.email).filter((m) => m.text.includes(`comment=${c.id}`));
      assert.equal(about.length, 1, about.map((m) => m.subject).join(' | '));
      assert.match(about[0]!.subject, /^Held for review on /);
      assert.match(about[0]!.text, /idiot/);
    });

    test('an hourly digest collects several held and reported comments in one e-mail, each once', async () => {
      const before = sink.to(staff.hourly!.email).length;
      const ids: string[] = [];
      for (const name of ['Ann', 'Ben', 'Cy']) ids.push((await h.api.post({ site: HELD, page: newPage('digest'), name, body: `${name} waits` })).body.comment.id);
      // Ann's comment is approved, then reported: one item naming both.
      await drained();
      await staff.now!.client.request('POST', `/api/v1/admin/comments/${ids[0]}/moderate`, { action: 'approve' });
      await report(ids[0]!);
      await drained();
      assert.equal(sink.to(staff.hourly!.email).length, before, 'nothing is sent before the hour is over');
      const { db } = h.server.app.database;
      const recipient = await db.selectFrom('notify_recipients').select('id').where('site_id', '=', HELD).where('email_lower', '=', staff.hourly!.email).executeTakeFirstOrThrow();
      const held = await db.selectFrom('digest_items').selectAll().where('recipient_id', '=', recipient.id).where('kind', '=', 'alert').execute();
      assert.ok(held.every((item) => /^\d{4}-\d\d-\d\dT\d\d$/.test(item.day)), 'hourly periods');
      // The hour is over (moved back: the server's clock is real).
      await db.updateTable('digest_items').set({ day: '2020-01-01T10' }).where('recipient_id', '=', recipient.id).execute();
      await h.server.app.notify.digest.run();
      await drained();
      const digests = sink.to(staff.hourly!.email).slice(before);
      assert.equal(digests.length, 1);
      const [digest] = digests;
      assert.match(digest!.subject, /^\d+ comments need a moderator on held-site$/);
      for (const name of ['Ann', 'Ben', 'Cy']) assert.match(digest!.text, new RegExp(`${name} waits`));
      assert.equal(digest!.text.split('Ann waits').length - 1, 1, 'held then reported: one item');
      assert.match(digest!.text, /Held: Ann on “.*” · Reported: Ann on/);
      assert.equal((await db.selectFrom('digest_items').select('id').where('recipient_id', '=', recipient.id).execute()).length, 0);
    });

    test('a held comment decided before its alert went out alerts nobody', async () => {
      const { notify } = h.server.app;
      await notify.worker.stop();
      const posted = await h.api.post({ site: HELD, page: newPage('quick'), name: 'Quick', body: 'Approved at once' });
      const id = posted.body.comment.id;
      assert.equal((await staff.now!.client.request('POST', `/api/v1/admin/comments/${id}/moderate`, { action: 'approve' })).status, 200);
      notify.worker.start();
      await drained();
      assert.equal(sink.to(staff.now!.email).filter((m) => m.text.includes(`comment=${id}`)).length, 0);
    });

    test('a moderator of another site, and one who turned alerts off, received nothing', async () => {
      await drained();
      assert.equal(sink.to(staff.other!.email).length, 0);
      assert.equal(sink.to(staff.off!.email).length, 0);
      // Alerts off after being on: nothing more.
      assert.equal((await choose('now', HELD, { pending: false, reports: false, mode: 'immediate' })).status, 200);
      const count = sink.to(staff.now!.email).length;
      await h.api.post({ site: HELD, page: newPage('after-off'), name: 'Late', body: 'Nobody is told' });
      await drained();
      assert.equal(sink.to(staff.now!.email).length, count);
    });
  });
}
