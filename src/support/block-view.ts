// The "Support us" block as server-rendered HTML. It needs no JavaScript: the card option is
// a plain form that POSTs to /support/checkout, which redirects to Stripe Checkout. support.js
// inserts the same fragment when a page asks for the block.
import QRCode from 'qrcode';
import { html, raw, type Raw } from '../platform/html.ts';
import type { CampaignView } from './bar-view.ts';
import { formatMoney } from './format.ts';
import { safeLink, type SupportSettings } from './settings.ts';
import { blockStrings as s } from './strings.ts';

export const BLOCK_CSS =
  '.cq-support{font:15px/1.5 var(--colloquy-font,system-ui,sans-serif);border:1px solid #8884;border-radius:var(--colloquy-radius,8px);padding:1rem 1.2rem;margin:1rem 0}' +
  '.cq-support h2{font-size:1.15em;margin:0 0 .4rem}.cq-support h3{font-size:1em;margin:1rem 0 .3rem}' +
  '.cq-support fieldset{border:0;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.4rem}' +
  '.cq-support legend{font-weight:600;padding:0;margin-bottom:.2rem}' +
  '.cq-support .cq-amount{border:1px solid #8886;border-radius:2rem;padding:.2rem .8rem;cursor:pointer}' +
  '.cq-support .cq-amount:has(input:checked){border-color:var(--colloquy-accent,#2f6fde);outline:1px solid var(--colloquy-accent,#2f6fde)}' +
  '.cq-support label{display:block;margin:.35rem 0}.cq-support .cq-amount{display:inline-block;margin:0}' +
  '.cq-support input[type=text],.cq-support input[type=email]{font:inherit;padding:.25rem .4rem;max-width:100%}' +
  '.cq-support button{font:inherit;font-weight:600;color:#fff;background:var(--colloquy-accent,#2f6fde);border:0;border-radius:2rem;padding:.45rem 1.2rem;cursor:pointer;margin-top:.4rem}' +
  '.cq-support ul{margin:.2rem 0;padding-left:1.2rem}.cq-crypto{display:flex;gap:1rem;align-items:center;margin:.4rem 0}' +
  '.cq-crypto svg{width:120px;height:120px;flex:none;background:#fff}.cq-crypto code{word-break:break-all;font-size:13px}';

const qrCache = new Map<string, string>();

/** A QR code as inline SVG, made here: no third-party service sees the address. */
export async function qrSvg(text: string): Promise<string> {
  let svg = qrCache.get(text);
  if (!svg) {
    svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    if (qrCache.size > 500) qrCache.clear();
    qrCache.set(text, svg);
  }
  return svg;
}

export interface BlockInput {
  siteId: string;
  siteName: string;
  settings: SupportSettings;
  campaign: CampaignView | null;
  /** Card payment possible: Stripe configured, the block allows it, a campaign takes money. */
  card: boolean;
  /** Absolute base of this server, for the form's action. */
  base: string;
  locale: string;
}

function cardForm(b: BlockInput, c: CampaignView): Raw {
  const money = (minor: number) => formatMoney(minor, c.currency, b.locale);
  const choice = (interval: 'once' | 'month', amount: number, first: boolean) =>
    html`<label class="cq-amount"><input type="radio" name="choice" value="${interval}:${amount}" ${first ? raw('checked') : ''}> ${interval === 'month' ? s.perMonth(money(amount)) : money(amount)}</label>`;
  const { once, month } = b.settings.amounts;
  return html`<form class="cq-give" method="post" action="${b.base}/support/checkout" target="_top">
<input type="hidden" name="site" value="${b.siteId}"><input type="hidden" name="campaign" value="${c.id}"><input type="hidden" name="currency" value="${c.currency}">
${once.length ? html`<fieldset><legend>${s.once}</legend>${once.map((a, i) => choice('once', a, i === 0))}</fieldset>` : ''}
${month.length ? html`<fieldset><legend>${s.month}</legend>${month.map((a, i) => choice('month', a, !once.length && i === 0))}</fieldset>` : ''}
<label>${s.otherAmount} (${c.currency}) <input type="text" name="other" inputmode="decimal" size="8" autocomplete="off">
<select name="otherInterval" aria-label="${s.month}"><option value="once">${s.once}</option><option value="month">${s.month}</option></select></label>
<label>${s.yourName} <input type="text" name="name" maxlength="80" autocomplete="name"></label>
<label><input type="checkbox" name="anonymous" value="true" checked> ${s.anonymous}</label>
<label>${s.email} <input type="email" name="email" maxlength="254" autocomplete="email"></label>
<button type="submit">${s.payByCard}</button>
</form>`;
}

export async function blockHtml(b: BlockInput): Promise<string> {
  const links = b.settings.links.filter((l) => safeLink(l.url));
  const crypto = await Promise.all(b.settings.crypto.map(async (c) => ({ ...c, svg: await qrSvg(c.uri || c.address) })));
  const section = html`<section class="cq-support" aria-labelledby="cq-support-${b.siteId}">
<h2 id="cq-support-${b.siteId}">${s.supportHeading(b.siteName)}</h2>
<p>${b.settings.text}</p>
${b.card && b.campaign ? cardForm(b, b.campaign) : ''}
${links.length ? html`<h3>${s.otherWays}</h3><ul>${links.map((l) => html`<li><a href="${l.url}" rel="noopener noreferrer" target="_blank">${l.label}</a></li>`)}</ul>` : ''}
${crypto.length ? html`<h3>${s.crypto}</h3>${crypto.map((c) => html`<figure class="cq-crypto"><span role="img" aria-label="${s.cryptoQr(c.label)}">${raw(c.svg)}</span><figcaption><strong>${c.label}</strong><br><code>${c.address}</code></figcaption></figure>`)}` : ''}
</section>`;
  return section.html;
}
