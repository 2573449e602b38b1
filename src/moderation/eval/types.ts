// The evaluation corpus: short comments, each with a label (what kind of comment it is) and
// the outcome a moderator would want from the default settings.
import type { Decision } from '../phase.ts';

export type Category =
  | 'civil' // civil disagreement and ordinary comments: the false-positive guard
  | 'harsh' // harsh but allowed criticism of public figures, institutions, policies
  | 'profanity' // swearing not aimed at a person
  | 'insult' // insults aimed at a person
  | 'slur' // slurs, coded hate terms and numbers, prefix-formed slurs
  | 'dehumanising' // groups called vermin, a disease, animals
  | 'threat' // threats, incitement, wishes of death
  | 'self-harm' // "kys" and "kill yourself" taunts
  | 'spam' // links with sales talk, work from home, crypto, phone or WhatsApp solicitation
  | 'obfuscated' // the abusive categories disguised: leetspeak, separators, look-alikes...
  | 'hard-negative' // innocent text that only looks bad: Scunthorpe, news about threats, quotes
  | 'multilingual'; // other languages, civil and abusive

/** The abusive or spam kind a sample belongs to (for obfuscated and other-language samples). */
export type Kind = 'insult' | 'slur' | 'dehumanising' | 'threat' | 'self-harm' | 'spam';

export interface Sample {
  /** Stable id, e.g. "civil-012"; the misclassified list names these. */
  id: string;
  category: Category;
  /** The outcome wanted with the default settings. "approved" samples are negatives; any
   * other outcome is a positive, and holding or rejecting it counts as caught. */
  expect: Decision;
  text: string;
  kind?: Kind;
  /** ISO 639-1 language, when not English. */
  lang?: string;
  /** Why the sample is there or why it is labelled so (the disguise used, a policy). */
  note?: string;
}

export const CATEGORIES: readonly Category[] = [
  'civil', 'harsh', 'profanity', 'insult', 'slur', 'dehumanising', 'threat', 'self-harm', 'spam', 'obfuscated',
  'hard-negative', 'multilingual',
];
