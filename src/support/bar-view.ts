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

/**
 * An element as data: tag, attributes, children (strings are text). The bar is built once as
 * this tree and then written out two ways: HTML for the server and support.js (barHtml), DOM
 * nodes made with createElement and text nodes for the widget and the console (web/support/dom.ts).
 */
export type BarNode = string | { tag: string; attrs: Record<string, string>; children: BarNode[] };

const h = (tag: string, attrs: Record<string, string>, ...children: BarNode[]): BarNode => ({ tag, attrs, children });

/** The bar for a campaign, in a locale, at a time (for days left). */
export function barTree(c: CampaignView, locale: string, now: number): BarNode {
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
    h('span', {}, h('strong', {}, raised), ` ${s.raisedOf(goal)}`),
    h('span', {}, percentText),
    h('span', {}, c.donorGoal ? s.donorsOf(formatCount(c.donors, locale), formatCount(c.donorGoal, locale)) : s.donors(c.donors, formatCount(c.donors, locale))),
  ];
  if (days !== null) figures.push(h('span', {}, days > 0 ? s.daysLeft(days, formatCount(days, locale)) : s.ended));
  const track = {
    class: 'cq-track',
    role: 'progressbar',
    'aria-label': c.title,
    'aria-valuemin': '0',
    'aria-valuemax': String(c.goal / scale),
    'aria-valuenow': String(Math.min(c.raised, c.goal) / scale),
    'aria-valuetext': s.progress(raised, goal, percentText),
  };
  return h(
    'div',
    { class: 'cq-bar', 'data-campaign': c.id },
    h('p', { class: 'cq-title' }, c.title),
    h('div', track, h('div', { class: 'cq-fill', style: `width:${pos(c.raised)}%` }), ...marks.map((t) => h('span', { class: 'cq-mark', style: `left:${pos(t)}%` }))),
    h('div', { class: 'cq-ticks', 'aria-hidden': 'true' }, ...c.ticks.map((t) => h('span', { style: `left:${pos(t)}%` }, money(t)))),
    h('p', { class: 'cq-figures' }, ...figures),
  );
}

/** A tree as HTML, every text and attribute escaped. */
export function toHtml(node: BarNode): string {
  if (typeof node === 'string') return esc(node);
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}

/** The bar's markup for a campaign, in a locale, at a time (for days left). */
export function barHtml(c: CampaignView, locale: string, now: number): string {
  return toHtml(barTree(c, locale, now));
}
