// Function words the rules use to see who is addressed and how phrases hang together.
import type { Lex } from './types.ts';

/** Addressing the reader or another commenter. Lexicon tag "you". */
export const SECOND_PERSON: Lex[] = [
  'you', 'u', 'ya', 'ye', 'yu', 'youre', "you're", 'ur', 'ure', 'yall', "y'all", 'thou', 'you are', 'u r', 'u are',
  'you lot', 'you people', 'you guys', 'you all', 'you two',
];

/** Profanity or dismissal aimed at the person addressed. Lexicon tag "directed". */
export const DIRECTED: Lex[] = [
  ['fuck you', 0.7], ['fuck u', 0.7], ['fuck ya', 0.7], ['fuk u', 0.7], ['fuck off', 0.6], ['go fuck yourself', 0.8],
  ['fuck yourself', 0.8], ['get fucked', 0.7], ['stfu', 0.5], ['shut the fuck up', 0.6], ['shut up', 0.2],
  ['screw you', 0.5], ['suck my dick', 0.8], ['suck my cock', 0.8], ['eat shit', 0.6], ['eat a dick', 0.7],
  ['piss off', 0.5], ['sod off', 0.4], ['bugger off', 0.4], ['up yours', 0.4], ['f u', 0.5], ['fu', 0.4],
  ['kiss my ass', 0.5], ['kiss my arse', 0.5], ['go to hell', 0.3], ['drop dead', 0.3],
];

/** Words allowed between "you" and an insult: "you are such a fucking idiot". */
export const INSULT_FILLERS = [
  'are', 'r', 're', 'is', 'were', 'was', 'be', 'being', 'a', 'an', 'the', 'such', 'so', 'just', 'total', 'totally',
  'complete', 'completely', 'absolute', 'absolutely', 'utter', 'utterly', 'real', 'really', 'proper', 'bloody',
  'fucking', 'fuckin', 'effing', 'freaking', 'frigging', 'damn', 'damned', 'big', 'little', 'stupid', 'dumb',
  'pathetic', 'ignorant', 'worthless', 'fat', 'ugly', 'sad', 'sorry', 'dirty', 'filthy', 'lying', 'blithering',
  'raving', 'gormless', 'brainless', 'clueless', 'lazy', 'old', 'silly', 'miserable', 'disgusting', 'arrogant',
  'smug', 'typical', 'nothing', 'but', 'like', 'sound', 'sounds', 'look', 'looks', 'act', 'acting', 'what',
  'one', 'of', 'biggest', 'most', 'bunch', 'load', 'pack', 'all', 'both', 'lot', 'ignorant', 'obviously',
  'clearly', 'truly', 'certified', 'mega', 'massive', 'thick', 'sick', 'twisted', 'vile', '4',
  'nasty', 'bitter', 'tedious', 'spiteful', 'deluded', 'pompous', 'sanctimonious', 'braindead', 'brain dead',
  'brainwashed',
];

/** Words allowed between a group and what it is called: "immigrants are nothing but vermin". */
export const DEHUMAN_FILLERS = [
  'are', 'r', 'is', 'were', 'all', 'just', 'nothing', 'but', 'such', 'like', 'a', 'an', 'the', 'bunch', 'of',
  'filthy', 'dirty', 'disgusting', 'fucking', 'literal', 'literally', 'basically', 'simply', 'no', 'better',
  'than', 'worse', 'same', 'as', 'these', 'those', 'damn', 'bloody', 'total', 'complete', 'absolute', 'utter',
  'breed', 'breeding', 'multiply', 'multiplying', 'spread', 'spreading', 'behave', 'act', 'acting', 'vile',
  'and', 'more', 'mere', 'mostly', 'always', 'nothing', 'more', 'than', 'walking', 'plain', 'pure', 'true',
  'real', 'dangerous', 'disease', 'ridden', 'invading', 'swarming', 'swarm', 'horde', 'hordes', 'plague',
  'in', 'thieving', 'stinking', 'scrounging', 'lazy', 'violent', 'savage', 'inbred', 'criminal',
];

/** Words allowed between an intent ("I will") and a violent verb: "I will personally come and kill you". */
export const THREAT_FILLERS = [
  'personally', 'fucking', 'literally', 'just', 'go', 'come', 'and', 'round', 'over', 'there', 'actually',
  'really', 'gladly', 'happily', 'definitely', 'absolutely', 'seriously', 'soon', 'then', 'to', 'find', 'you',
  'u', 'him', 'her', 'them', 'all', 'one', 'day', 'make', 'sure', 'i', 'we', 'myself', 'ourselves', 'first',
  'eventually', 'gonna', 'going', 'be', 'the', 'who', 'that', 'will', 'can', 'could', 'hunt', 'track', 'down',
  'up', 'get',
];

/** Words allowed between a violent verb and its target: "kill every last one of you". */
export const TARGET_FILLERS = [
  'all', 'every', 'each', 'one', 'of', 'the', 'fucking', 'your', 'ur', 'last', 'single', 'whole', 'little',
  'damn', 'bloody', 'those', 'these', 'that', 'this', 'dirty', 'filthy', 'stupid', 'lot', 'their',
];

export const NEGATIONS = [
  'not', 'dont', "don't", 'never', 'no', 'nobody', 'noone', 'wont', "won't", 'wouldnt', "wouldn't", 'shouldnt',
  "shouldn't", 'cant', "can't", 'cannot', 'didnt', "didn't", 'doesnt', "doesn't", 'isnt', "isn't", 'arent',
  "aren't", 'neither', 'nor', 'stop', 'please dont', 'without',
];

/** Words of reporting and condemning: a threat in a news report or quoted in a complaint is
 * not a threat by the commenter ("the suspect threatened to kill", "he called them vermin"). */
export const REPORTING = [
  'said', 'says', 'told', 'tells', 'threatened', 'threatening', 'allegedly',
  'alleged', 'accused', 'charged', 'shouted', 'yelled', 'screamed', 'chanted', 'chanting', 'wrote', 'writes',
  'posted', 'tweeted', 'claimed', 'claims', 'reportedly', 'reported', 'testified', 'quoted', 'quoting',
  'according', 'heard', 'convicted', 'sentenced', 'arrested', 'jailed', 'police', 'prosecutors', 'prosecutor',
  'court', 'jury', 'judge', 'witnesses', 'witness', 'called', 'calling', 'described', 'describing',
  'describes', 'labelled', 'labeled', 'branded', 'likened', 'compared', 'comparing', 'referred', 'referring',
  'rhetoric', 'slogan', 'slogans', 'banner', 'placard', 'graffiti', 'suspect', 'defendant', 'victim',
  'officers', 'investigators', 'allegation', 'allegations', 'received',
];
