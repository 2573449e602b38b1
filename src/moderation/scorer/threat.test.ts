// Threats, incitement and self-harm taunts: true positives, obfuscated variants, and the news
// language that reports on threats without making one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '../settings.ts';
import { assertAtLeast, assertBelow, rulesOf, scoreOf } from './test-helpers.ts';

const hold = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].pending!;
const reject = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].rejected!;

describe('scorer: threats and incitement', () => {
  test('first-person threats against a person reject', () => {
    assertAtLeast('threat', reject('threat'), [
      'I will kill you', "I'm going to find you and stab you", "I'll k1ll y0u and your family", 'i will personally come and kill you',
      'I swear I will hurt you and your kids', 'We will hunt you down and kill every last one of you', 'I W I L L  K I L L  Y O U',
    ]);
  });
  test('incitement against a person or group rejects', () => {
    assertAtLeast('threat', reject('threat'), [
      'Someone should shoot him.', 'Somebody needs to put a bullet in that man', 'hang them all', 'Kill them all',
      'All muslims deserve to die', 'Gas the jews', 'Death to all muslims', 'We should hang them all',
    ]);
  });
  test('wishes of death and calls for execution are held', () => {
    assertAtLeast('threat', hold('threat'), [
      'They should all be hanged.', 'Traitors like him should be shot.', 'hang them', 'I hope you die', 'He deserves to die',
      'I know where you live', 'shoot him', 'someone should sh00t h1m',
    ]);
  });
  test('news language about threats passes', () => {
    assertBelow('threat', hold('threat'), [
      'The suspect threatened to kill his neighbour, the court heard.',
      'Police said the man had shouted "I will kill you" at officers before he was restrained.',
      'He told police: "I am going to kill you all."',
      'He was jailed for threatening to shoot the MP.',
      'The gunman killed three people before turning the weapon on himself.',
      'Protesters chanted "hang them" outside parliament, footage shows.',
      'Troops were ordered to shoot on sight, according to the leaked memo.',
      'The bombing killed twelve people, officials said.',
      'The dog was put down after the attack, the owner said.',
    ]);
  });
  test('violent words in ordinary speech pass', () => {
    assertBelow('threat', hold('threat'), [
      "I'm going to shoot some photos at the march tomorrow.", 'This heat is killing me.', 'I could murder a pint right now.',
      'Kill the bill! Write to your MP.', 'This policy will kill the high street.', 'Shoot me an email if you want the data.',
      "I'm going to shoot you a message later.", 'We will beat them at the ballot box.', "I'd kill for a government that listens.",
      'It is time to kill off this ridiculous scheme.', "Let's kill two birds with one stone here.",
      'The character should be killed off next season.', 'Murderers should be locked up for life.',
      'Murderers deserve to die? I do not think so.', 'I would never hurt you.', 'Hang on, the figures do not add up.',
      'I hope he loses the election.', 'The Nazis murdered six million Jews; we must never forget.',
    ]);
  });
  test('reasons say which parts matched', () => {
    assert.deepEqual(rulesOf('I will kill you'), ['threat.first-person']);
    assert.deepEqual(rulesOf('they should be hanged'), ['threat.should-be']);
  });
});

describe('scorer: "kill yourself" taunts', () => {
  test('taunts and their disguises reject', () => {
    assertAtLeast('self-harm', reject('self-harm'), [
      'kys', 'k y s', 'KYS loser', 'kill yourself', 'k1ll y0urs3lf', 'killyourself', 'go hang yourself', 'Do us all a favour and die',
      'You should kill yourself', 'neck yourself', 'k.y.s',
    ]);
  });
  test('a taunt is not also counted as a threat', () => assert.equal(scoreOf('kill yourself', 'threat'), 0));
  test('care, idiom and reporting pass', () => {
    assertBelow('self-harm', hold('self-harm'), [
      "Don't kill yourself trying to finish it tonight.", 'Please do not kill yourself, call a helpline.',
      'The court heard he told her to "kill yourself" in messages.', 'Skyscrapers are tall.', 'Kyiv is a city.',
    ]);
  });
});
