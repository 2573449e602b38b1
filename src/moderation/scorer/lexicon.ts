// The scorer's curated lists compiled into one automaton, once per process. Each entry keeps
// its list as a tag ("insult", "violent", "group"...) that the rules look for.
import { compileMatcher, type EntryInput, type Matcher, type MatchMode } from '../matcher.ts';
import { DEFAULT_ALLOW } from '../settings.ts';
import { CODED_HATE } from './lists/coded-hate.ts';
import { DEHUMANISING } from './lists/dehumanising.ts';
import { DIRECTED, SECOND_PERSON } from './lists/function-words.ts';
import { GROUPS } from './lists/groups.ts';
import { INSULTS } from './lists/insults.ts';
import { PROFANITY } from './lists/profanity.ts';
import { SELF_HARM } from './lists/self-harm.ts';
import { SLURS } from './lists/slurs.ts';
import { CRYPTO, CRYPTO_PITCH, SPAM_APPS, SPAM_BAIT, SPAM_CTA } from './lists/spam.ts';
import { DEATH_WISH, INCITE, INCITE_SUBJECT, INTENT, MENACE, PASSIVE, PLACES, SHOULD_BE, SPLIT_VERBS, TARGETS, VIOLENT, VIOLENT_AIMED } from './lists/threats.ts';
import type { Lex } from './lists/types.ts';

interface ListSpec {
  tag: string;
  entries: readonly Lex[];
  match: MatchMode;
  suffixes?: readonly string[];
}

const LISTS: ListSpec[] = [
  { tag: 'profanity', entries: PROFANITY, match: 'word' },
  { tag: 'insult', entries: INSULTS, match: 'stem', suffixes: ['s'] },
  { tag: 'you', entries: SECOND_PERSON, match: 'word' },
  { tag: 'directed', entries: DIRECTED, match: 'word' },
  { tag: 'slur', entries: SLURS, match: 'stem' },
  { tag: 'coded', entries: CODED_HATE, match: 'word' },
  { tag: 'group', entries: GROUPS, match: 'word' },
  { tag: 'dehuman', entries: DEHUMANISING, match: 'word' },
  { tag: 'intent', entries: INTENT, match: 'word' },
  { tag: 'incite-subject', entries: INCITE_SUBJECT, match: 'word' },
  { tag: 'violent', entries: VIOLENT, match: 'stem', suffixes: ['s', 'es'] },
  { tag: 'split-verb', entries: SPLIT_VERBS, match: 'stem', suffixes: ['s'] },
  { tag: 'violent-aimed', entries: VIOLENT_AIMED, match: 'word' },
  { tag: 'passive', entries: PASSIVE, match: 'word' },
  { tag: 'should', entries: SHOULD_BE, match: 'word' },
  { tag: 'target', entries: TARGETS, match: 'word' },
  { tag: 'place', entries: PLACES, match: 'word' },
  { tag: 'death-wish', entries: DEATH_WISH, match: 'word' },
  { tag: 'incite', entries: INCITE, match: 'word' },
  { tag: 'menace', entries: MENACE, match: 'word' },
  { tag: 'self-harm', entries: SELF_HARM, match: 'word' },
  { tag: 'spam-bait', entries: SPAM_BAIT, match: 'word' },
  { tag: 'spam-cta', entries: SPAM_CTA, match: 'word' },
  { tag: 'spam-app', entries: SPAM_APPS, match: 'word' },
  { tag: 'crypto', entries: CRYPTO, match: 'word' },
  { tag: 'crypto-pitch', entries: CRYPTO_PITCH, match: 'word' },
];

/** Innocent words containing listed ones, on top of the site default allow-list. */
const LEXICON_ALLOW = [
  'maine coon', 'coon hound', 'coonhound', 'raccoons', 'cocoons', 'tycoons',
  // the meatball dish of the English Midlands and Wales
  'faggots and peas', 'faggots and mushy peas', 'faggots and gravy', 'faggots in gravy', 'faggots and chips',
];

export function lexiconEntries(): EntryInput[] {
  const out: EntryInput[] = [];
  for (const list of LISTS) {
    for (const lex of list.entries) {
      const [term, weight, match, suffixes] = typeof lex === 'string' ? [lex] : lex;
      out.push({
        term,
        list: list.tag,
        weight: weight ?? 1,
        match: match ?? list.match,
        suffixes: suffixes ?? list.suffixes,
      });
    }
  }
  return out;
}

let compiled: Matcher | undefined;

export function lexicon(): Matcher {
  compiled ??= compileMatcher(lexiconEntries(), [...DEFAULT_ALLOW, ...LEXICON_ALLOW]);
  return compiled;
}
