// Look-alike characters that Unicode normalisation (NFKD) leaves alone, mapped to the Latin
// letter they imitate. NFKD already folds fullwidth forms, mathematical alphanumerics, circled
// and superscript letters; this table adds the common cross-script look-alikes (Cyrillic,
// Greek, Armenian), Latin small capitals and letters with strokes, and the emoji letters.
// A compact subset of Unicode's confusables.txt: the characters seen in abuse, not all 6,000.

/** Pairs written as "source target" strings of equal length (in code points). */
const PAIRS: readonly [string, string][] = [
  // Cyrillic lower case (upper case is lowered first, see foldCodePoint)
  ['авгеёіїјкмнопрстухшщъьѕԁԛԝӏһүҡ', 'abreeiijkmhonpctyxwwbbsdqwlhyk'],
  // Greek lower case
  ['αβγεηικμνοπρτυχωϲϳ', 'abyenikuvonptuxwcj'],
  // Armenian
  ['օսհոցզ', 'ouhngq'],
  // Latin small capitals and other look-alikes
  ['ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ', 'abcdefghijklmnoprstuvwyz'],
  ['ıȷɑɡƅɩƒøđħłðþ', 'ijagbifodhldp'],
];

/** Upper-case letters whose lower-case form looks different (Greek Η is "H", η is "n"). */
const UPPER_PAIRS: readonly [string, string][] = [
  ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹ', 'abezhikmnoptyxc'],
  ['АВЕКМНОРСТУХЅІЈӀҺҮ', 'abekmhopctyxsijlhy'],
];

function build(pairs: readonly [string, string][]): Map<number, string> {
  const map = new Map<number, string>();
  for (const [from, to] of pairs) {
    const source = [...from];
    const target = [...to];
    if (source.length !== target.length) throw new Error(`confusables: uneven pair ${from}`);
    source.forEach((ch, i) => {
      // A target that is not a-z means "no Latin look-alike": keep it out of the table.
      if (/^[a-z]$/.test(target[i])) map.set(ch.codePointAt(0)!, target[i]);
    });
  }
  return map;
}

const LOWER = build(PAIRS);
const UPPER = build(UPPER_PAIRS);

/** The Latin letter a character imitates, or undefined. `lower` is the character lowered. */
export function latinLookAlike(cp: number, lower: number): string | undefined {
  const upper = UPPER.get(cp);
  if (upper) return upper;
  const mapped = LOWER.get(lower);
  if (mapped) return mapped;
  // Emoji letters: regional indicators, negative circled and negative squared capitals.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return String.fromCharCode(97 + cp - 0x1f1e6);
  if (cp >= 0x1f150 && cp <= 0x1f169) return String.fromCharCode(97 + cp - 0x1f150);
  if (cp >= 0x1f170 && cp <= 0x1f189) return String.fromCharCode(97 + cp - 0x1f170);
  return undefined;
}

/** Extra one-to-many foldings NFKD does not do. */
export const EXPANSIONS: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
]);
