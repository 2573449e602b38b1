// Insults aimed at a person ("you idiot", "you're such a fucking moron", "fuck you") against
// insults of nobody in particular ("what an idiotic policy", "the minister is a clown").
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

/** The strongest insult reachable from a "you" through filler words only. */
function insultAfter(doc: Doc, you: LexHit, used: Set<LexHit>): LexHit | undefined {
  let best: LexHit | undefined;
  for (let t = you.last + 1; t < doc.tokens.length && t <= you.last + 1 + WINDOW && doc.sameSentence(you.last, t); ) {
    const insult = doc.startingAt(t, 'insult');
    if (insult) {
      used.add(insult);
      if (!best || insult.weight > best.weight) best = insult;
      t = insult.last + 1;
    } else if (fillers.has(doc.tokens[t].key) || doc.inside(t, 'profanity')) t++;
    else break;
  }
  return best;
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
    const insult = insultAfter(doc, you, used);
    if (!insult) continue;
    const reported = doc.reported(you.first);
    out.push({
      rule: 'insult.second-person',
      category: 'insult',
      span: [you.span[0], insult.span[1]],
      points: round(AIMED * insult.weight * (reported ? REPORTED_FACTOR : 1)),
      detail: `"${insult.term}" aimed at the person addressed (severity ${insult.weight})${reported ? ', reported or quoted' : ''}`,
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
