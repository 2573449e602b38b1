// Anchoring on article-like texts with the edits articles get after publication.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describe as describeRange, locate, type Selector } from './anchor.ts';
import { BREAK, buildText, type Part } from './text.ts';
import { ARABIC, CHINESE, ENGLISH, HINDI, JAPANESE, longArticle } from './testing/articles.ts';

/** The normalised text of paragraphs, as dom-text.ts builds it from <p> elements. */
function textOf(paragraphs: readonly string[]): string {
  return buildText(paragraphs.flatMap((p): Part[] => [BREAK, p, BREAK])).text;
}

/** What a reader selecting the nth occurrence of `phrase` stores. */
function select(text: string, phrase: string, nth = 0): Selector {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  assert.notEqual(at, -1, `"${phrase}" is in the text`);
  return describeRange(text, at, at + phrase.length);
}

/** Asserts the passage is found exactly where `phrase` (its nth occurrence) now is. */
function expectAt(text: string, selector: Selector, phrase: string, method?: string, nth = 0) {
  const found = locate(text, selector);
  assert.ok(found, `"${selector.quote.exact}" is found`);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(phrase, at + 1);
  assert.equal(text.slice(found.start, found.end), phrase);
  assert.equal(found.start, at, 'at the right occurrence');
  if (method) assert.equal(found.method, method);
  return found;
}

const replace = (list: readonly string[], i: number, value: string) => list.map((p, j) => (j === i ? value : p));

describe('anchoring survives edits to an English article', () => {
  const before = textOf(ENGLISH);
  const quote = 'a park with a community garden, a skate area and a path along the river';
  const selector = select(before, quote);

  test('unchanged text: the stored position still holds', () => {
    expectAt(before, selector, quote, 'position');
  });

  test('a paragraph inserted above: found by its quote', () => {
    const after = textOf(['Update: this story has been corrected to give the right vote count.', ...ENGLISH]);
    expectAt(after, selector, quote, 'quote');
  });

  test('a paragraph removed above: found by its quote', () => {
    expectAt(textOf(ENGLISH.slice(1)), selector, quote, 'quote');
  });

  test('a typo fixed inside the quote: found fuzzily, whole', () => {
    const typo = select(textOf(replace(ENGLISH, 1, ENGLISH[1]!.replace('community', 'comunity'))), quote.replace('community', 'comunity'));
    const fixed = textOf(['Editor’s note: an earlier version misspelt a word.', ...ENGLISH]);
    expectAt(fixed, typo, quote, 'fuzzy');
  });

  test('a word changed and a paragraph inserted: still found', () => {
    const after = textOf(replace(['A new first paragraph.', ...ENGLISH], 2, ENGLISH[1]!.replace('skate area', 'skate park')));
    const found = locate(after, selector);
    assert.ok(found);
    assert.equal(after.slice(found.start, found.end), quote.replace('skate area', 'skate park'));
    assert.equal(found.method, 'fuzzy');
  });

  test('a sentence moved to another paragraph: found where it went', () => {
    const sentence = 'Supporters packed the chamber.';
    const s = select(before, sentence);
    const moved = textOf([...ENGLISH.slice(0, 2), ENGLISH[2]!.replace(`${sentence} `, ''), ...ENGLISH.slice(3, 5), `${ENGLISH[5]} ${sentence}`]);
    expectAt(moved, s, sentence, 'quote');
  });

  test('a repeated phrase: prefix and suffix pick the occurrence that was selected', () => {
    const phrase = 'the council';
    // "The council" also starts sentences; "the council" occurs twice in lower case.
    const last = select(before, phrase, 1);
    expectAt(before, last, phrase, 'position', 1);
    const shifted = textOf(['Correction appended below.', ...ENGLISH]);
    expectAt(shifted, last, phrase, 'quote', 1);
    const first = select(before, phrase, 0);
    expectAt(shifted, first, phrase, 'quote', 0);
    // Sentences swapped: each occurrence keeps its own comments.
    const swapped = textOf([ENGLISH[5]!, ...ENGLISH.slice(1, 5), ENGLISH[0]!]);
    expectAt(swapped, first, phrase, 'quote', 1);
    expectAt(swapped, last, phrase, 'quote', 0);
  });

  test('the paragraph that held the passage removed: an orphan', () => {
    assert.equal(locate(textOf(replace(ENGLISH, 1, 'The site will become housing after all.')), selector), null);
  });

  test('a short quote whose words were rewritten does not jump to a look-alike elsewhere', () => {
    const s = select(before, 'a vote of seven to two');
    const after = textOf(replace(ENGLISH, 0, 'The council approved the plan on Tuesday after three years of hearings.'));
    assert.equal(locate(after, s), null);
  });
});

describe('anchoring in other scripts', () => {
  const cases: Array<[string, readonly string[], string, (p: string) => string]> = [
    ['Arabic', ARABIC, 'حديقة مجتمعية ومساحة للتزلج', (p) => p.replace('وممرا', 'وممشى')],
    ['Hindi', HINDI, 'सामुदायिक बगीचा, स्केट क्षेत्र', (p) => p.replace('रास्ता', 'पथ')],
    ['Chinese', CHINESE, '一个社区花园、一个滑板区', (p) => p.replace('沿河步道', '河边小路')],
    ['Japanese', JAPANESE, 'コミュニティガーデン、スケート場', (p) => p.replace('遊歩道', '散歩道')],
  ];
  for (const [name, paragraphs, quote, edit] of cases) {
    test(`${name}: found after a paragraph is inserted and a word in its sentence changes`, () => {
      const s = select(textOf(paragraphs), quote);
      const after = textOf([paragraphs[2]!, ...replace(paragraphs, 1, edit(paragraphs[1]!))]);
      expectAt(after, s, quote, 'quote');
    });
    test(`${name}: a one-character typo fixed in the quote is found fuzzily`, () => {
      const typo = `${quote.slice(0, 4)}${quote.slice(5)}`;
      const s = select(textOf(replace(paragraphs, 1, paragraphs[1]!.replace(quote, typo))), typo);
      expectAt(textOf(paragraphs), s, quote, 'fuzzy');
    });
  }
});

describe('emoji and combining marks', () => {
  test('offsets are UTF-16 code units of the NFC text: decomposed accents count once', () => {
    const nfd = 'Cafe\u0301 owners said the re\u0301sume\u0301 of the plan was 👍🏽 overall.';
    const { text } = buildText([nfd]);
    assert.equal(text, nfd.normalize('NFC'));
    const quote = 'résumé of the plan was 👍🏽';
    const s = select(text, quote);
    assert.equal(s.position.end - s.position.start, quote.length, 'emoji with a skin tone is 4 units');
    expectAt(textOf(['Opening line.', nfd]), s, quote, 'quote');
  });

  test('context never starts or ends with half an emoji', () => {
    const text = `${'🎉'.repeat(40)} middle ${'🎉'.repeat(40)}`;
    const s = select(text, 'middle');
    assert.ok(!/^[\uDC00-\uDFFF]/.test(s.quote.prefix), 'prefix starts on a whole character');
    assert.ok(!/[\uD800-\uDBFF]$/.test(s.quote.suffix), 'suffix ends on a whole character');
  });

  test('a ZWJ family emoji inside the quote survives an edit elsewhere in the sentence', () => {
    const p = 'The 👨‍👩‍👧‍👦 picnic area will sit next to the garden, near the river path.';
    const s = select(textOf([p]), '👨‍👩‍👧‍👦 picnic area');
    expectAt(textOf(['New intro.', p.replace('near', 'beside')]), s, '👨‍👩‍👧‍👦 picnic area', 'quote');
  });
});

describe('long texts and long quotes', () => {
  const paragraphs = longArticle(10_000, 7);
  const text = textOf(paragraphs);

  test('a 300-unit quote with three typos fixed is found in a 10,000-word article', () => {
    const start = Math.floor(text.length * 0.6);
    const original = text.slice(start, start + 300);
    const typos = original.slice(0, 50) + 'x' + original.slice(51, 150) + 'qq' + original.slice(152, 250) + original.slice(251);
    const edited = `${text.slice(0, start)}${typos}${text.slice(start + 300)}`;
    const s = describeRange(edited, start, start + typos.length);
    const found = locate(`Inserted paragraph. ${text}`, s);
    assert.ok(found);
    assert.equal(found.method, 'fuzzy');
    assert.equal(found.start, start + 'Inserted paragraph. '.length);
    assert.ok(Math.abs(found.end - (found.start + 300)) <= 1);
  });
});

describe('the normalised text', () => {
  test('white space and block boundaries become single spaces, controls go, offsets map back', () => {
    const parts: Part[] = [BREAK, '  Hello,\n\t world', BREAK, BREAK, 'Next\u200b line\u00a0here ', BREAK];
    const m = buildText(parts);
    assert.equal(m.text, 'Hello, world Next line here');
    const at = m.text.indexOf('Next');
    assert.equal(m.part[at], 4);
    assert.equal(m.from[at], 0);
    const line = m.text.indexOf('line');
    assert.equal(m.from[line], 6, 'offset in the raw node, after the removed zero-width space');
    const space = m.text.indexOf(' Next');
    assert.equal(m.part[space], 4, 'a block boundary maps to the start of the next text');
  });

  test('a decomposed cluster maps to its whole raw range', () => {
    const m = buildText(['Cafe\u0301!']);
    assert.equal(m.text, 'Café!');
    assert.deepEqual([m.from[3], m.to[3]], [3, 5]);
    assert.deepEqual([m.from[4], m.to[4]], [5, 6]);
  });

  test('lone surrogates become U+FFFD, as the server stores them', () => {
    assert.equal(buildText(['a\ud800b']).text, 'a\ufffdb');
  });
});
