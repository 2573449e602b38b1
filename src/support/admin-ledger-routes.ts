// Console API for money: the ledger with filters and CSV export, totals by day, manual entries
// (bank transfer, cash, crypto) with a note and an audit row, webhook status, and the proof
// that cached totals match the ledger.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { cleanText, optionalText, requireText } from '../comments/text.ts';
import { badRequest, conflict } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { adminContext, type AdminDeps } from './admin-routes.ts';
import { currencyOf } from './campaigns.ts';
import type { Ledger } from './ledger.ts';
import type { LedgerQueries } from './ledger-queries.ts';
import type { LedgerRow } from './ledger-store.ts';
import { CampaignParams, DailyQuery, errorResponses, LedgerQuery, ManualEntryBody, SiteQuery } from './schema.ts';
import type { WebhookStore } from './webhook-store.ts';

export interface AdminLedgerDeps extends AdminDeps {
  ledger: Ledger;
  queries: LedgerQueries;
  webhooks: WebhookStore;
  stripe: { secretKey: boolean; webhookSecret: boolean };
}

const tags = ['support admin'];
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** An entry as staff see it: the donor's e-mail included, which no public route shows. */
export function entryView(e: LedgerRow) {
  return {
    id: e.id,
    campaignId: e.campaign_id,
    kind: e.kind,
    status: e.status,
    provider: e.provider,
    providerId: e.provider_id,
    amount: Number(e.amount),
    currency: e.currency,
    amountCampaign: Number(e.amount_campaign),
    rate: e.rate,
    interval: e.interval,
    donor: { name: e.donor_name, anonymous: e.anonymous === 1, email: e.donor_email },
    note: e.note,
    createdBy: e.created_by,
    occurredAt: iso(e.occurred_at),
    createdAt: iso(e.created_at),
  };
}

const CSV_COLUMNS = ['id', 'occurred_at', 'campaign_id', 'kind', 'status', 'provider', 'provider_id', 'amount', 'currency', 'amount_campaign', 'rate', 'interval', 'donor_name', 'anonymous', 'donor_email', 'note', 'created_by'] as const;

/** One CSV cell; text that a spreadsheet would run as a formula is prefixed with a quote. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ledgerCsv(rows: LedgerRow[]): string {
  const lines = rows.map((r) => CSV_COLUMNS.map((c) => cell(c === 'occurred_at' ? iso(r.occurred_at) : c === 'amount' || c === 'amount_campaign' ? Number(r[c]) : r[c])).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

function timeOf(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw badRequest('invalid_date', `${field} must be a date-time`, field);
  return t;
}

export async function supportLedgerRoutes(app: FastifyInstance, deps: AdminLedgerDeps): Promise<void> {
  const now = deps.now ?? Date.now;

  async function filtered(q: Static<typeof LedgerQuery>, max: number) {
    return deps.queries.list({
      siteId: q.site,
      campaignId: q.campaign,
      kind: q.kind as LedgerRow['kind'] | undefined,
      provider: q.provider,
      status: q.status,
      currency: q.currency?.toUpperCase(),
      from: timeOf(q.from, 'from'),
      to: timeOf(q.to, 'to'),
      q: q.q ? cleanText(q.q).trim() || undefined : undefined,
      before: q.cursor,
      limit: max,
    });
  }

  app.get('/api/v1/admin/support/ledger', { schema: { tags, summary: 'Ledger entries, newest first, with filters', querystring: LedgerQuery, response: errorResponses } }, async (request) => {
    const q = request.query as Static<typeof LedgerQuery>;
    await adminContext(deps, request, q.site);
    const limit = q.limit ?? 100;
    const rows = await filtered(q, limit + 1);
    return { entries: rows.slice(0, limit).map(entryView), nextCursor: rows.length > limit ? rows[limit - 1].id : null };
  });

  app.get('/api/v1/admin/support/ledger.csv', { schema: { tags, summary: 'The filtered ledger as CSV (up to 100,000 entries)', querystring: LedgerQuery, response: errorResponses } }, async (request, reply) => {
    const q = request.query as Static<typeof LedgerQuery>;
    await adminContext(deps, request, q.site);
    const csv = ledgerCsv(await filtered(q, 100_000));
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="ledger-${q.site.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`)
      .header('Cache-Control', 'private, no-store')
      .send(csv);
  });

  app.get('/api/v1/admin/support/totals/daily', { schema: { tags, summary: 'Counted amounts per UTC day, in the campaign currency', querystring: DailyQuery, response: errorResponses } }, async (request) => {
    const q = request.query as Static<typeof DailyQuery>;
    const campaign = await deps.campaigns.require(q.campaign);
    await adminContext(deps, request, campaign.site_id);
    return { currency: campaign.currency, days: await deps.queries.daily(campaign.id, timeOf(q.from, 'from'), timeOf(q.to, 'to')) };
  });

  app.post('/api/v1/admin/support/campaigns/:id/entries', { schema: { tags, summary: 'Record money received outside Stripe (bank transfer, cash, crypto) with a note; audited', params: CampaignParams, body: ManualEntryBody } }, async (request, reply) => {
    const campaign = await deps.campaigns.require((request.params as Static<typeof CampaignParams>).id);
    const { actor, site } = await adminContext(deps, request, campaign.site_id);
    const body = request.body as Static<typeof ManualEntryBody>;
    if (body.amount === 0) throw badRequest('invalid_amount', 'amount must not be zero', 'amount');
    const currency = currencyOf(body.currency);
    if (currency !== campaign.currency && !body.rate) throw badRequest('rate_required', `rate is required for an amount in ${currency}: the campaign counts in ${campaign.currency}`, 'rate');
    const note = requireText(body.note, { field: 'note', max: 1000, multiline: true });
    const name = optionalText(body.donorName, { field: 'donorName', max: 80 });
    const email = body.email ? cleanText(body.email).trim() || null : null;
    if (email && !EMAIL.test(email)) throw badRequest('invalid_email', 'email is not an e-mail address', 'email');
    const reference = body.reference ? requireText(body.reference, { field: 'reference', max: 120 }) : null;
    const occurredAt = timeOf(body.occurredAt, 'occurredAt') ?? now();
    const entry = await deps.ledger.transaction(async (tx) => {
      const row = await deps.ledger.payment(tx, {
        campaign,
        kind: 'manual',
        provider: body.method,
        providerId: reference ?? `manual:${newId()}`,
        refs: [],
        amount: body.amount,
        currency,
        converted: body.rate ? { rate: body.rate } : undefined,
        interval: 'once',
        donor: { name, anonymous: body.anonymous ?? !name, email },
        occurredAt,
        note,
        createdBy: actor,
      });
      if (!row) throw conflict('duplicate_entry', `An entry with reference "${reference}" is already in the ledger`, 'reference');
      await deps.store.audit({ id: newId(), site_id: site.id, actor, action: 'ledger.manual', target: row.id, detail: JSON.stringify({ amount: body.amount, currency, rate: body.rate ?? null, method: body.method, reference, donorName: name, note, occurredAt }), at: now() }, tx.trx);
      return row;
    });
    return reply.code(201).send({ entry: entryView(entry) });
  });

  app.get('/api/v1/admin/support/webhooks', { schema: { tags, summary: 'Stripe webhook status: configuration, last event, counts, recent failures, deferred events', querystring: SiteQuery, response: errorResponses } }, async (request) => {
    await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    const status = await deps.webhooks.status('stripe', now() - 86_400_000);
    return {
      configured: deps.stripe,
      lastEvent: status.last ? { id: status.last.id, type: status.last.type, status: status.last.status, detail: status.last.detail, receivedAt: iso(status.last.received_at) } : null,
      counts: Object.fromEntries(status.counts.map((c) => [c.status, Number(c.n)])),
      failures: { last24h: status.failuresSince, recent: status.recentFailures.map((f) => ({ reason: f.reason, at: iso(f.at) })) },
      deferred: status.deferred.map((d) => ({ id: d.id, type: d.type, waitingFor: d.ref, receivedAt: iso(d.received_at) })),
    };
  });

  app.get('/api/v1/admin/support/totals/verify', { schema: { tags, summary: 'Rebuild every campaign\u2019s totals from the ledger and compare with the cached ones', querystring: SiteQuery, response: errorResponses } }, async (request) => {
    await adminContext(deps, request, (request.query as Static<typeof SiteQuery>).site);
    return deps.ledger.verify();
  });
}
