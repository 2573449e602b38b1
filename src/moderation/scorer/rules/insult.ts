// Insults aimed at a person ("you idiot", "you're such a fucking moron", "fuck you") against
// insults of nobody in particular ("what an idiotic policy", "the minister is a clown"). Several
// insults in one address add up ("you sad pathetic loser"); "an idiot like you" is aimed too.
import { INSULT_FILLERS } from '../lists/function-words.ts';
import type { Doc, LexHit } from '../doc.ts';
import { REPORTED_FACTOR, round, type ScoreReason } from '../types.ts';
import { wordSet } from '../words.ts';

const fillers = wordSet(INSULT_FILLERS);
/** Points for an insult aimed at the addressee, and for one aimed at nobody, per weight. */
const AIMED = 0.7;
const UNAIMED = 0.1;
/** How many words may sit between "you" and the insult. */
const WINDOW = 6;
/** Further insults in the same address ("you sad pathetic loser") add this share of their weight. */
const FURTHER = 0.5;
/** "an idiot like you", "morons such as you". */
const likeYou = wordSet(['like', 'as']);

/** The insults reachable from a "you" through filler words only, strongest first. */
function insultsAfter(doc: Doc, you: LexHit, used: Set<LexHit>): LexHit[] {
  const found: LexHit[] = [];
  for (let t = you.last + 1; t < doc.tokens.length && t <= you.last + 1 + WINDOW && doc.sameSentence(you.last, t); ) {
    const insult = doc.startingAt(t, 'insult');
    if (insult) {
      used.add(insult);
      found.push(insult);
      t = insult.last + 1;
    } else if (fillers.has(doc.tokens[t].key) || doc.inside(t, 'profanity')) t++;
    else break;
  }
  return found.sort((a, b) => b.weight - a.weight);
}

/** An insult just before "like you" / "such as you" ("only an imbecile like you would..."), or
 * an exclamation "what an idiot you are". */
function insultBefore(doc: Doc, you: LexHit, used: Set<LexHit>): LexHit | undefined {
  const k = you.first - 1;
  if (k >= 1 && doc.sameSentence(k, you.first)) {
    const exclaimed = doc.endingAt(k, 'insult');
    if (exclaimed && [1, 2, 3].some((d) => exclaimed.first - d >= 0 && doc.sameSentence(exclaimed.first - d, k) && doc.tokens[exclaimed.first - d].key === 'what')) {
      used.add(exclaimed);
      return exclaimed;
    }
  }
  if (k < 1 || !doc.sameSentence(k, you.first) || !likeYou.has(doc.tokens[k].key)) return undefined;
  let t = k - 1;
  if (doc.tokens[t].key === 'such' && t > 0) t--;
  const insult = doc.endingAt(t, 'insult');
  if (insult) used.add(insult);
  return insult;
}

export function insults(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  const used = new Set<LexHit>();
  for (const hit of doc.byTag('directed')) {
    if (doc.negatedBefore(hit.first)) continue;
    const reported = doc.reported(hit.first);
    out.push({
      rule: 'insult.directed-profanity',
      category: 'insult',
      span: hit.span,
      points: round(hit.weight * (reported ? REPORTED_FACTOR : 1)),
      detail: `"${hit.term}" aimed at someone${reported ? ', reported or quoted' : ''}`,
    });
  }
  for (const you of doc.byTag('you')) {
    const found = insultsAfter(doc, you, used);
    const before = found.length ? undefined : insultBefore(doc, you, used);
    if (before) found.push(before);
    if (!found.length) continue;
    const [insult, ...more] = found;
    const severity = Math.min(1, insult.weight + FURTHER * more.reduce((sum, m) => sum + m.weight, 0));
    const reported = doc.reported(you.first);
    const from = Math.min(you.span[0], ...found.map((f) => f.span[0]));
    const to = Math.max(you.span[1], ...found.map((f) => f.span[1]));
    const also = more.length ? ` + ${more.map((m) => `"${m.term}"`).join(', ')} (×${FURTHER})` : '';
    out.push({
      rule: 'insult.second-person',
      category: 'insult',
      span: [from, to],
      points: round(AIMED * severity * (reported ? REPORTED_FACTOR : 1)),
      detail: `"${insult.term}"${also} aimed at the person addressed (severity ${round(severity)})${reported ? ', reported or quoted' : ''}`,
    });
  }
  for (const insult of doc.byTag('insult')) {
    if (used.has(insult)) continue;
    out.push({
      rule: 'insult.untargeted',
      category: 'insult',
      span: insult.span,
      points: round(UNAIMED * insult.weight),
      detail: `"${insult.term}" not aimed at the person addressed`,
    });
  }
  return out;
}
