// Spam: bait plus a way out of the page is spam; either alone is a reader talking.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runPipeline } from '../phase.ts';
import { textPhases } from '../index.ts';
import { DEFAULT_THRESHOLDS, defaultModerationSettings } from '../settings.ts';
import { score } from './index.ts';
import { assertAtLeast, assertBelow } from './test-helpers.ts';

const hold = DEFAULT_THRESHOLDS.spam.pending!;
const mark = DEFAULT_THRESHOLDS.spam.rejected!;

describe('scorer: spam', () => {
  test('bait with a link or contact is held, and with more of either marked as spam', () => {
    assertAtLeast('spam', hold, ['I earn $300 a day working from home, details at www.example-income.com']);
    assertAtLeast('spam', mark, [
      'Make money online from your phone! Message me on WhatsApp +44 7700 900999',
      'My uncle doubled his bitcoin with an investment manager, contact him on Telegram @coin_uncle',
      'Passive income, 100% legit, no experience needed: https://bit.ly/abc123',
    ]);
  });
  test('disguised bait and links still count', () => {
    assertAtLeast('spam', hold, [
      'w0rk fr0m h0me, earn $$$, DM me',
      'ｅａｒｎ ＄２００ ｄａｉｌｙ, link: tiny . cc/xyz',
      'v1agra no prescription at pills[.]shop',
    ]);
  });
  test('audience for sale, money claims and blog spam', () => {
    assertAtLeast('spam', hold, [
      '10k likes on any post for $9: https://example-boost.shop',
      'I earned £3,500 in my first month. Message me to find out how.',
      'Nice post! I wrote about the same thing on my blog, check it out: www.example-blog.net',
    ]);
    assertBelow('spam', hold, ['The MP has 50,000 followers, see https://www.example.org/profile', 'Great article, the figures are at https://www.ons.gov.uk/x']);
  });
  test('a link, a number or a messaging app alone is not spam', () => {
    assertBelow('spam', hold, [
      'Source: https://www.ons.gov.uk/economy and the table at https://www.ons.gov.uk/economy',
      'Sign up for the consultation at https://council.example.gov.uk/consult',
      'The Samaritans are on 116 123, day or night.',
      'The school sends everything by WhatsApp now.',
      '@Margaret I agree, the hedges were lovely.',
      'Call the council on 01632 960000 to report a pothole.',
    ]);
  });
  test('talk about scams and working from home is not spam', () => {
    assertBelow('spam', hold, [
      'The scam promised people they could earn $500 a day from home. Do not fall for it.',
      'Working from home has been good for my team, see https://www.example.org/survey for the survey.',
      'Bitcoin fell 5% today after the regulator warned investors.',
      'People who invested in crypto lost their savings when the exchange collapsed, the inquiry heard.',
    ]);
  });
  test('every point traces to a reason with a span', () => {
    const text = 'Earn $500 a day from home! Visit https://bit.ly/x or WhatsApp +44 7700 900123';
    const result = score(text);
    const reasons = result.reasons.filter((r) => r.category === 'spam');
    assert.ok(reasons.length >= 2);
    const sum = reasons.reduce((s, r) => s + r.points, 0);
    assert.equal(result.score.spam, Math.round(Math.min(1, sum) * 1000) / 1000);
    for (const r of reasons) assert.ok(r.span[1] > r.span[0] && text.slice(...r.span).trim().length > 0, r.rule);
  });
  test('the pipeline marks it as spam, and an abusive rejection wins over spam', async () => {
    const ctx = { settings: defaultModerationSettings, siteId: 'spam-test' };
    const marked = await runPipeline(textPhases, { text: 'Earn $500 a day from home! Visit https://bit.ly/x' }, ctx);
    assert.equal(marked.status, 'spam');
    assert.ok(marked.reasons.some((r) => r.rule === 'scorer.threshold' && r.category === 'spam' && r.detail?.includes('spam threshold')));
    const both = await runPipeline(textPhases, { text: 'I will kill you. Earn $500 a day from home! Visit https://bit.ly/x' }, ctx);
    assert.equal(both.status, 'rejected');
  });
});
