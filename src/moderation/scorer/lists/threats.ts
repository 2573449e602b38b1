// Threats and incitement are phrases built from parts: who ("I will", "someone should"), a
// violent act ("kill", "shoot"), and whom ("you", "them", a group). The rules in
// rules/threat.ts put the parts together; these lists are the parts.
import type { Lex } from './types.ts';

/** The speaker's own intent. Tag "intent". */
export const INTENT: Lex[] = [
  'i will', 'ill', "i'll", 'i shall', 'im going to', "i'm going to", 'i am going to', 'im gonna', "i'm gonna",
  'i am gonna', 'imma', 'ima', "i'ma", 'we will', "we'll", 'we are going to', "we're going to", "we're gonna",
  'i want to', 'i wanna', "i'd", 'i would', "i'd love to", 'i would love to', 'i swear', 'i will personally',
  "i'm coming to", 'im coming to', 'i am coming to', 'i can', 'i could easily', 'i plan to', 'i intend to',
];

/** Calls on others to act. Tag "incite-subject". */
export const INCITE_SUBJECT: Lex[] = [
  'someone should', 'somebody should', 'someone needs to', 'somebody needs to', 'someone ought to',
  'somebody ought to', 'someone has to', 'someone must', 'somebody must', 'anyone should', 'we should',
  'we need to', 'we must', 'lets', "let's", 'i hope someone', 'hope someone', 'i wish someone', 'wish someone would',
  'hope somebody', 'i hope somebody', 'wish somebody would',
  'people should', 'everyone should', 'someone go', 'somebody go', 'who will', 'time to', 'its time to',
];

/** Violent acts, active voice. Weight: how clearly violent (slap, 0.4; kill, 1). Tag "violent".
 * Matched with an -s or -es ending too ("hope someone torches the mosque"), except the words
 * whose -s form is mostly a noun ("guts", "ends", "cuts", "gases"). */
export const VIOLENT: Lex[] = [
  ['kill', 1], ['murder', 1], ['shoot', 1], ['stab', 1], ['hang', 1], ['lynch', 1], ['behead', 1],
  ['decapitate', 1], ['rape', 1], ['burn', 0.8], ['torch', 0.8], ['bomb', 1], ['blow up', 0.9], ['strangle', 1],
  ['choke', 0.7], ['slit', 1], ['gut', 1, 'word'], ['slaughter', 1], ['butcher', 1], ['execute', 0.9], ['torture', 1],
  ['gas', 1, 'word'], ['shank', 1], ['skin', 0.6, 'word'], ['maim', 1], ['mutilate', 1], ['drown', 0.9], ['hurt', 0.7],
  ['harm', 0.7], ['beat up', 0.8], ['batter', 0.7], ['punch', 0.6], ['smash', 0.5], ['hunt down', 0.8],
  ['track down', 0.6], ['run over', 0.8], ['set fire to', 0.9], ['exterminate', 1],
  ['eradicate', 0.8], ['wipe out', 0.8], ['end', 0.5, 'word'], ['knife', 0.9, 'word'], ['kneecap', 1], ['whack', 0.6],
  ['waste', 0.4, 'word'], ['put a bullet in', 1], ['put a bullet through', 1], ['cut', 0.5, 'word'], ['slap', 0.4], ['kick', 0.6],
];

/** First halves of split phrasal verbs, "run [him] over", "beat [them] up"; the particles and
 * weights are in rules/threat.ts. Tag "split-verb". */
export const SPLIT_VERBS: Lex[] = ['run', 'beat', 'blow', 'hunt', 'track', 'wipe', 'string', 'burn', 'knock', 'put'];

/** Stock threats with the victim inside: they count as a violent act with its target. Weight
 * as for VIOLENT. Tag "violent-aimed". */
export const VIOLENT_AIMED: Lex[] = [
  ['break your legs', 0.9], ['break his legs', 0.9], ['break her legs', 0.9], ['break their legs', 0.9],
  ['break your neck', 0.9], ['break his neck', 0.9], ['break her neck', 0.9], ['break your jaw', 0.8],
  ['break his jaw', 0.8], ['break every bone in your body', 1], ['knock your teeth out', 0.8],
  ['knock his teeth out', 0.8], ['knock your block off', 0.7], ['punch your lights out', 0.7],
  ['punch his lights out', 0.7], ['beat the shit out of you', 0.9], ['beat the shit out of him', 0.9],
  ['kick the shit out of you', 0.9], ['kick the shit out of him', 0.9], ['beat the crap out of you', 0.8],
  ['cave your head in', 0.9], ['cave his head in', 0.9], ['rip your head off', 0.8], ['slit your throat', 1],
  ['slit his throat', 1], ['slit her throat', 1], ['cut your throat', 1], ['put you in the ground', 0.9],
  ['put you in hospital', 0.9], ['put him in hospital', 0.9], ['put you six feet under', 1],
];

/** Violent acts, passive: "should be shot". Tag "passive". */
export const PASSIVE: Lex[] = [
  ['shot', 1], ['hanged', 1], ['hung', 0.8], ['killed', 1], ['executed', 0.9], ['gassed', 1], ['lynched', 1],
  ['shot dead', 1], ['put down', 0.8], ['exterminated', 1], ['eradicated', 0.9], ['wiped out', 0.9],
  ['beheaded', 1], ['burned', 0.8], ['burnt', 0.8], ['burned alive', 1], ['raped', 1], ['strung up', 1],
  ['murdered', 1], ['stabbed', 1], ['tortured', 1], ['put against a wall', 1], ['put up against a wall', 1],
  ['lined up and shot', 1], ['gutted', 0.6], ['skinned alive', 1], ['stoned', 0.6], ['drowned', 0.9],
  ['hunted down', 0.9], ['beaten', 0.7], ['castrated', 0.9], ['sterilised', 0.8], ['sterilized', 0.8],
  ['lined up against a wall', 1], ['lined up against the wall', 1], ['put against the wall', 1],
  ['put up against the wall', 1], ['stood against a wall', 0.9], ['torched', 0.9], ['bombed', 1], ['firebombed', 1],
  ['blown up', 0.9], ['burned down', 0.9], ['burnt down', 0.9], ['burned to the ground', 1], ['set on fire', 0.9],
  ['set alight', 0.9],
];

/** "... should be" before a passive act. Tag "should". */
export const SHOULD_BE: Lex[] = [
  'should be', 'should all be', 'should get', 'should all get', 'needs to be', 'need to be', 'ought to be',
  'must be', 'deserve to be', 'deserves to be', 'deserve to get', 'deserves to get', 'want them', 'should just be',
  'should have been', 'needs to get', 'should of been',
];

/** Whom a threat is aimed at. Tag "target" (plus "you", groups and insults, see rules). */
export const TARGETS: Lex[] = [
  'him', 'her', 'them', 'em', 'he', 'she', 'they', 'your family', 'your kids', 'your children', 'your wife',
  'your husband', 'your mother', 'your mum', 'your mom', 'every one of you', 'all of you', 'all of them',
  'each of you', 'the lot of them', 'yourself', 'that man', 'that woman', 'the bastard', 'the bitch',
  'every last one of you', 'every last one of them', 'every one of them', 'the lot of you', 'each and every one of you',
  // people by role: the usual targets of threats on a news site
  'journalist', 'journalists', 'reporter', 'reporters', 'editor', 'mp', 'mps', 'minister', 'ministers',
  'prime minister', 'president', 'judge', 'judges', 'politician', 'politicians', 'councillor', 'councillors',
  'mayor', 'senator', 'traitor', 'traitors', 'protesters', 'protestors', 'looters', 'rioters', 'cops',
  // the body as the object: "smash his face in", "kick your head in"
  'his face', 'her face', 'your face', 'their faces', 'his head', 'her head', 'your head', 'their heads',
];

/** Places people live, work or worship in: targets of arson and bombing only (see
 * rules/threat.ts). Tag "place". */
export const PLACES: Lex[] = [
  'mosque', 'mosques', 'synagogue', 'synagogues', 'church', 'churches', 'temple', 'temples', 'gurdwara',
  'gurdwaras', 'his house', 'her house', 'their house', 'their houses', 'your house', 'his home', 'her home',
  'their homes', 'your home', 'asylum hotel', 'asylum hotels', 'migrant hotel', 'migrant hotels',
  'the place', 'this place', 'the building', 'the town hall', 'the council offices', 'the offices', 'the office',
  'your office', 'his office', 'parliament', 'the school', 'the hotel', 'the hotels', 'the station', 'the embassy',
  'the camp', 'the camps', 'the shop', 'their shops', 'the centre', 'the asylum centre',
];

/** Wishes of death or harm. Weight is points in "threat". Tag "death-wish". */
export const DEATH_WISH: Lex[] = [
  ['hope you die', 0.8], ['hope u die', 0.8], ['hope he dies', 0.7], ['hope she dies', 0.7], ['hope they die', 0.7],
  ['hope you get cancer', 0.8], ['hope you get raped', 1], ['wish you were dead', 0.8], ['wish you would die', 0.8],
  ['hope you choke', 0.5], ['deserve to die', 0.45], ['deserves to die', 0.45], ['should die', 0.45],
  ['should all die', 0.6], ['must die', 0.45], ['needs to die', 0.45], ['need to die', 0.45], ['die in a fire', 0.7],
  ['rot in hell', 0.25], ['should be dead', 0.5], ['deserve to be raped', 1], ['deserves to be raped', 1],
  ['hope you burn', 0.5], ['better off dead', 0.3], ['deserve a bullet', 0.8], ['deserves a bullet', 0.8],
];

/** Ready-made calls to violence against "them". Weight is points in "threat", plus 0.4 when a
 * person follows and 0.6 when a group does ("kill all" alone 0.3, "kill all muslims" 0.9).
 * Tag "incite". */
export const INCITE: Lex[] = [
  ['hang them', 0.7], ['hang them all', 1], ['hang em', 0.7], ['hang em all', 0.9], ['kill them all', 1],
  ['kill em all', 0.6], ['gas them', 1], ['gas the', 0.3], ['gas them all', 1], ['string them up', 0.8],
  ['line them up and shoot them', 1], ['line them up against a wall', 1], ['line them up against the wall', 1],
  ['up against the wall', 0.5], ['send them to the gas chambers', 1], ['into the ovens', 0.8], ['to the ovens', 0.8],
  ['put them in camps', 0.6], ['shoot them all', 1], ['burn them all', 0.9], ['burn them alive', 1],
  ['exterminate them', 1], ['wipe them out', 0.8], ['wipe them off the face of the earth', 1], ['kill all', 0.3],
  ['death to', 0.3], ['murder them all', 1], ['round them up', 0.4], ['final solution', 0.4], ['nuke them', 0.6],
  ['shoot on sight', 0.5], ['bomb them', 0.7], ['torch their', 0.6], ['burn down their', 0.6], ['behead them', 1],
];

/** Intimidation without a violent verb. Weight is points in "threat". Tag "menace". */
export const MENACE: Lex[] = [
  ['i know where you live', 0.7], ['we know where you live', 0.7], ['watch your back', 0.5], ['youre dead', 0.6],
  ['you are dead', 0.5], ['youre next', 0.4], ['sleep with one eye open', 0.5], ['your days are numbered', 0.5],
  ['im coming for you', 0.6], ['coming for you', 0.5], ['you will pay for this', 0.3], ['ill find you', 0.6],
  ['i will find you', 0.6], ['you wont see it coming', 0.6], ['dead man walking', 0.5], ['see you in the car park', 0.4],
  ['see what happens to you', 0.5], ['find out what happens to you', 0.5], ['your family wont be safe', 0.6],
  ['your kids wont be safe', 0.6], ['your family will pay', 0.5],
];
