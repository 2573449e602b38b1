// The campaign editor's draft (what the inputs hold, as text) and the API fields it stands
// for. Pure, so the rules are tested without a browser.
import { dayOf, startOfDay, toMajor, toMinor } from './money.ts';
import type { Campaign, CampaignFields } from './types.ts';

export interface Draft {
  title: string;
  currency: string;
  goal: string;
  donorGoal: string;
  /** auto: 0, half and the goal (the server's default); chosen: the amounts in `ticks`. */
  ticksMode: 'auto' | 'chosen';
  ticks: string;
  thankYou: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
}

export const EMPTY_DRAFT: Draft = { title: '', currency: 'USD', goal: '', donorGoal: '', ticksMode: 'auto', ticks: '', thankYou: '', startsAt: '', endsAt: '', active: true };

export function draftOf(c: Campaign): Draft {
  return {
    title: c.title,
    currency: c.currency,
    goal: toMajor(c.goal, c.currency),
    donorGoal: c.donorGoal === null ? '' : String(c.donorGoal),
    ticksMode: 'chosen',
    ticks: c.ticks.map((t) => toMajor(t, c.currency)).join(', '),
    thankYou: c.thankYou,
    startsAt: dayOf(c.startsAt),
    endsAt: dayOf(c.endsAt),
    active: c.status === 'active',
  };
}

export type Parsed = { fields: CampaignFields } | { field: keyof CampaignFields; problem: 'amount' | 'count' };

/** The draft as API fields, or the first input that is not a number of the right kind. */
export function fieldsOf(d: Draft): Parsed {
  const currency = d.currency.trim().toUpperCase();
  const goal = toMinor(d.goal, currency);
  if (goal === null || goal <= 0) return { field: 'goal', problem: 'amount' };
  const donorGoal = d.donorGoal.trim() ? Number(d.donorGoal) : null;
  if (donorGoal !== null && !(Number.isInteger(donorGoal) && donorGoal > 0)) return { field: 'donorGoal', problem: 'count' };
  let ticks: number[] | null = null;
  if (d.ticksMode === 'chosen') {
    const parts = d.ticks.split(/;|,\s+|\s+/).filter(Boolean).map((p) => toMinor(p, currency));
    if (!parts.length || parts.some((t) => t === null || t < 0)) return { field: 'ticks', problem: 'amount' };
    ticks = parts as number[];
  }
  return {
    fields: {
      title: d.title.trim(),
      currency,
      goal,
      donorGoal,
      ticks,
      thankYou: d.thankYou,
      startsAt: startOfDay(d.startsAt),
      endsAt: startOfDay(d.endsAt) ?? null,
      status: d.active ? 'active' : 'archived',
    },
  };
}
