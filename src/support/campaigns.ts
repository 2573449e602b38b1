// Campaigns: creation and edits with their rules, the automatic ticks, the public view with
// totals, and a small cache of that view keyed by the support version (so a ledger change on
// any node is seen at once by every node, with no invalidation message to lose).
import { createHash } from 'node:crypto';
import { badRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { CampaignView } from './bar-view.ts';
import type { CampaignPatch, CampaignRow, CampaignStore } from './campaign-store.ts';
import { minorDigits } from './format.ts';

export interface CampaignInput {
  site: string;
  title: string;
  currency: string;
  goal: number;
  donorGoal?: number | null;
  ticks?: number[] | null;
  thankYou?: string;
  startsAt?: string;
  endsAt?: string | null;
  status?: 'active' | 'archived';
  /** Archive the site's other active campaigns (the default: one active campaign per site). */
  exclusive?: boolean;
}

export type CampaignChange = Partial<Omit<CampaignInput, 'site'>>;

/** 0, half the goal and the goal, halves rounded to a whole unit of the currency. */
export function automaticTicks(goal: number, currency: string): number[] {
  const unit = 10 ** minorDigits(currency);
  return [0, Math.round(goal / 2 / unit) * unit, goal];
}

export function currencyOf(code: string, field = 'currency'): string {
  const upper = code.toUpperCase();
  try {
    if (/^[A-Z]{3}$/.test(upper) && Intl.supportedValuesOf('currency').includes(upper)) return upper;
  } catch {
    // fall through
  }
  throw badRequest('invalid_currency', `${field} must be an ISO 4217 currency code`, field);
}

function time(value: string, field: string): number {
  const t = Date.parse(value);
  if (!Number.isFinite(t)) throw badRequest('invalid_date', `${field} must be a date-time`, field);
  return t;
}

function ticksOf(ticks: number[], goal: number): string {
  if (ticks.some((t) => t > goal)) throw badRequest('invalid_ticks', 'ticks must lie between 0 and the goal', 'ticks');
  return JSON.stringify([...new Set(ticks)].sort((a, b) => a - b));
}

export function toView(row: CampaignRow, totals: { raised: number; donors: number } | undefined): CampaignView {
  const goal = Number(row.goal);
  const raised = Number(totals?.raised ?? 0);
  return {
    id: row.id,
    title: row.title,
    currency: row.currency,
    goal,
    raised,
    donors: Number(totals?.donors ?? 0),
    donorGoal: row.donor_goal,
    ticks: row.ticks ? (JSON.parse(row.ticks) as number[]) : automaticTicks(goal, row.currency),
    percent: goal > 0 ? Math.floor((raised * 100) / goal) : 0,
    startsAt: new Date(Number(row.starts_at)).toISOString(),
    endsAt: row.ends_at === null ? null : new Date(Number(row.ends_at)).toISOString(),
  };
}

/** `changed` hears of every created or edited campaign, by site (live goal bars). */
export function createCampaigns(store: CampaignStore, now: () => number = Date.now, changed: (siteId: string) => void = () => {}) {
  // Per site: the view at a support version, with its JSON body and ETag made once. Entries
  // also expire, since time moves the current campaign (a start date passes) without a write.
  type Entry = { version: number; until: number; view: CampaignView | null; json?: { body: Buffer; etag: string } };
  const cache = new Map<string, Entry>();

  async function view(row: CampaignRow): Promise<CampaignView> {
    return toView(row, await store.totals(row.id));
  }

  async function entry(siteId: string): Promise<Entry> {
    const version = await store.version();
    const hit = cache.get(siteId);
    if (hit && hit.version === version && hit.until > now()) return hit;
    const row = await store.current(siteId, now());
    const fresh: Entry = { version, until: now() + 60_000, view: row ? await view(row) : null };
    if (cache.size > 10_000) cache.clear();
    cache.set(siteId, fresh);
    return fresh;
  }

  return {
    /** The site's current campaign with its totals, or null. One version lookup when cached. */
    async current(siteId: string): Promise<CampaignView | null> {
      return (await entry(siteId)).view;
    },

    /** The same, pre-serialised for the public API, with its ETag. */
    async currentJson(siteId: string): Promise<{ body: Buffer; etag: string } | null> {
      const hit = await entry(siteId);
      if (!hit.view) return null;
      if (!hit.json) {
        const body = Buffer.from(JSON.stringify(hit.view));
        hit.json = { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
      }
      return hit.json;
    },

    async require(id: string, siteId?: string): Promise<CampaignRow> {
      const row = await store.find(id);
      if (!row || (siteId !== undefined && row.site_id !== siteId)) throw notFound('campaign_not_found', `Unknown campaign "${id}"`);
      return row;
    },

    view,

    /** The view of unsaved fields (the editor's preview), with the current campaign's totals for realism. */
    draft(input: CampaignInput, current: CampaignView | null): CampaignView {
      const currency = currencyOf(input.currency);
      const startsAt = input.startsAt ? time(input.startsAt, 'startsAt') : now();
      const endsAt = input.endsAt ? time(input.endsAt, 'endsAt') : null;
      const same = current?.currency === currency;
      const row: CampaignRow = {
        id: 'preview',
        site_id: input.site,
        title: input.title,
        currency,
        goal: input.goal,
        donor_goal: input.donorGoal ?? null,
        ticks: input.ticks ? ticksOf(input.ticks, input.goal) : null,
        thank_you: input.thankYou ?? '',
        status: 'active',
        starts_at: startsAt,
        ends_at: endsAt,
        created_at: startsAt,
        updated_at: startsAt,
      };
      return toView(row, same ? { raised: current.raised, donors: current.donors } : undefined);
    },

    async list(siteId: string): Promise<CampaignView[]> {
      return Promise.all((await store.list(siteId)).map(async (row) => ({ ...(await view(row)), status: row.status, thankYou: row.thank_you })));
    },

    async create(input: CampaignInput, id = newId(now())): Promise<CampaignRow> {
      const at = now();
      const startsAt = input.startsAt ? time(input.startsAt, 'startsAt') : at;
      const endsAt = input.endsAt ? time(input.endsAt, 'endsAt') : null;
      if (endsAt !== null && endsAt <= startsAt) throw badRequest('invalid_dates', 'endsAt must come after startsAt', 'endsAt');
      const row: CampaignRow = {
        id,
        site_id: input.site,
        title: input.title,
        currency: currencyOf(input.currency),
        goal: input.goal,
        donor_goal: input.donorGoal ?? null,
        ticks: input.ticks ? ticksOf(input.ticks, input.goal) : null,
        thank_you: input.thankYou ?? '',
        status: input.status ?? 'active',
        starts_at: startsAt,
        ends_at: endsAt,
        created_at: at,
        updated_at: at,
      };
      await store.insert(row, input.exclusive ?? true);
      changed(row.site_id);
      return row;
    },

    async update(row: CampaignRow, change: CampaignChange): Promise<CampaignRow> {
      const at = now();
      const patch: CampaignPatch = { updated_at: at };
      if (change.title !== undefined) patch.title = change.title;
      if (change.currency !== undefined) {
        const currency = currencyOf(change.currency);
        if (currency !== row.currency && (await store.totals(row.id))?.entries) {
          throw badRequest('currency_locked', 'The currency of a campaign with ledger entries cannot change', 'currency');
        }
        patch.currency = currency;
      }
      if (change.goal !== undefined) patch.goal = change.goal;
      if (change.donorGoal !== undefined) patch.donor_goal = change.donorGoal;
      if (change.thankYou !== undefined) patch.thank_you = change.thankYou;
      if (change.status !== undefined) patch.status = change.status;
      if (change.startsAt !== undefined) patch.starts_at = time(change.startsAt, 'startsAt');
      if (change.endsAt !== undefined) patch.ends_at = change.endsAt === null ? null : time(change.endsAt, 'endsAt');
      const goal = patch.goal ?? Number(row.goal);
      if (change.ticks !== undefined) patch.ticks = change.ticks === null ? null : ticksOf(change.ticks, goal);
      else if (row.ticks && patch.goal !== undefined) patch.ticks = ticksOf((JSON.parse(row.ticks) as number[]).filter((t) => t <= goal), goal);
      const starts = patch.starts_at ?? Number(row.starts_at);
      const ends = patch.ends_at === undefined ? row.ends_at : patch.ends_at;
      if (ends !== null && ends <= starts) throw badRequest('invalid_dates', 'endsAt must come after startsAt', 'endsAt');
      await store.update(row.id, row.site_id, patch, change.exclusive ?? true);
      changed(row.site_id);
      return { ...row, ...patch };
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
