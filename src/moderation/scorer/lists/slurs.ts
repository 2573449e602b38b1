// Slurs against people for their ethnicity, nationality, religion, sexuality, gender identity
// or disability, listed factually so they can be detected. Weight 1 for unambiguous slurs;
// lower where the word has innocent senses or in-group use ("coon" the animal, "nigga" in
// quoted lyrics), which the default thresholds then hold for review instead of rejecting.
//
// Default mode is "stem": the word alone, or followed by s, es, z, lover(s), loving
// ("prefix-formed" slurs such as "kikes", "nigger-lover", "niggerlover"). Compounds where the
// slur comes second are listed in full ("sandnigger"), never as a bare suffix: "snigger".
import type { Lex } from './types.ts';

export const SLURS: Lex[] = [
  // anti-Black
  ['nigger', 1], ['niggers', 1], ['nigga', 0.7], ['niggah', 0.7], ['nigguh', 0.7], ['negro', 0.4, 'word'], ['negroes', 0.4, 'word'],
  ['nignog', 1], ['nig nog', 1], ['jigaboo', 1], ['jiggaboo', 1], ['porch monkey', 1], ['jungle bunny', 1],
  ['sambo', 0.9], ['darkie', 1], ['darky', 1], ['coon', 0.6, 'word'], ['coons', 0.6, 'word'], ['groid', 1],
  ['dindu', 1], ['dindu nuffin', 1], ['shitskin', 1], ['mudshark', 1], ['golliwog', 0.8], ['spearchucker', 1],
  ['tar baby', 0.6, 'word'], ['sand nigger', 1], ['sandnigger', 1], ['dune coon', 1],
  // anti-Jewish
  ['kike', 1], ['yid', 0.8], ['yids', 0.8], ['heeb', 0.9], ['hymie', 0.9], ['sheeny', 0.9], ['jewboy', 1], ['christ killers', 0.9],
  // anti-Hispanic, anti-Asian, other ethnic
  ['spic', 1], ['spick', 1], ['wetback', 1], ['beaner', 1], ['chink', 1], ['chinky', 0.9], ['chinkies', 0.9], ['gook', 1], ['zipperhead', 1],
  ['slant eye', 1], ['slanteye', 1], ['ching chong', 1], ['jap', 0.6, 'word'], ['japs', 0.6, 'word'], ['wog', 1],
  ['wop', 0.9], ['dago', 0.9], ['polack', 0.8], ['kraut', 0.5, 'word'], ['gyppo', 1], ['gypo', 1], ['pikey', 1],
  ['injun', 0.9], ['redskin', 0.6], ['squaw', 0.8], ['boong', 1], ['abo', 0.6, 'word'], ['kaffir', 1],
  ['half breed', 0.7], ['halfbreed', 0.7], ['honky', 0.6], ['whitey', 0.5, 'word'], ['pajeet', 1],
  ['curry muncher', 1], ['paki', 1], ['pakis', 1],
  // anti-Muslim, anti-Arab
  ['raghead', 1], ['towelhead', 1], ['camel jockey', 1], ['muzzie', 1], ['muzrat', 1], ['mudslime', 1],
  ['goatfucker', 1], ['goat fucker', 1],
  // sexuality and gender identity
  ['faggot', 1], ['fag', 0.9, 'stem', ['s', 'got', 'gots', 'gy', 'lover']], ['faggy', 1], ['dyke', 0.6],
  ['tranny', 0.9], ['trannies', 0.9], ['troon', 1], ['shemale', 0.8], ['poof', 0.8], ['poofter', 0.9], ['batty boy', 1],
  // disability
  ['retard', 0.6], ['retarded', 0.4, 'word'], ['spastic', 0.4, 'word'], ['spaz', 0.5], ['mong', 0.5, 'word'],
];
