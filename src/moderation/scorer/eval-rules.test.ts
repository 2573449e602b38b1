// Rule changes made while evaluating on the labelled corpus (src/moderation/eval/): each case
// here is written fresh, not taken from the corpus.
import { describe, test } from 'node:test';
import { DEFAULT_THRESHOLDS } from '../settings.ts';
import { assertAtLeast, assertBelow } from './test-helpers.ts';

const hold = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].pending!;
const reject = (c: keyof typeof DEFAULT_THRESHOLDS) => DEFAULT_THRESHOLDS[c].rejected!;

describe('threats: targets by role, places, verb forms', () => {
  test('people named by their role are targets', () => {
    assertAtLeast('threat', reject('threat'), ['Someone should shoot the mayor.', 'I will stab that reporter.', 'Someone should kill the judge.']);
    assertAtLeast('threat', hold('threat'), ['The councillor should be beaten.']);
  });
  test('places people live or worship in are targets', () => {
    assertAtLeast('threat', hold('threat'), ['Torch the synagogue.', 'Someone should burn their houses down.', 'I hope somebody bombs the church.']);
  });
  test('-s forms of violent verbs count', () => {
    assertAtLeast('threat', hold('threat'), ['I hope someone shoots him.', 'I wish someone would stab her.']);
  });
  test('split phrasal verbs count with the target inside', () => {
    assertAtLeast('threat', hold('threat'), ['Somebody should beat him up.', 'I will run you over.', 'Someone should hunt the traitors down.']);
    assertBelow('threat', hold('threat'), ["Let's beat them up the league table.", 'We should beat them at the next election.']);
  });
  test('coordinated passives and commands continued with "and"', () => {
    assertAtLeast('threat', hold('threat'), ['They should be arrested and shot.', 'Drag them outside and hang them.']);
    assertBelow('threat', hold('threat'), ['I would never come round and hurt you.', 'They should be arrested and charged.']);
  });
  test('multi-word particles, quantifiers and menaces', () => {
    assertAtLeast('threat', hold('threat'), [
      'Someone should put the editor six feet under.', 'Shoot every last one of you.', 'Torch their churches.',
      'Carry on like this and see what happens to you.',
    ]);
    assertBelow('threat', hold('threat'), ['Put him in charge of the budget.', 'Wait and see what happens.']);
  });
  test('a body part as the object, and stock threats that carry their victim', () => {
    assertAtLeast('threat', hold('threat'), ["I'm going to kick your head in.", 'Come near my kids again and I will break your neck.', 'Slit his throat.']);
  });
  test('places are targets of arson and bombing only', () => {
    assertAtLeast('threat', hold('threat'), ["We'll burn the town hall down.", 'The synagogue should be torched.']);
    assertBelow('threat', hold('threat'), ['We should gut the place and modernise it.', 'Time to burn the old rules down.', 'We need to end the hotel contract.']);
  });
  test('"with" spares the object only in the idiom', () => {
    assertAtLeast('threat', reject('threat'), ['I will strangle him with my bare hands.']);
    assertAtLeast('threat', hold('threat'), ['I will choke him with my bare hands.']);
    assertBelow('threat', hold('threat'), ['I will kill them with kindness.']);
  });
  test('idioms after a passive act and possessives are no threat', () => {
    assertBelow('threat', hold('threat'), [
      'That idea should be shot down.', 'The ministers should be hung out to dry.', 'The plan should be killed off.',
      "We need to kill the minister's bill.", "Someone should kill the judges' pay rise.",
    ]);
  });
  test('a reporting verb in a relative clause reports only the clause', () => {
    assertAtLeast('threat', hold('threat'), ['The man who posted this should be hanged.']);
    assertBelow('dehumanising', hold('dehumanising'), ['The man who called migrants vermin should resign.']);
  });
  test('a target that is also a reporting word is still a target, a report is still a report', () => {
    assertAtLeast('threat', reject('threat'), ['Somebody should shoot the judge.']);
    assertBelow('threat', hold('threat'), ['The judge said the defendant threatened to shoot him.', 'She read out the threats she had received: "I will find you".']);
  });
});

describe('insults: several in one address, "like you"', () => {
  test('further insults in one address add up', () => {
    assertAtLeast('insult', hold('insult'), ['you pathetic little loser', 'you ugly stupid cow']);
  });
  test('an insult before "like you" or in "what an idiot you are" is aimed', () => {
    assertAtLeast('insult', hold('insult'), ['Only a moron like you would say that.', 'Idiots such as you ruin every thread.', 'What a cretin you are.']);
    assertBelow('insult', hold('insult'), ['What idiot wrote this headline? Not you, I hope.']);
  });
  test('adjectives no longer break the chain', () => {
    assertAtLeast('insult', hold('insult'), ['you bitter nasty idiot']);
  });
  test('harsh words about others stay below the line', () => {
    assertBelow('insult', hold('insult'), ['Thank you, the minister is a clown.', 'You lot are a bunch of hypocrites.', 'People like you make good points.']);
  });
});

describe('lists: variants and innocent carriers', () => {
  test('list variants', () => {
    assertAtLeast('self-harm', hold('self-harm'), ['just try unaliving yourself']);
    assertAtLeast('dehumanising', hold('dehumanising'), ['Migrants multiply like rats.', 'Refugees are thieving parasites.']);
    assertAtLeast('slur', hold('slur'), ['HH lads']);
  });
  test('the meatball dish is food', () => {
    assertBelow('slur', 0.1, ['Faggots and peas for tea tonight.', 'Best faggots in gravy in Wolverhampton.']);
  });
});
