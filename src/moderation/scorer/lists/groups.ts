// Nouns for groups of people defined by ethnicity, nationality, religion, migration status,
// sexuality, gender identity or disability: the targets of dehumanising language. Weight 1;
// bare pronouns ("they", "these people") weigh less because they may mean rioters or
// murderers, about whom "animals" is harsh but ordinary news-comment language.
import type { Lex } from './types.ts';

const PEOPLE = [
  'muslims', 'muslim', 'moslems', 'islamists', 'jews', 'jewish people', 'jew', 'blacks', 'black people', 'black men',
  'whites', 'white people', 'asians', 'chinese', 'chinese people', 'indians', 'pakistanis', 'bangladeshis',
  'arabs', 'africans', 'nigerians', 'somalis', 'mexicans', 'latinos', 'hispanics', 'immigrants', 'immigrant',
  'migrants', 'migrant', 'refugees', 'refugee', 'asylum seekers', 'illegals', 'illegal immigrants', 'foreigners',
  'gypsies', 'roma', 'travellers', 'travelers', 'gays', 'gay people', 'gay men', 'lesbians', 'homosexuals',
  'queers', 'trans people', 'transgender people', 'trans women', 'trans men', 'transgenders', 'women',
  'catholics', 'christians', 'hindus', 'sikhs', 'disabled people', 'the disabled', 'autistic people', 'poles',
  'romanians', 'albanians', 'syrians', 'afghans', 'palestinians', 'israelis', 'iraqis', 'iranians', 'turks',
  'kurds', 'eritreans', 'sudanese', 'ukrainians', 'russians', 'irish', 'scots', 'english', 'americans', 'boat people',
];

/** Adjective forms, for "muslim vermin", "immigrant scum". */
const ADJECTIVES = ['black', 'jewish', 'muslim', 'gay', 'trans', 'asian', 'african', 'mexican', 'arab', 'chinese'];

export const GROUPS: Lex[] = [
  ...PEOPLE.map((w) => [w, 1] as const),
  ...ADJECTIVES.map((w) => [w, 0.9] as const),
  ['they', 0.35], ['them', 0.35], ['these people', 0.5], ['those people', 0.5], ['their kind', 0.7],
  ['his kind', 0.6], ['her kind', 0.6], ['you people', 0.6],
];
