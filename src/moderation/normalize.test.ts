import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fold, IL, originalSpan, type Folded } from './normalize.ts';

/** Folded text with IL shown as "|" for readable assertions. */
const text = (f: Folded) => f.text.replaceAll(IL, '|');
const original = (f: Folded, from: number, to: number) => f.original.slice(...originalSpan(f, from, to));

describe('fold: what text becomes', () => {
  const cases: [string, string, string][] = [
    ['case', 'FuCk OFF', 'fuck of'],
    ['diacritics', 'Fück naïve café', 'fuck naive cafe'],
    ['ß and ligatures', 'Straße ﬁne', 'strase fine'],
    ['fullwidth', 'Ｆｕｃｋ', 'fuck'],
    ['mathematical letters', '𝐟𝐮𝐜𝐤 𝓼𝓱𝓲𝓽', 'fuck shit'],
    ['circled and small capitals', 'ⓕⓤⓒⓚ ꜱʜɪᴛ', 'fuck shit'],
    ['Cyrillic look-alikes', 'ѕһіт', 'shit'],
    ['Greek look-alikes', 'ΚΙΚΕ', 'kike'],
    ['mixed Latin and Cyrillic', 'fuсk', 'fuck'],
    ['regional indicator letters', '🇰🇾🇸', 'kys'],
    ['zero-width characters', 'fu\u200Bc\u200Dk\u2060', 'fuck'],
    ['soft hyphen and joiners', 'sh\u00ADi\uFEFFt', 'shit'],
    ['dots between letters', 'f.u.c.k', 'fuck'],
    ['underscores and hyphens', 'f_u_c_k f-u-c-k', 'fuck fuck'],
    ['spaced letters', 'f u c k', 'fuck'],
    ['spaced letters with punctuation', 'k . y . s', 'kys'],
    ['repeated letters', 'fuuuuuuck', 'fuck'],
    ['leetspeak digits in a word', 'sh1t n00b 4ss', 'sh|t nob as'],
    ['leetspeak symbols', '@ss a$$ $hit b!tch', 'as as shit b|tch'],
    ['numbers stay numbers', '1488 and 14/88', '148 and 148'],
    ['exclamation marks after a word', 'wow!!! no!', 'wow no'],
    ['capital I inside a lower-case word', 'sIut', 's|ut'],
    ['capital I starting a word', 'I Insist', 'i insist'],
    ['a real Russian word stays Russian', 'привет', 'привет'],
    ['apostrophes join', "don't you're", 'dont youre'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(text(fold(input)), expected));
  }

  test('repeat counts are kept', () => {
    const f = fold('fuuuuck');
    assert.deepEqual([...f.run], [1, 4, 1, 1]);
    assert.deepEqual([...fold('assassination').run].slice(0, 4), [1, 2, 1, 2]);
  });
});

describe('fold: word boundaries', () => {
  const edges = (input: string) => {
    const f = fold(input);
    return [...f.boundary].map((b, i) => (b ? '^' : '') + (f.text[i] ?? '')).join('');
  };
  test('plain words', () => assert.equal(edges('Scunthorpe is'), '^scunthorpe^ ^is^'));
  test('punctuation inside a word leaves soft boundaries', () => assert.equal(edges('f.u.c.k'), '^f^u^c^k^'));
  test('spaced-out letters join with boundaries between them', () => assert.equal(edges('I am a c u n t'), '^i^ ^am^ ^a^c^u^n^t^'));
  test('two single letters do not join', () => assert.equal(edges('I a'), '^i^ ^a^'));
  test('zero-width characters leave no boundary', () => assert.equal(edges('Scun\u200Bthorpe'), '^scunthorpe^'));
});

describe('fold: offsets into the original', () => {
  test('every folded character maps into the original', () => {
    const f = fold('He said: F.U.C.K off, ѕһіт!');
    const at = f.text.indexOf('fuck');
    assert.equal(original(f, at, at + 4), 'F.U.C.K');
    const shit = f.text.indexOf('shit');
    assert.equal(original(f, shit, shit + 4), 'ѕһіт');
  });

  test('repeats map to the whole run', () => {
    const f = fold('so fuuuuck');
    assert.equal(original(f, 3, 7), 'fuuuuck');
    assert.deepEqual(originalSpan(f, 4, 5), [4, 8]);
  });

  test('offsets are UTF-16 code units, surrogate pairs included', () => {
    const input = '😀 𝐟𝐮𝐜𝐤 you';
    const f = fold(input);
    assert.equal(f.text, 'fuck you');
    assert.deepEqual(originalSpan(f, 0, 4), [3, 11]);
    assert.equal(input.slice(3, 11), '𝐟𝐮𝐜𝐤');
    assert.equal(original(f, 5, 8), 'you');
  });

  test('combining marks and zero-width characters belong to the letter before them', () => {
    const input = 'fu\u0308\u200Bck';
    const f = fold(input);
    assert.equal(f.text, 'fuck');
    assert.equal(original(f, 0, 4), input);
    assert.deepEqual(originalSpan(f, 1, 2), [1, 4]);
  });

  test('one character folding to two maps both to itself', () => {
    const f = fold('ß');
    assert.equal(f.text, 's');
    assert.equal(f.run[0], 2);
    assert.deepEqual(originalSpan(f, 0, 1), [0, 1]);
  });

  test('arrays agree with the folded text length', () => {
    for (const input of ['', '   ', '!!!', 'a', '𝔞𝔟𝔠 ﷺ ⒜⒝', 'x\u0301\u0301\u0301']) {
      const f = fold(input);
      assert.equal(f.start.length, f.text.length);
      assert.equal(f.end.length, f.text.length);
      assert.equal(f.run.length, f.text.length);
      assert.equal(f.boundary.length, f.text.length + 1);
    }
  });
});
