// Profanity, insults, slurs and dehumanising language: true positives and hard negatives,
// measured against the default hold levels (DEFAULT_THRESHOLDS).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '../settings.ts';
import { assertAtLeast, assertBelow, rulesOf, scoreOf } from './test-helpers.ts';

const hold = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].pending!;
const reject = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].rejected!;

describe('scorer: profanity not aimed at anyone scores low', () => {
  test('one swear word is 0.1', () => assert.equal(scoreOf('This is fucking great', 'profanity'), 0.1));
  test('swearing at things, not people, is not an insult', () => {
    assertBelow('insult', 0.2, ['This is fucking great', 'What a load of bollocks', 'Shit, the library is closing', 'WTF is going on with the trains?']);
    assertBelow('profanity', hold('profanity'), ['This is fucking great, fucking brilliant reporting']);
  });
  test('a stream of swearing reaches the hold level', () => {
    assertAtLeast('profanity', hold('profanity'), ['fuck fuck shit cunt fuck shit bollocks twat wanker fuck']);
  });
  test('disguised swearing still counts', () => {
    for (const text of ['f.u.c.k this', 'ｆｕｃｋ this', 'fuuuuck this', 'sh1t', 'ѕһіт']) assert.ok(scoreOf(text, 'profanity') > 0, text);
  });
  test('self-censored swearing does not count', () => assert.equal(scoreOf("That's a f***ing disgrace", 'profanity'), 0));
});

describe('scorer: insults aimed at a person', () => {
  test('second person + insult is held', () => {
    assertAtLeast('insult', hold('insult'), [
      'You are an idiot.', "you're such a fucking moron", 'you idiot', 'Are you an idiot?', 'people like you are idiots',
      'you sound like an idiot', 'You absolute waste of oxygen.', 'Shut up you stupid bitch', 'You lot are a bunch of morons',
      'ur a twat', 'fuck you', 'go fuck yourself', 'f u c k   y o u',
    ]);
  });
  test('obfuscated insults are held', () => {
    assertAtLeast('insult', hold('insult'), ['y0u 4re 4 m0r0n', 'u r a c u n t', 'Y.O.U  A.R.E  A  M.O.R.O.N', 'you 1d10t', 'yоu іdіоt']);
  });
  test('two insults at the same person reject', () => {
    assertAtLeast('insult', reject('insult'), ['you idiot, you moron', 'You are a cunt and you are a wanker']);
  });
  test('harsh but civil disagreement passes', () => {
    assertBelow('insult', hold('insult'), [
      'I completely disagree with this article; the author ignores the evidence.',
      'You are wrong about the tax figures, and frankly your argument is lazy.',
      'The minister is an idiot and should resign.',
      'Honestly the council are a bunch of clowns.',
      'You clearly did not read past the headline.',
      'I think you are right, the idiot minister should go.',
      'Your article is biased garbage.',
      'Can we stop calling people idiots and discuss the policy?',
      'You lot are a bunch of hypocrites.',
      'Anyone who believes this is a fool.',
      'Honestly, you are a genius for spotting that.',
      "You're fucking right about the trains.",
    ]);
  });
  test('the reason names the insult and spans from "you" to it', () => {
    assert.deepEqual(rulesOf('Well, you are an idiot'), ['insult.second-person']);
  });
});

describe('scorer: slurs and coded hate', () => {
  test('slurs reject', () => {
    assertAtLeast('slur', reject('slur'), ['nigger', 'kikes', 'faggot', 'spic', 'chink', 'raghead', 'sieg heil', 'heil hitler', 'tranny']);
  });
  test('disguised and prefix-formed slurs reject', () => {
    assertAtLeast('slur', reject('slur'), ['n1gg3r', 'n i g g e r', 'f@ggot', 'sp1c', 'ch1nk', 'k.i.k.e', 'nigger-lover', 'niggerlovers', 'fags', 'ΚΙΚΕ']);
  });
  test('coded hate numbers and echo parentheses are held', () => {
    assertAtLeast('slur', hold('slur'), ['1488', '14/88', 'proud 14 88', '(((Soros)))', 'rahowa', 'the goyim know']);
  });
  test('innocent words containing slurs pass', () => {
    assertBelow('slur', 0.1, [
      'Niger and Nigeria signed the deal.', 'Stop sniggering at the back.', 'A spicy dish from Spain.',
      'Maine coon cats are large.', 'The raccoon got into the bins.', 'Scunthorpe beat Essex.', 'A shuttlecock and a cocktail.',
      'The Japanese delegation arrived.',
    ]);
    assertBelow('slur', hold('slur'), ['The referee blew after 88 minutes.', 'In 1350 the plague reached England.']);
  });
  test('a slur in reported speech is held, not rejected', () => {
    const value = scoreOf('The player was banned for calling an opponent a "nigger", the FA said.', 'slur');
    assert.ok(value >= hold('slur') && value < reject('slur'), String(value));
  });
});

describe('scorer: dehumanising language about groups', () => {
  test('group × dehumanising predicate is rejected or held', () => {
    assertAtLeast('dehumanising', reject('dehumanising'), [
      'Immigrants are vermin.', 'Muslims are nothing but a disease.', 'Jews are parasites', 'These refugees breed like rats',
      'Gypsies are subhuman', 'vermin like the immigrants', 'Migrants are a plague on this country',
    ]);
    assertAtLeast('dehumanising', hold('dehumanising'), ['immigrant scum', 'muslims are animals', 'Imm1grants 4re v3rmin']);
  });
  test('negation, other verbs, news and pronouns about criminals pass', () => {
    assertBelow('dehumanising', hold('dehumanising'), [
      'Immigrants are not vermin, they are people like us.',
      'Refugees are fleeing war and deserve our help.',
      'Calling refugees vermin is disgusting and the MP should apologise.',
      'The report describes how extremists called migrants vermin online.',
      'They are animals, whoever did this to a child.',
      'The rioters who burned the library are animals.',
      'The rats in the city centre are a problem since the bins strike.',
      'This government is a plague on the working class.',
      'Muslims and Jews joined together for the vigil.',
    ]);
  });
});
