// Money and the bar's figures as readers in several locales see them: symbol before or after,
// group separators (including the Indian lakh grouping), currencies without minor units,
// percentages past 100, days left, and the bar's accessible markup.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barHtml, type CampaignView } from './bar-view.ts';
import { automaticTicks } from './campaigns.ts';
import { daysLeft, formatMoney, minorDigits, percentOf, safeLocale } from './format.ts';
import { convertAmount } from './ledger.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('money by locale', () => {
  it('formats dollars for en-US, de-DE, fr-FR, ja-JP and en-IN', () => {
    assert.equal(formatMoney(89_500, 'USD', 'en-US'), '$895');
    assert.equal(formatMoney(500_000, 'USD', 'en-US'), '$5,000');
    assert.equal(formatMoney(89_500, 'USD', 'de-DE'), `895${NBSP}$`);
    assert.equal(formatMoney(500_000, 'USD', 'fr-FR'), `5${NNBSP}000${NBSP}$US`);
    assert.equal(formatMoney(500_000, 'USD', 'ja-JP'), '$5,000');
    assert.equal(formatMoney(500_000, 'USD', 'en-IN'), '$5,000');
  });

  it('puts the symbol and separators where each locale does for its own currency', () => {
    assert.equal(formatMoney(123_450, 'EUR', 'de-DE'), `1.234,50${NBSP}€`);
    assert.equal(formatMoney(500_000, 'EUR', 'fr-FR'), `5${NNBSP}000${NBSP}€`);
    assert.equal(formatMoney(50_000_000, 'INR', 'en-IN'), '₹5,00,000');
    assert.equal(formatMoney(500_000, 'JPY', 'ja-JP'), '￥500,000');
  });

  it('knows which currencies have cents: JPY has none, KWD has three decimals', () => {
    assert.deepEqual([minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')], [2, 0, 3]);
    assert.equal(formatMoney(1999, 'USD', 'en-US'), '$19.99');
    assert.equal(formatMoney(1999, 'JPY', 'en-US'), '¥1,999');
  });

  it('converts between currencies of different minor units at a supplied rate', () => {
    assert.equal(convertAmount(9000, 'EUR', '1.08', 'USD'), 9720);
    assert.equal(convertAmount(1000, 'JPY', '0.0067', 'USD'), 670);
    assert.equal(convertAmount(670, 'USD', '149.25', 'JPY'), 1000);
  });

  it('falls back to a locale Intl knows', () => {
    assert.equal(safeLocale('not a locale!'), 'en');
    assert.equal(safeLocale(undefined), 'en');
    assert.equal(safeLocale('de-DE'), 'de-DE');
  });
});

describe('bar figures', () => {
  it('floors the percentage and lets it pass 100', () => {
    assert.equal(percentOf(89_500, 500_000), 17);
    assert.equal(percentOf(560_000, 500_000), 112);
    assert.equal(percentOf(-100, 500_000), 0);
  });

  it('counts days left by started day, 0 once ended, none without an end', () => {
    const now = Date.UTC(2025, 0, 1, 12);
    assert.equal(daysLeft(now + 86_400_000 * 3, now), 3);
    assert.equal(daysLeft(now + 1000, now), 1);
    assert.equal(daysLeft(now - 1000, now), 0);
    assert.equal(daysLeft(null, now), null);
  });

  it('chooses 0, half and the goal as automatic ticks, in whole units', () => {
    assert.deepEqual(automaticTicks(500_000, 'USD'), [0, 250_000, 500_000]);
    assert.deepEqual(automaticTicks(100_050, 'USD'), [0, 50_000, 100_050]);
    assert.deepEqual(automaticTicks(999, 'JPY'), [0, 500, 999]);
  });
});

describe('the bar markup', () => {
  const now = Date.UTC(2025, 0, 1);
  const campaign: CampaignView = {
    id: 'c1',
    title: 'Keep <local> news "independent"',
    currency: 'USD',
    goal: 500_000,
    raised: 560_000,
    donors: 1,
    donorGoal: null,
    ticks: [0, 250_000, 500_000],
    percent: 112,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 86_400_000 * 12).toISOString(),
  };

  it('is a progressbar with min, max, a capped value and a text saying the whole truth', () => {
    const markup = barHtml(campaign, 'en-US', now);
    assert.match(markup, /role="progressbar"/);
    assert.match(markup, /aria-valuemin="0" aria-valuemax="5000" aria-valuenow="5000"/);
    assert.match(markup, /aria-valuetext="\$5,600 raised of \$5,000 goal \(112%\)"/);
    assert.match(markup, /style="width:100%"/);
    assert.match(markup, />\$0<.*>\$2,500<.*>\$5,000</);
    assert.match(markup, /1 donor</);
    assert.match(markup, /12 days left/);
  });

  it('escapes what staff typed', () => {
    const markup = barHtml(campaign, 'en-US', now);
    assert.ok(!markup.includes('<local>'));
    assert.match(markup, /Keep &lt;local&gt; news &quot;independent&quot;/);
  });

  it('formats every figure in the reader\u2019s locale', () => {
    const markup = barHtml({ ...campaign, raised: 89_500, donors: 1234 }, 'de-DE', now);
    assert.match(markup, new RegExp(`895${NBSP}\\$`));
    assert.match(markup, new RegExp(`2\\.500${NBSP}\\$`));
    assert.match(markup, /1\.234 donors/);
    assert.match(markup, new RegExp(`17${NBSP}%`));
  });

  it('says when the campaign has ended', () => {
    assert.match(barHtml(campaign, 'en-US', now + 86_400_000 * 30), /Campaign ended/);
  });
});
