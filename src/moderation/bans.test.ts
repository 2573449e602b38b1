// Bans and shadow-bans through the admin API and the public API, on SQLite and PostgreSQL.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flatten, newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { staffClient, type AdminClient } from '../../test/helpers/admin.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { openStream } from '../../test/helpers/sse.ts';
import { useServer } from '../../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`bans and shadow-bans (${engine.name})`, () => {
    const h = useServer(engine);
    let mod: AdminClient;

    before(async () => {
      for (const site of ['ipban', 'prefixban']) await h.addSite(site, ['https://publisher.example']);
      ({ client: mod } = await staffClient(h.server, [{ site: SITE, role: 'moderator' }, { site: 'ipban', role: 'moderator' }, { site: 'prefixban', role: 'moderator' }]));
    });

    const listed = async (page: string, site = SITE) => flatten((await h.api.list(page, { site })).body.comments).map((c) => c.id);

    it('shows a shadow-banned author their comments as published, and nobody else', async () => {
      const page = newPage('shadow');
      const troll = newVisitor();
      const first = await h.api.comment({ page, body: 'Everyone here is a sheep', visitor: troll });
      assert.equal((await h.api.counts([page])).body.counts[page], 1);
      const ban = await mod.request('POST', `/api/v1/admin/comments/${first.id}/ban`, { kinds: ['visitor'], mode: 'shadow', durationSeconds: null, reason: 'Baiting' });
      assert.equal(ban.status, 201, ban.text);
      assert.equal(ban.body.bans[0].mode, 'shadow');
      assert.equal(ban.body.comment.status, 'approved');
      assert.equal(ban.body.comment.shadow, true);

      const stream = await openStream(h.server, SITE, page);
      const second = await h.api.post({ page, body: 'Wake up, sheep', visitor: troll });
      assert.equal(second.status, 201);
      assert.equal(second.body.status, 'approved', 'the author is told it was published');
      const marker = await h.api.comment({ page, body: 'Back to the budget', visitor: newVisitor() });
      const text = await stream.until(new RegExp(marker.id));
      stream.close();
      assert.ok(!text.includes(second.body.comment.id), 'no live event for a shadow comment');

      assert.deepEqual(await listed(page), [marker.id]);
      assert.equal((await h.api.counts([page])).body.counts[page], 1);
      const own = (await h.api.me(page, troll)).body.pending;
      assert.deepEqual(own.map((c: { id: string }) => c.id).sort(), [first.id, second.body.comment.id].sort());
      assert.ok(own.every((c: { status: string; awaitingModeration: boolean }) => c.status === 'approved' && !c.awaitingModeration));
      assert.deepEqual((await h.api.me(page, newVisitor())).body.pending, []);
      // A reply to a shadow comment would give it away: there is none to reply to.
      assert.equal((await h.api.post({ page, parentId: second.body.comment.id, body: 'agreed' })).status, 400);

      const detail = await mod.request('GET', `/api/v1/admin/comments/${second.body.comment.id}`);
      assert.equal(detail.body.comment.shadow, true);
      assert.ok(detail.body.comment.moderation.reasons.some((r: { rule: string }) => r.rule === 'bans.shadow'));
    });

    it('refuses a suspended author until the suspension ends, and a lifted ban no longer applies', async () => {
      const page = newPage('suspend');
      const author = newVisitor();
      const c = await h.api.comment({ page, body: 'Something mild', visitor: author });
      const ban = await mod.request('POST', `/api/v1/admin/comments/${c.id}/ban`, { kinds: ['visitor', 'email'], mode: 'ban', durationSeconds: 3600, reason: 'Cool off', action: null });
      assert.equal(ban.status, 201);
      assert.equal(ban.body.bans.length, 1, 'the comment had no e-mail: only the visitor is banned');
      assert.equal(ban.body.comment.status, 'approved', 'action null leaves the comment');
      const expires = Date.parse(ban.body.bans[0].expiresAt) - Date.now();
      assert.ok(expires > 3_590_000 && expires <= 3_600_000);

      const refused = await h.api.post({ page, body: 'Let me back in', visitor: author });
      assert.equal(refused.body.status, 'rejected');
      const reasons = (await mod.request('GET', `/api/v1/admin/comments/${refused.body.comment.id}`)).body.comment.moderation.reasons;
      assert.equal(reasons[0].rule, 'bans.suspended');
      assert.match(reasons[0].detail, /Cool off/);

      // The suspension runs out (its end moved to the past; a change made behind the server's
      // back, so it is told, as the ban routes tell every node).
      await h.server.app.database.db.updateTable('moderation_bans').set({ expires_at: Date.now() - 1 }).where('id', '=', ban.body.bans[0].id).execute();
      h.server.app.bus.signal({ siteId: SITE, name: 'bans.updated' });
      assert.equal((await h.api.post({ page, body: 'Back, and civil', visitor: author })).body.status, 'approved');
      const active = await mod.request('GET', `/api/v1/admin/bans?site=${SITE}`);
      assert.ok(!active.body.bans.some((b: { id: string }) => b.id === ban.body.bans[0].id));
      const all = await mod.request('GET', `/api/v1/admin/bans?site=${SITE}&active=false&limit=100`);
      assert.equal(all.body.bans.find((b: { id: string }) => b.id === ban.body.bans[0].id).active, false);
    });

    it('bans an e-mail whatever its case until lifted, and audits both', async () => {
      const page = newPage('email');
      const ban = await mod.request('POST', '/api/v1/admin/bans', { site: SITE, kind: 'email', value: 'Troll@Example.com', mode: 'ban', durationSeconds: null, reason: 'Spam campaign' });
      assert.equal(ban.status, 201);
      assert.equal(ban.body.ban.value, 'troll@example.com');
      assert.equal(ban.body.ban.expiresAt, null);
      assert.equal((await h.api.post({ page, body: 'Buy now', email: 'TROLL@example.COM', visitor: newVisitor() })).body.status, 'rejected');
      const lifted = await mod.request('DELETE', `/api/v1/admin/bans/${ban.body.ban.id}`);
      assert.equal(lifted.status, 200);
      assert.equal(lifted.body.ban.active, false);
      assert.ok(lifted.body.ban.liftedBy.email.endsWith('@staff.example'));
      assert.equal((await mod.request('DELETE', `/api/v1/admin/bans/${ban.body.ban.id}`)).status, 200, 'lifting twice is harmless');
      assert.equal((await h.api.post({ page, body: 'Reformed', email: 'troll@example.com', visitor: newVisitor() })).body.status, 'approved');
      assert.equal((await mod.request('POST', '/api/v1/admin/bans', { site: SITE, kind: 'email', value: 'not an address', mode: 'ban', durationSeconds: null, reason: 'x' })).body.error.field, 'value');
    });

    it('bans an IP, and a whole network by its prefix, across browsers', async () => {
      for (const [site, kind] of [['ipban', 'ip'], ['prefixban', 'ip-prefix']] as const) {
        const page = newPage(kind);
        const c = await h.api.comment({ site, page, body: 'From the office', visitor: newVisitor() });
        const ban = await mod.request('POST', `/api/v1/admin/comments/${c.id}/ban`, { kinds: [kind], mode: 'ban', durationSeconds: null, reason: 'Sockpuppet farm' });
        assert.equal(ban.status, 201, ban.text);
        assert.equal(ban.body.bans[0].kind, kind);
        assert.match(ban.body.bans[0].value, /^[A-Za-z0-9_-]{20,}$/, 'a keyed hash, never the address');
        assert.equal(ban.body.comment.status, 'rejected', 'banning rejects the comment by default');
        const other = await h.api.post({ site, page, body: 'A different browser, same network', visitor: newVisitor() });
        assert.equal(other.body.status, 'rejected', kind);
        assert.deepEqual(await listed(page, site), []);
      }
      // Other sites are not affected.
      assert.equal((await h.api.post({ page: newPage(), body: 'Hello', visitor: newVisitor() })).body.status, 'approved');
    });
  });
}
