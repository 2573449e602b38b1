// Dehumanising language about groups: a group noun and what it is called, joined by filler
// words only ("immigrants are vermin", "Muslims are nothing but a disease", "these people
// breed like rats"), or the other way round ("vermin like the refugees", "muslim scum").
// Negation or any other word breaks the chain: "immigrants are not vermin", "refugees are
// fleeing war". Reported or quoted ("he called refugees vermin") counts half.
import { DEHUMAN_FILLERS } from '../lists/function-words.ts';
import type { Doc, LexHit } from '../doc.ts';
import { round, type ScoreReason } from '../types.ts';
import { wordSet } from '../words.ts';

const fillers = wordSet(DEHUMAN_FILLERS);
const reversedFillers = wordSet(['like', 'such', 'as', 'those', 'these', 'the', 'all', 'of', 'fucking', 'dirty', 'filthy']);
const linking = wordSet(['like', 'such']);
const WINDOW = 6;
const FACTOR = 0.9;
const REPORTED = 0.5;

function predicateAfter(doc: Doc, group: LexHit): LexHit | undefined {
  for (let t = group.last + 1; t < doc.tokens.length && t <= group.last + 1 + WINDOW && doc.sameSentence(group.last, t); ) {
    const predicate = doc.startingAt(t, 'dehuman');
    if (predicate) return predicate;
    if (!fillers.has(doc.tokens[t].key)) return undefined;
    t++;
  }
  return undefined;
}

/** "vermin like the immigrants", "parasites such as ...": the other way round needs "like" or
 * "such", and a group noun proper (not "they", which may start the next clause). */
function groupAfter(doc: Doc, predicate: LexHit): LexHit | undefined {
  let linked = false;
  for (let t = predicate.last + 1; t < doc.tokens.length && t <= predicate.last + 3 && doc.sameSentence(predicate.last, t); t++) {
    const group = doc.startingAt(t, 'group');
    if (group) return linked && group.weight >= 0.9 ? group : undefined;
    if (!reversedFillers.has(doc.tokens[t].key)) return undefined;
    linked ||= linking.has(doc.tokens[t].key);
  }
  return undefined;
}

export function dehumanising(doc: Doc): ScoreReason[] {
  const pairs = new Map<string, { group: LexHit; predicate: LexHit }>();
  for (const group of doc.byTag('group')) {
    const predicate = predicateAfter(doc, group);
    if (predicate) pairs.set(`${group.first}:${predicate.first}`, { group, predicate });
  }
  for (const predicate of doc.byTag('dehuman')) {
    const group = groupAfter(doc, predicate);
    if (group) pairs.set(`${group.first}:${predicate.first}`, { group, predicate });
  }
  const out: ScoreReason[] = [];
  for (const { group, predicate } of pairs.values()) {
    const first = Math.min(group.first, predicate.first);
    const reported = doc.reported(first);
    const points = FACTOR * group.weight * predicate.weight * (reported ? REPORTED : 1);
    out.push({
      rule: 'dehumanising.group-predicate',
      category: 'dehumanising',
      span: [Math.min(group.span[0], predicate.span[0]), Math.max(group.span[1], predicate.span[1])],
      points: round(points),
      detail: `"${group.term}" called "${predicate.term}" (group ${group.weight} × term ${predicate.weight})${reported ? ', reported or quoted: halved' : ''}`,
    });
  }
  return out;
}
