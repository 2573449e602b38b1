import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../platform/errors.ts';
import { cleanText, optionalText, requireText } from './text.ts';

function badField(field: string, code: string) {
  return (error: unknown) => error instanceof AppError && error.status === 400 && error.field === field && error.code === code;
}

describe('cleanText', () => {
  it('normalises to NFC', () => {
    assert.equal(cleanText('Cafe\u0301'), 'Caf\u00e9');
    assert.equal(cleanText('\u212B'), '\u00C5', 'Angstrom sign becomes Å');
  });

  it('strips control, bidi-override and zero-width characters but keeps tab and newline', () => {
    assert.equal(cleanText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f'), 'abcdef');
    assert.equal(cleanText('evil\u202Etxt.exe\u202C'), 'eviltxt.exe');
    assert.equal(cleanText('zero\u200Bwidth\uFEFF\u2060joiner'), 'zerowidthjoiner');
    assert.equal(cleanText('tab\there\nnewline'), 'tab\there\nnewline');
  });

  it('turns CRLF and CR into LF', () => {
    assert.equal(cleanText('a\r\nb\rc'), 'a\nb\nc');
  });

  it('replaces lone surrogates, keeps real pairs', () => {
    assert.equal(cleanText('a\uD800b\uDC00c'), 'a\uFFFDb\uFFFDc');
    assert.equal(cleanText('emoji 😀'), 'emoji 😀');
  });

  it('keeps ordinary text in any script unchanged', () => {
    for (const text of ['plain', 'Ελληνικά', 'עברית', 'العربية', '中文', 'हिन्दी']) assert.equal(cleanText(text), text);
  });

  it('keeps zero-width joiners and non-joiners, which emoji and some scripts need', () => {
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
    assert.equal(cleanText(family), family);
    const persian = '\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645';
    assert.equal(cleanText(persian), persian);
  });
});

describe('requireText', () => {
  const rule = { field: 'author.name', max: 5 };

  it('trims, and collapses whitespace in single-line fields', () => {
    assert.equal(requireText('  Ann \t  Lee\n ', { field: 'name', max: 80 }), 'Ann Lee');
  });

  it('keeps line breaks in multiline fields', () => {
    assert.equal(requireText('  one\n\n  two  ', { field: 'body', max: 80, multiline: true }), 'one\n\n  two');
  });

  it('refuses text that is empty after cleaning, naming the field', () => {
    assert.throws(() => requireText('', rule), badField('author.name', 'empty'));
    assert.throws(() => requireText(' \n\t ', rule), badField('author.name', 'empty'));
    assert.throws(() => requireText('\u200B\u202E', rule), badField('author.name', 'empty'));
  });

  it('counts characters, not UTF-16 units or bytes, against the limit', () => {
    assert.equal(requireText('😀😀😀😀😀', rule), '😀😀😀😀😀');
    assert.equal(requireText('e\u0301e\u0301e\u0301e\u0301e\u0301', rule), 'ééééé', 'measured after NFC');
    assert.throws(() => requireText('abcdef', rule), badField('author.name', 'too_long'));
  });

  it('names the limit in the message', () => {
    assert.throws(() => requireText('abcdef', rule), /at most 5 characters/);
  });
});

describe('optionalText', () => {
  it('treats absent or blank values as null', () => {
    assert.equal(optionalText(undefined, { field: 'title', max: 10 }), null);
    assert.equal(optionalText('  \u200B ', { field: 'title', max: 10 }), null);
  });

  it('cleans and checks present values', () => {
    assert.equal(optionalText(' Title ', { field: 'title', max: 10 }), 'Title');
    assert.throws(() => optionalText('x'.repeat(11), { field: 'title', max: 10 }), badField('title', 'too_long'));
  });
});
