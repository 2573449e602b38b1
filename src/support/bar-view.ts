// The goal bar as HTML: one template for the server-rendered bar (no JavaScript) and for
// support.js, which renders the same markup into a shadow root and refreshes it.
import { daysLeft, formatCount, formatMoney, minorDigits, percentOf } from './format.ts';
import { barStrings as s } from './strings.ts';

/** The public shape of GET /api/v1/campaigns/current (amounts in minor units). */
export interface CampaignView {
  id: string;
  title: string;
  currency: string;
  goal: number;
  raised: number;
  donors: number;
  donorGoal: number | null;
  ticks: number[];
  percent: number;
  startsAt: string;
  endsAt: string | null;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (v: string | number) => String(v).replace(/[&<>"']/g, (c) => ESC[c]);

export const BAR_CSS =
  '.cq-bar{font:15px/1.4 var(--colloquy-font,system-ui,sans-serif);color:inherit;margin:1rem 0}' +
  '.cq-title{font-weight:600;margin:0 0 .4rem}' +
  '.cq-track{position:relative;height:.9rem;border-radius:1rem;background:var(--colloquy-track,#8883);overflow:hidden}' +
  '.cq-fill{height:100%;background:var(--colloquy-accent,#2f6fde);border-radius:1rem}' +
  '.cq-mark{position:absolute;top:0;bottom:0;width:1px;background:#0004}' +
  '.cq-ticks{position:relative;height:1.3rem;font-size:12px;opacity:.75}' +
  '.cq-ticks span{position:absolute;transform:translateX(-50%);white-space:nowrap}' +
  '.cq-ticks span:first-child{transform:none}.cq-ticks span:last-child{transform:translateX(-100%)}' +
  '.cq-figures{margin:.2rem 0 0}.cq-figures span+span:before{content:" · "}';

/** The bar's markup for a campaign, in a locale, at a time (for days left). */
export function barHtml(c: CampaignView, locale: string, now: number): string {
  const money = (minor: number) => formatMoney(minor, c.currency, locale);
  const scale = 10 ** minorDigits(c.currency);
  const percent = percentOf(c.raised, c.goal);
  const percentText = new Intl.NumberFormat(locale, { style: 'percent' }).format(percent / 100);
  const raised = money(c.raised);
  const goal = money(c.goal);
  const pos = (minor: number) => Math.min(100, Math.max(0, (minor * 100) / c.goal));
  const marks = c.ticks.filter((t) => t > 0 && t < c.goal);
  const ends = c.endsAt === null ? null : Date.parse(c.endsAt);
  const days = daysLeft(ends, now);
  const figures = [
    `<span><strong>${esc(raised)}</strong> ${esc(s.raisedOf(goal))}</span>`,
    `<span>${esc(percentText)}</span>`,
    `<span>${esc(c.donorGoal ? s.donorsOf(formatCount(c.donors, locale), formatCount(c.donorGoal, locale)) : s.donors(c.donors, formatCount(c.donors, locale)))}</span>`,
  ];
  if (days !== null) figures.push(`<span>${esc(days > 0 ? s.daysLeft(days, formatCount(days, locale)) : s.ended)}</span>`);
  return (
    `<div class="cq-bar" data-campaign="${esc(c.id)}">` +
    `<p class="cq-title">${esc(c.title)}</p>` +
    `<div class="cq-track" role="progressbar" aria-label="${esc(c.title)}" aria-valuemin="0" aria-valuemax="${c.goal / scale}" ` +
    `aria-valuenow="${Math.min(c.raised, c.goal) / scale}" aria-valuetext="${esc(s.progress(raised, goal, percentText))}">` +
    `<div class="cq-fill" style="width:${pos(c.raised)}%"></div>` +
    marks.map((t) => `<span class="cq-mark" style="left:${pos(t)}%"></span>`).join('') +
    `</div><div class="cq-ticks" aria-hidden="true">` +
    c.ticks.map((t) => `<span style="left:${pos(t)}%">${esc(money(t))}</span>`).join('') +
    `</div><p class="cq-figures">${figures.join('')}</p></div>`
  );
}
