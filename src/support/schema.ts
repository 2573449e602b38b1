// Request and response schemas of the support routes: validation and the OpenAPI document.
import { Type } from 'typebox';

const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});
export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };

// Same rule as the comments API: no control characters (PostgreSQL refuses NUL in text).
export const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$', description: 'Site id' });
export const CampaignId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: 'Campaign id' });
const Currency = Type.String({ minLength: 3, maxLength: 3, pattern: '^[A-Za-z]{3}$', description: 'ISO 4217 code' });
const Minor = (description: string) => Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description });
const DateTime = Type.String({ maxLength: 40, description: 'ISO 8601 date-time' });

export const SiteQuery = Type.Object({ site: SiteId });
export const CampaignParams = Type.Object({ id: CampaignId });
export const EmbedQuery = Type.Object({
  site: SiteId,
  locale: Type.Optional(Type.String({ maxLength: 35, pattern: '^[A-Za-z0-9-]+$' })),
});

export const Campaign = Type.Object({
  id: Type.String(),
  title: Type.String(),
  currency: Type.String(),
  goal: Type.Integer({ description: 'Minor units' }),
  raised: Type.Integer({ description: 'Minor units, refunds and chargebacks deducted' }),
  donors: Type.Integer(),
  donorGoal: Type.Union([Type.Integer(), Type.Null()]),
  ticks: Type.Array(Type.Integer(), { description: 'Minor units' }),
  percent: Type.Integer({ description: 'Whole percent of the goal; may pass 100' }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CheckoutBody = Type.Object({
  site: SiteId,
  campaign: CampaignId,
  amount: Minor('Minor units of currency'),
  currency: Currency,
  interval: Type.Union([Type.Literal('once'), Type.Literal('month')]),
  name: Type.Optional(Type.String({ maxLength: 160 })),
  anonymous: Type.Optional(Type.Boolean({ default: true })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  returnUrl: Type.Optional(Type.String({ maxLength: 2048, description: 'Page to return to; its origin must be one the site allows' })),
});

export const CampaignBody = Type.Object({
  site: SiteId,
  title: Type.String({ minLength: 1, maxLength: 240 }),
  currency: Currency,
  goal: Minor('Goal in minor units'),
  donorGoal: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000_000 }), Type.Null()])),
  ticks: Type.Optional(Type.Union([Type.Array(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }), { maxItems: 12 }), Type.Null()], { description: 'Minor units; null or absent: automatic' })),
  thankYou: Type.Optional(Type.String({ maxLength: 4000 })),
  startsAt: Type.Optional(DateTime),
  endsAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
  exclusive: Type.Optional(Type.Boolean({ description: 'Archive the site\u2019s other active campaigns (default true)' })),
});

export const CampaignPatchBody = Type.Partial(Type.Omit(CampaignBody, ['site']));

export const ManualEntryBody = Type.Object({
  amount: Type.Integer({ minimum: -1_000_000_000_000, maximum: 1_000_000_000_000, description: 'Minor units of currency; negative to correct or return money' }),
  currency: Currency,
  rate: Type.Optional(Type.String({ maxLength: 24, pattern: '^[0-9]{1,9}(\\.[0-9]{1,12})?$', description: 'Campaign-currency units per unit of currency, when they differ' })),
  method: Type.Union([Type.Literal('bank_transfer'), Type.Literal('cash'), Type.Literal('crypto'), Type.Literal('cheque'), Type.Literal('other')]),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'The bank or chain reference: entering it twice is refused' })),
  donorName: Type.Optional(Type.String({ maxLength: 160 })),
  anonymous: Type.Optional(Type.Boolean({ default: true })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  note: Type.String({ minLength: 1, maxLength: 2000 }),
  occurredAt: Type.Optional(DateTime),
});

export const LedgerQuery = Type.Object({
  site: SiteId,
  campaign: Type.Optional(CampaignId),
  kind: Type.Optional(Type.Union(['donation', 'refund', 'chargeback', 'chargeback_reversal', 'manual'].map((k) => Type.Literal(k)))),
  provider: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z_]+$' })),
  status: Type.Optional(Type.Union([Type.Literal('counted'), Type.Literal('unconverted')])),
  currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'The gift\u2019s currency (ISO 4217)' })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  q: Type.Optional(Type.String({ maxLength: 120, description: 'Part of a donor name, e-mail, reference or note' })),
  cursor: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9A-Z]+$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const DailyQuery = Type.Object({ campaign: CampaignId, from: Type.Optional(DateTime), to: Type.Optional(DateTime) });
