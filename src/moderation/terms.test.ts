import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileTerms, matchTerms, termsFor, type TermLists } from './terms.ts';

const lists: TermLists = {
  version: '1',
  banned: [
    'fuck', 'cunt', 'shit', 'ass', 'cock', 'dick', 'sex', 'rape', 'rapist', 'anal', 'cum', 'tit', 'kill yourself',
    { term: 'kike', category: 'slur', match: 'stem' },
    { term: 'nigger', category: 'slur', match: 'stem' },
    { term: 'fag', category: 'slur', match: 'stem', suffixes: ['s', 'got', 'gots'] },
    { term: 'wank', match: 'prefix' },
    { term: 'nigger', category: 'slur', match: 'suffix' },
  ],
  suspect: ['idiot', 'kill', { term: '1488', category: 'coded' }],
  allow: ['snigger', 'sniggering'],
};
const compiled = compileTerms(lists);

/** The matched original text of every hit, as "term=original". */
function found(text: string): string[] {
  return matchTerms(compiled, text).map((h) => `${h.term}=${text.slice(...h.span)}`);
}

describe('terms: obfuscations match, with the original span', () => {
  const variants: [string, string, string][] = [
    ['case', 'What the FuCk', 'fuck=FuCk'],
    ['diacritics', 'what the fück', 'fuck=fück'],
    ['leetspeak', 'sh1t happens', 'shit=sh1t'],
    ['leetspeak symbols', 'you are an @$$', 'ass=@$$'],
    ['1 as l', 'k1ll yourself now', 'kill yourself=k1ll yourself'],
    ['1 as i', 'what an 1d1ot', 'idiot=1d1ot'],
    ['separators', 'c.u.n.t', 'cunt=c.u.n.t'],
    ['separators: underscores', 'c_u_n_t', 'cunt=c_u_n_t'],
    ['separators: hyphens', 'c-u-n-t', 'cunt=c-u-n-t'],
    ['spacing', 'you c u n t', 'cunt=c u n t'],
    ['spacing and punctuation', 'k . i . k . e', 'kike=k . i . k . e'],
    ['repeated letters', 'fuuuuuck this', 'fuck=fuuuuuck'],
    ['zero-width characters', 'cu\u200Bnt', 'cunt=cu\u200Bnt'],
    ['confusables: Cyrillic', 'ѕһіт', 'shit=ѕһіт'],
    ['confusables: Greek capitals', 'ΚΙΚΕ', 'kike=ΚΙΚΕ'],
    ['confusables: fullwidth', 'ｃｕｎｔ', 'cunt=ｃｕｎｔ'],
    ['confusables: mathematical', '𝖈𝖚𝖓𝖙', 'cunt=𝖈𝖚𝖓𝖙'],
    ['multi-word term run together', 'killyourself', 'kill yourself=killyourself'],
    ['multi-word term with dots', 'kill.yourself', 'kill yourself=kill.yourself'],
    ['capital I for l', 'kiII yourself', 'kill yourself=kiII yourself'],
    ['numbers with a separator', 'proud 14/88', '1488=14/88'],
  ];
  for (const [name, text, expected] of variants) {
    test(name, () => assert.ok(found(text).includes(expected), `${JSON.stringify(text)} gave ${JSON.stringify(found(text))}`));
  }

  test('a combination of disguises', () => {
    assert.deepEqual(found('Ｆ.ü.с.k\u200B'), ['fuck=Ｆ.ü.с.k\u200B']);
  });

  test('every occurrence is reported in order', () => {
    assert.deepEqual(found('shit, fuck, shit'), ['shit=shit', 'fuck=fuck', 'shit=shit']);
  });
});

describe('terms: innocent words that contain a term pass (the Scunthorpe problem)', () => {
  const innocent = [
    'Scunthorpe', 'assassination', 'Essex', 'cocktail', 'analysis', 'grape', 'therapist', 'class', 'Dickens',
    'Sussex', 'shitake', 'document', 'Middlesex', 'peacock', 'Hitchcock', 'cucumber', 'title', 'bassist',
    'classic', 'passage', 'skill', 'killer whale documentary', 'Cockburn', 'Penistone', 'Arsenal', 'cumulative',
    'Matsushita', 'Titanic', 'Niger', 'Nigeria', 'snigger', 'sniggering', 'annals', 'shitakes',
  ];
  for (const word of innocent) {
    test(word, () => assert.deepEqual(found(`${word} is fine`).filter((h) => !h.startsWith('kill=')), []));
  }
  test('"killer" is not "kill" as a whole word', () => assert.deepEqual(found('the killer'), []));
});

describe('terms: lists, modes and allow-list', () => {
  test('banned and suspect lists are reported with their category', () => {
    const hits = matchTerms(compiled, 'you idiot, kike');
    assert.deepEqual(
      hits.map((h) => [h.term, h.list, h.category]),
      [['idiot', 'suspect', 'term'], ['kike', 'banned', 'slur']],
    );
  });

  test('prefix-formed slurs: stem + s, + lover, + -lover', () => {
    assert.deepEqual(found('kikes'), ['kike=kikes']);
    assert.deepEqual(found('a kike-lover'), ['kike=kike']);
    assert.deepEqual(found('niggerlover'), ['nigger=niggerlover']);
    assert.deepEqual(found('faggots'), ['fag=faggots']);
  });

  test('stem mode does not accept any ending', () => {
    assert.deepEqual(found('fagus sylvatica'), []);
    assert.deepEqual(found('kikeriki'), []);
  });

  test('prefix mode takes the whole word', () => assert.deepEqual(found('wankers'), ['wank=wankers']));

  test('suffix mode matches compounds, the allow-list keeps innocent ones', () => {
    assert.deepEqual(found('sandnigger'), ['nigger=nigger']);
    assert.deepEqual(found('he sniggered'), []); // "sniggered" ends in "ered", not the term
    assert.deepEqual(found('stop sniggering'), []);
  });

  test('the allow-list overrides a whole-word term', () => {
    const withAllow = compileTerms({ ...lists, allow: ['dick'] });
    assert.deepEqual(matchTerms(withAllow, 'Dick Francis novels'), []);
    assert.equal(matchTerms(compiled, 'Dick Francis novels').length, 1);
  });

  test('ambiguous 1: "1" reads as i or l, but a real i or l does not change', () => {
    const c = compileTerms({ version: 'x', banned: ['kill', 'kiii'], suspect: [], allow: [] });
    assert.deepEqual(matchTerms(c, 'k1ll ki1l k11l kiil kili').map((h) => h.span), [[0, 4], [5, 9], [10, 14]]);
  });

  test('repeat counts: a term\'s double letters must be there, elongation is fine', () => {
    assert.deepEqual(found('as'), []);
    assert.deepEqual(found('asss'), ['ass=asss']);
    assert.deepEqual(found('fuuck fuuuck'), ['fuck=fuuuck']);
  });

  test('empty and punctuation-only terms are ignored', () => {
    const c = compileTerms({ version: 'x', banned: ['', '  ', '!!!', { term: '' }], suspect: [], allow: [] });
    assert.equal(c.matcher.patternCount, 0);
    assert.deepEqual(matchTerms(c, 'anything at all'), []);
  });
});

describe('terms: compiled once per version', () => {
  test('same site and version reuse the automaton; a new version recompiles', () => {
    const a = termsFor({ ...lists, version: 'v1' }, 'site-a');
    const b = termsFor({ ...lists, version: 'v1' }, 'site-a');
    const c = termsFor({ ...lists, version: 'v2' }, 'site-a');
    const d = termsFor({ ...lists, version: 'v1' }, 'site-b');
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.notEqual(a, d);
  });

  test('the same object with a bumped version recompiles', () => {
    const mutable: TermLists = { version: '1', banned: ['alpha'], suspect: [], allow: [] };
    const first = termsFor(mutable, 'site-c');
    mutable.banned = ['beta'];
    mutable.version = '2';
    const second = termsFor(mutable, 'site-c');
    assert.notEqual(first, second);
    assert.equal(matchTerms(second, 'beta').length, 1);
  });
});
