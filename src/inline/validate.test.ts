// The server stores quotes normalised exactly as the widget normalises the article's text
// (web/inline/text.ts): otherwise a stored quote would not be found in the page it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from '../../web/inline/text.ts';
import { anchorColumns, normalizeQuote, passageKey } from './validate.ts';

const SAMPLES = [
  'Plain words, with punctuation.',
  'Cafe\u0301 de\u0301ja\u0300 vu',
  'tabs\tand\nnew lines\r\nand\u00a0no-break\u2003em\u3000ideographic spaces',
  'zero\u200bwidth\ufeff and bidi \u202eoverride\u202c marks \u200e\u200f',
  'controls \u0001\u0007\u001b\u0085\u009b gone, vertical\u000btab and form\u000cfeed too',
  'lone \ud800 surrogate',
  '👍🏽 👨‍👩‍👧‍👦 🇺🇦 emoji stay whole',
  'مرحبا بالعالم · नमस्ते दुनिया · 你好，世界 · こんにちは世界',
  'Z\u0336\u0301\u0327 combining flood a\u0308\u0304',
  'joiners in Persian: می\u200cخواهم, and Hindi क्\u200dष',
];

test('server and widget normalise quotes the same way', () => {
  for (const sample of SAMPLES) {
    // The widget trims nothing inside the text; only ends (no leading or trailing space).
    assert.equal(normalizeQuote(sample).trim(), normalizeText(sample), JSON.stringify(sample));
  }
});

test('the passage key: the feedbackId when there is one, else a hash of the quote in its context', () => {
  const base = { quote: { exact: 'the plan', prefix: 'approved ', suffix: ' on Tuesday' }, position: { start: 10, end: 18 } };
  assert.equal(passageKey({ ...base, feedbackId: 'q-1' }), 'f:q-1');
  assert.equal(passageKey(base), passageKey({ ...base, position: { start: 500, end: 508 } }), 'not the offsets: they move with edits');
  assert.notEqual(passageKey(base), passageKey({ ...base, quote: { ...base.quote, prefix: 'rejected ' } }), 'the same words elsewhere are another passage');
  const columns = anchorColumns({ ...base, quote: { ...base.quote, exact: '  the\nplan ' } }, false);
  assert.equal(columns.anchor_key, passageKey(base), 'keyed after normalisation');
});
