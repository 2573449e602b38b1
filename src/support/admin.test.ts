// The support console API: access, campaigns and their history, manual entries with their
// audit trail, the ledger's filters and CSV, totals by day, the "Support us" block settings,
// the editor's preview, and `colloquy support verify-totals` catching and repairing drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../../test/helpers/databases.ts';
import { checkoutCompleted } from '../../test/helpers/stripe-events.ts';
import { createStaff, signIn } from '../../test/helpers/admin.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';
import { admin, useSupportServer } from '../../test/helpers/support.ts';
import { run } from '../cli/support.ts';
import { barHtml } from './bar-view.ts';

const STAFF = { email: 'ed@courier.example', password: 'correct horse battery staple' };

for (const engine of ENGINES) {
  describe(`support console API (${engine.name})`, () => {
    const h = useSupportServer(engine, { ADMIN_EMAIL: STAFF.email, ADMIN_PASSWORD: STAFF.password });
    const get = (path: string) => h.call('GET', path, undefined, admin);
    const entry = (campaign: string, body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/admin/support/campaigns/${campaign}/entries`, { currency: 'USD', method: 'bank_transfer', note: 'Transfer from the annual appeal', ...body }, admin);

    it('needs a console session or the admin token', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: 'Basic x' }] as Array<Record<string, string>>) {
        const res = await h.call('GET', '/api/v1/admin/support/campaigns?site=demo', undefined, headers);
        assert.equal(res.status, 401);
        assert.equal(res.body.error.code, 'unauthenticated');
      }
      const wrong = await h.call('GET', '/api/v1/admin/support/campaigns?site=demo', undefined, { authorization: 'Bearer wrong-token-0123456789' });
      assert.equal(wrong.headers.get('www-authenticate'), 'Bearer');
      const post = await h.call('POST', '/api/v1/admin/support/campaigns', { site: 'demo', title: 'x', currency: 'USD', goal: 100 });
      assert.equal(post.status, 401);
    });

    it('refuses moderators and admins of other sites (403), on every support route', async () => {
      const c = await h.campaign();
      await createSiteService(createSiteStore(h.server.app.database.db)).ensure('elsewhere', 'Elsewhere', ['https://elsewhere.example'], {});
      const moderator = await signIn(h.server, (await createStaff(h.server, [{ site: 'demo', role: 'moderator' }], 'mod')).email);
      const elsewhere = await signIn(h.server, (await createStaff(h.server, [{ site: 'elsewhere', role: 'admin' }], 'other')).email);
      const routes: Array<[string, string, unknown?]> = [
        ['GET', '/api/v1/admin/support/campaigns?site=demo'],
        ['PATCH', `/api/v1/admin/support/campaigns/${c.id}`, { title: 'Taken over' }],
        ['POST', '/api/v1/admin/support/preview', { site: 'demo', title: 'x', currency: 'USD', goal: 100 }],
        ['GET', '/api/v1/admin/support/ledger?site=demo'],
        ['GET', '/api/v1/admin/support/ledger.csv?site=demo'],
        ['GET', `/api/v1/admin/support/totals/daily?campaign=${c.id}`],
        ['POST', `/api/v1/admin/support/campaigns/${c.id}/entries`, { amount: 100, currency: 'USD', method: 'cash', note: 'Not mine to record' }],
        ['GET', '/api/v1/admin/support/webhooks?site=demo'],
      ];
      for (const client of [moderator, elsewhere]) {
        for (const [method, path, body] of routes) {
          const res = await client.request(method, path, body);
          assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
        }
      }
      const after = (await h.totals(c.id)) as unknown as { raised: number; title: string };
      assert.deepEqual([after.raised, after.title], [0, 'Test drive'], 'nothing changed');
    });

    it('lets a console admin in with the staff session cookie and CSRF token', async () => {
      const signIn = await fetch(`${h.server.url}/api/v1/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(STAFF) });
      assert.equal(signIn.status, 200, await signIn.clone().text());
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      assert.equal((await h.call('GET', '/api/v1/admin/support/campaigns?site=demo', undefined, { cookie })).status, 200);
      const c = await h.campaign();
      const body = { amount: 700, currency: 'USD', method: 'cash', note: 'Tin at the bake sale' };
      const forged = await h.call('POST', `/api/v1/admin/support/campaigns/${c.id}/entries`, body, { cookie });
      assert.equal(forged.status, 403);
      assert.equal(forged.body.error.code, 'csrf_failed');
      const made = await h.call('POST', `/api/v1/admin/support/campaigns/${c.id}/entries`, body, { cookie, 'x-csrf-token': csrfToken });
      assert.equal(made.status, 201, made.text);
      assert.match(made.body.entry.createdBy, /^staff:/);
      assert.equal((await h.call('GET', '/api/v1/admin/support/campaigns?site=demo', undefined, { cookie: 'colloquy_session=not-a-real-session-token-000' })).status, 401);
    });

    it('keeps one active campaign per site by default, and the history', async () => {
      await h.call('POST', '/api/v1/admin/support/campaigns', { site: 'demo', title: 'Spring drive', currency: 'EUR', goal: 300_000, ticks: [0, 100_000, 200_000, 300_000], donorGoal: 100, endsAt: '2099-01-01T00:00:00Z' }, admin);
      const current = await h.call('GET', '/api/v1/campaigns/current?site=demo');
      assert.equal(current.body.title, 'Spring drive');
      assert.deepEqual(current.body.ticks, [0, 100_000, 200_000, 300_000]);
      assert.equal(current.body.donorGoal, 100);
      const list = (await get('/api/v1/admin/support/campaigns?site=demo')).body.campaigns;
      assert.ok(list.length >= 2);
      assert.equal(list.filter((c: { status: string }) => c.status === 'active').length, 1);
      assert.ok(list.some((c: { id: string; status: string }) => c.id === 'demo-fundraiser' && c.status === 'archived'), 'the demo campaign is kept, archived');
      // Reactivating the demo campaign archives the spring drive in turn.
      const back = await h.call('PATCH', '/api/v1/admin/support/campaigns/demo-fundraiser', { status: 'active' }, admin);
      assert.equal(back.status, 200, back.text);
      assert.equal((await h.call('GET', '/api/v1/campaigns/current?site=demo')).body.id, 'demo-fundraiser');
    });

    it('validates campaign fields', async () => {
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ currency: 'XYZ' }, 'currency'],
        [{ goal: 0 }, 'goal'],
        [{ ticks: [0, 900_000] }, 'ticks'],
        [{ startsAt: '2030-01-01T00:00:00Z', endsAt: '2029-01-01T00:00:00Z' }, 'endsAt'],
        [{ title: ' \u200b ' }, 'title'],
      ];
      for (const [fields, field] of bad) {
        const res = await h.call('POST', '/api/v1/admin/support/campaigns', { site: 'demo', title: 'T', currency: 'USD', goal: 500_000, exclusive: false, ...fields }, admin);
        assert.equal(res.status, 400, `${JSON.stringify(fields)}: ${res.text}`);
        assert.equal(res.body.error.field, field);
      }
      const c = await h.campaign();
      await entry(c.id, { amount: 100 });
      const locked = await h.call('PATCH', `/api/v1/admin/support/campaigns/${c.id}`, { currency: 'EUR' }, admin);
      assert.equal(locked.body.error.code, 'currency_locked');
    });

    it('records manual entries with a note, converts other currencies at the given rate, and audits them', async () => {
      const c = await h.campaign();
      const cash = await entry(c.id, { amount: 20_000, method: 'cash', donorName: 'Ruth', anonymous: false, reference: 'till-2025-03-01' });
      assert.equal(cash.status, 201, cash.text);
      assert.deepEqual([cash.body.entry.kind, cash.body.entry.provider, cash.body.entry.createdBy], ['manual', 'cash', 'admin-token']);
      const twice = await entry(c.id, { amount: 20_000, method: 'cash', reference: 'till-2025-03-01' });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error.code, 'duplicate_entry');
      const euros = await entry(c.id, { amount: 10_000, currency: 'EUR', rate: '1.1', method: 'crypto' });
      assert.equal(euros.body.entry.amountCampaign, 11_000);
      assert.equal((await entry(c.id, { amount: 100, currency: 'EUR' })).body.error.code, 'rate_required');
      assert.equal((await entry(c.id, { amount: 100, note: '' })).status, 400);
      const correction = await entry(c.id, { amount: -5_000, note: 'Bank returned part of the transfer' });
      assert.equal(correction.status, 201);
      const t = await h.totals(c.id);
      assert.equal(t.raised, 20_000 + 11_000 - 5_000);
      assert.equal(t.donors, 2);
      const audit = (await get('/api/v1/admin/support/audit?site=demo')).body.audit;
      assert.ok(audit.some((a: { action: string; target: string }) => a.action === 'ledger.manual' && a.target === cash.body.entry.id));
    });

    it('lists the ledger with filters and exports it as CSV, formulas defused', async () => {
      const c = await h.campaign();
      await entry(c.id, { amount: 1_000, method: 'cash', donorName: '=HYPERLINK("x")', anonymous: false, note: 'Cash at the fair, "front" table' });
      await h.webhook.deliver(checkoutCompleted({ campaign: c.id, amount: 2_000, email: 'card@example.com' }));
      const all = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}`)).body;
      assert.equal(all.entries.length, 2);
      assert.equal(all.entries.find((e: { provider: string }) => e.provider === 'stripe').donor.email, 'card@example.com', 'staff see the e-mail');
      const stripeOnly = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&provider=stripe`)).body.entries;
      assert.deepEqual(stripeOnly.map((e: { amount: number }) => e.amount), [2_000]);
      await entry(c.id, { amount: 500, currency: 'EUR', method: 'bank_transfer', reference: `-eur-${c.id}`, rate: '1.1', donorName: '@SUM(A1)', anonymous: false, note: '+1 transfer' });
      const euros = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&currency=eur`)).body.entries;
      assert.deepEqual(euros.map((e: { amount: number; amountCampaign: number }) => [e.amount, e.amountCampaign]), [[500, 550]]);
      assert.equal((await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&status=unconverted`)).body.entries.length, 0);
      assert.equal((await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&status=counted`)).body.entries.length, 3);
      assert.equal((await get(`/api/v1/admin/support/ledger?site=demo&status=lost`)).status, 400);
      const eurCsv = await get(`/api/v1/admin/support/ledger.csv?site=demo&campaign=${c.id}&currency=EUR`);
      assert.equal(eurCsv.text.trim().split('\r\n').length, 2, 'the CSV takes the same filters');
      const found = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&q=FAIR`)).body.entries;
      assert.equal(found.length, 1);
      const page = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&limit=1`)).body;
      const next = (await get(`/api/v1/admin/support/ledger?site=demo&campaign=${c.id}&limit=1&cursor=${page.nextCursor}`)).body;
      assert.notEqual(page.entries[0].id, next.entries[0].id);
      const csv = await get(`/api/v1/admin/support/ledger.csv?site=demo&campaign=${c.id}`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const lines = csv.text.trim().split('\r\n');
      assert.equal(lines.length, 4);
      assert.match(lines[0], /^id,occurred_at,campaign_id,kind/);
      assert.ok(csv.text.includes(`"'=HYPERLINK(""x"")"`), csv.text);
      assert.ok(csv.text.includes('"Cash at the fair, ""front"" table"'));
      // Every cell a spreadsheet would run (= + - @) starts with a quote; numbers stay numbers.
      for (const cell of [`'-eur-${c.id}`, "'@SUM(A1)", "'+1 transfer"]) assert.ok(csv.text.includes(`,${cell},`), `${cell} in ${csv.text}`);
      assert.ok(/,500,EUR,550,1\.1,/.test(csv.text), csv.text);
    });

    it('sums counted amounts by day', async () => {
      const c = await h.campaign();
      await entry(c.id, { amount: 1_000, occurredAt: '2025-03-01T10:00:00Z' });
      await entry(c.id, { amount: 2_000, occurredAt: '2025-03-01T23:00:00Z' });
      await entry(c.id, { amount: -500, occurredAt: '2025-03-03T08:00:00Z' });
      const res = await get(`/api/v1/admin/support/totals/daily?campaign=${c.id}`);
      assert.deepEqual(res.body, {
        currency: 'USD',
        days: [
          { day: '2025-03-01', raised: 3_000, refunded: 0, entries: 2 },
          { day: '2025-03-03', raised: -500, refunded: 500, entries: 1 },
        ],
      });
    });

    it('saves the "Support us" block, refusing unsafe links, and shows it with a local QR code', async () => {
      const settings = {
        text: 'Help us keep reporting.',
        amounts: { once: [500, 1500], month: [300] },
        card: true,
        links: [{ label: 'Ko-fi', url: 'https://ko-fi.com/courier' }, { label: 'Liberapay', url: 'https://liberapay.com/courier' }],
        crypto: [{ label: 'Bitcoin', address: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', uri: 'bitcoin:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh' }],
      };
      const bad = await h.call('PUT', '/api/v1/admin/support/settings?site=demo', { ...settings, links: [{ label: 'x', url: 'javascript:alert(1)' }] }, admin);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'links.0.url');
      const saved = await h.call('PUT', '/api/v1/admin/support/settings?site=demo', settings, admin);
      assert.equal(saved.status, 200, saved.text);
      const page = await h.call('GET', '/embed/support?site=demo&locale=en-US');
      assert.match(page.text, /Help us keep reporting\./);
      assert.match(page.text, /href="https:\/\/ko-fi\.com\/courier"/);
      assert.match(page.text, /<svg[^>]*viewBox/);
      assert.match(page.text, /value="once:1500"/);
      assert.match(page.text, /\$3 a month/);
      assert.ok(!/https?:\/\/(?!ko-fi|liberapay|www\.w3\.org|127\.0\.0\.1)/.test(page.text.replace(/https:\/\/checkout[^"]*/g, '')), 'no other site is referenced (QR made locally)');
    });

    it('previews unsaved fields as data the console draws with the bar\u2019s own renderer', async () => {
      const res = await h.call('POST', '/api/v1/admin/support/preview', { site: 'demo', title: 'Draft <b>', currency: 'EUR', goal: 1_000_000 }, admin);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.campaign.ticks, [0, 500_000, 1_000_000]);
      assert.equal(res.body.campaign.title, 'Draft <b>', 'data, not markup');
      const markup = barHtml(res.body.campaign, 'de-DE', Date.now());
      assert.match(markup, /10\.000\u00a0€/);
      assert.ok(!markup.includes('<b>'));
    });

    it('shows the webhook status for the console', async () => {
      const res = await get('/api/v1/admin/support/webhooks?site=demo');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.configured, { secretKey: true, webhookSecret: true });
      assert.equal(res.body.lastEvent.type, 'checkout.session.completed');
      assert.ok(res.body.counts.processed >= 1);
    });

    it('verify-totals proves the cached totals match the ledger, and catches and repairs drift', async () => {
      const env = { DATABASE_URL: h.databaseUrl, COLLOQUY_SECRET: 'test-secret-that-is-at-least-32-characters-long', LOG_LEVEL: 'silent' };
      const lines: string[] = [];
      assert.equal(await run(['verify-totals'], env, (l) => lines.push(l)), 0, lines.join('\n'));
      assert.match(lines.at(-1)!, /match the ledger/);
      const c = await h.campaign();
      await entry(c.id, { amount: 4_200 });
      await h.server.app.database.db.updateTable('support_totals').set({ raised: 999_999 }).where('campaign_id', '=', c.id).execute();
      lines.length = 0;
      assert.equal(await run(['verify-totals'], env, (l) => lines.push(l)), 1);
      assert.ok(lines.some((l) => l.startsWith('MISMATCH') && l.includes(c.id)), lines.join('\n'));
      const api = await get('/api/v1/admin/support/totals/verify?site=demo');
      assert.equal(api.body.ok, false);
      assert.equal(await run(['verify-totals', '--repair'], env, () => {}), 0);
      assert.equal((await h.totals(c.id)).raised, 4_200);
      assert.equal(await run(['nonsense'], env, () => {}), 2);
    });
  });
}
