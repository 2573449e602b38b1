// Shouting, repetition, and the scorer's promise: every point traces to a reason.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileTerms } from '../terms.ts';
import { fold } from '../normalize.ts';
import { SCORE_CATEGORIES } from '../settings.ts';
import { score } from './index.ts';
import { scoreOf } from './test-helpers.ts';

describe('scorer: shouting', () => {
  const shout = 'THIS IS AN ABSOLUTE DISGRACE AND EVERY SINGLE PERSON RESPONSIBLE FOR IT SHOULD BE ASHAMED OF THEMSELVES';
  test('long text in capitals scores by length', () => {
    assert.ok(scoreOf(shout, 'shouting') > 0.7);
    assert.ok(scoreOf(`${shout} ${shout}`, 'shouting') >= 0.9);
  });
  test('short emphasis and acronyms do not', () => {
    assert.equal(scoreOf('STOP THIS NOW', 'shouting'), 0);
    assert.equal(scoreOf('The NHS and the BBC are both under pressure from the DWP and HMRC today.', 'shouting'), 0);
  });
  test('capitals of any script count; scripts without case are neither', () => {
    const russian = 'ЭТО ПОЗОР ДЛЯ ВСЕГО ГОРОДА И ДЛЯ КАЖДОГО ЧИНОВНИКА В НЁМ';
    assert.ok(scoreOf(russian, 'shouting') > 0.2);
    assert.equal(scoreOf(russian.toLowerCase(), 'shouting'), 0);
    assert.equal(scoreOf(`这篇文章写得很好，我完全同意作者的观点。 ${'STOP THIS NOW'}`, 'shouting'), 0);
  });
});

describe('scorer: repetition', () => {
  test('the same word over and over', () => assert.ok(scoreOf('spam spam spam spam spam spam spam spam spam', 'repetition') >= 0.8));
  test('a character held down', () => assert.ok(scoreOf('nooooooooooooooooo!!!!!!!!!!!!!!', 'repetition') >= 0.4));
  test('the same line pasted again', () => {
    const pasted = Array.from({ length: 6 }, () => 'Visit my site for cheap watches').join('\n');
    assert.ok(scoreOf(pasted, 'repetition') >= 0.8);
  });
  test('pasted lines count whatever their case and surrounding spaces; lines that only share a length do not', () => {
    const [line] = score('Buy cheap watches now\n  BUY CHEAP WATCHES NOW \n\nbuy cheap watches now').reasons.filter((r) => r.rule === 'repetition.line');
    assert.deepEqual(line?.span, [0, 21]);
    assert.equal(line?.detail, 'the same line 3 times');
    assert.equal(score('Buy cheap watches now\nthe council met today\nread the minutes here').reasons.some((r) => r.rule === 'repetition.line'), false);
  });
  test('ordinary text does not repeat', () => {
    assert.equal(scoreOf('I really, really think this is a very very good idea. Great article!!!', 'repetition'), 0);
  });
});

describe('scorer: explainable', () => {
  const texts = [
    'You are an idiot and I will kill you, you fucking moron',
    'Immigrants are vermin. 1488. kys. HANG THEM ALL HANG THEM ALL HANG THEM ALL',
    'This is fucking great',
    'A perfectly civil comment.',
    '',
  ];
  test('each category score is the capped sum of its reasons', () => {
    for (const text of texts) {
      const result = score(text);
      for (const category of SCORE_CATEGORIES) {
        const sum = result.reasons.filter((r) => r.category === category).reduce((a, r) => a + r.points, 0);
        assert.ok(Math.abs(result.score[category] - Math.min(1, sum)) < 0.002, `${text}: ${category}`);
      }
    }
  });
  test('every reason has a rule, a span inside the text, points and a detail', () => {
    for (const text of texts) {
      for (const reason of score(text).reasons) {
        assert.match(reason.rule, /^[a-z-]+\.[a-z-]+$/);
        assert.ok(reason.span[0] >= 0 && reason.span[0] < reason.span[1] && reason.span[1] <= text.length, JSON.stringify(reason));
        assert.ok(reason.points > 0 && reason.points <= 1);
        assert.ok(reason.detail.length > 0);
      }
    }
  });
  test('spans point at the disguised words in the original', () => {
    const text = 'well y0u 4re 4 m.o.r.o.n';
    const [reason] = score(text).reasons;
    assert.equal(text.slice(...reason.span), 'y0u 4re 4 m.o.r.o.n');
  });
  test("a site's allow-list silences the scorer too", () => {
    const text = 'Dick Francis is a prick';
    const allow = compileTerms({ version: 'a', banned: [], suspect: [], allow: ['prick'] });
    const folded = fold(text);
    assert.ok(score(folded).score.profanity > 0);
    assert.equal(score(folded, { allowed: allow.allowed(folded) }).score.profanity, 0.06);
  });
});
