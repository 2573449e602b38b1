// Threats and incitement, assembled from parts within one sentence:
//   first person   "I will | I'm going to" … violent verb … target     ("I will kill you")
//   incitement     "someone should | we need to" … violent verb … target ("someone should shoot him")
//   should be      subject … "should be | deserve to be" … passive act   ("they should be hanged")
//   death wish     "hope you die", "deserves to die" (+ who)
//   phrase         "hang them", "kill them all", "gas the …" (+ group)
//   imperative     sentence-initial (or after "and") violent verb + target ("shoot him")
//   menace         "I know where you live"
// A target is a person ("you", "him", "the journalist"), a group, or, for arson and bombing, a
// place people live or worship in ("the mosque", "his house"). Split phrasal verbs count with the target inside:
// "run him over", "beat them up"; stock threats carry their victim: "break your legs".
// Reported or quoted threats ("the suspect threatened to kill", "he told police: 'I will kill
// you'") count a quarter. Negation between the parts breaks them ("I would never hurt you").
import { TARGET_FILLERS, THREAT_FILLERS } from '../lists/function-words.ts';
import type { Doc, LexHit } from '../doc.ts';
import { REPORTED_FACTOR, round, type ScoreReason } from '../types.ts';
import { fold } from '../../normalize.ts';
import { wordSet } from '../words.ts';

const threatFillers = wordSet(THREAT_FILLERS);
const targetFillers = wordSet(TARGET_FILLERS);
/** After "shoot you", these make it "shoot you a message", "cut him some slack", "kill you with kindness". */
const notAnObject = wordSet(['a', 'an', 'some', 'out', 'at', 'off', 'back']);
/** "kill you with kindness": "with" makes the object no victim only before these. */
const benignWith = wordSet(['kindness', 'love', 'compliments', 'praise', 'facts', 'logic', 'questions', 'paperwork', 'emails', 'sarcasm', 'laughter', 'boredom']);
/** After "should be shot / hung / killed / burnt": "shot down", "hung out to dry", "killed off". */
const idiomParticle = wordSet(['of', 'off', 'down', 'out']);
/** "should be deported or shot", "should be dragged out and hanged". */
const coordination = wordSet(['and', 'or', 'then']);
/** A verb right after these continues a command: "take them out back and shoot them". */
const continuation = wordSet(['and', 'then']);
const imperativeLead = wordSet(['just', 'go', 'please', 'and', 'so', 'now', 'then', 'somebody', 'someone', 'pls']);
const passiveFillers = wordSet(['all', 'just', 'fucking', 'publicly', 'immediately', 'be', 'simply', 'promptly']);
const TARGET_TAGS = ['you', 'target', 'group', 'insult'];
/** Places (a mosque, "his house", "the town hall") are targets of arson and bombing only:
 * "gut the place" is a renovation. */
const PLACE_TAGS = [...TARGET_TAGS, 'place'];
const ARSON = new Set(['burn', 'torch', 'bomb', 'blow up', 'blow', 'set fire to', 'burned', 'burnt', 'burned alive', 'torched', 'bombed', 'blown up', 'firebomb', 'petrol bomb', 'firebombed']);
const tagsFor = (act: LexHit | undefined) => (act && (ARSON.has(act.term) || /burn|torch|bomb/.test(act.term)) ? PLACE_TAGS : TARGET_TAGS);
/** Split phrasal verbs: "run [him] over", "burn [the mosque] down", "put [him] in the ground".
 * Verb, then its particles (one or more words) with weights. */
const SPLIT_PARTS: Record<string, [string, number][]> = {
  run: [['over', 0.8]], beat: [['up', 0.8]], blow: [['up', 0.9]], hunt: [['down', 0.8]], track: [['down', 0.6]],
  wipe: [['out', 0.8]], string: [['up', 1]], burn: [['down', 0.9]], knock: [['out', 0.5]],
  put: [['in the ground', 0.9], ['in hospital', 0.9], ['in a box', 0.8], ['six feet under', 1], ['in a body bag', 1]],
};
const SPLIT = Object.fromEntries(Object.entries(SPLIT_PARTS).map(([verb, parts]) =>
  [verb, parts.map(([particle, weight]) => ({ particle, keys: fold(particle).text.split(' '), weight }))]));

/** A command or intent against a group or a place hits more than one person (as in phrases()). */
function groupExtra(target: LexHit | undefined): number {
  return target && ((target.tag === 'group' && target.weight >= 0.9) || target.tag === 'place') ? 0.2 : 0;
}

/** The target of a verb ending just before token t: a person or group within a few fillers. */
function targetAfter(doc: Doc, t: number, maxGap = 4, tags = TARGET_TAGS): LexHit | undefined {
  for (let k = t, gap = 0; k < doc.tokens.length && doc.sameSentence(t - 1, k); k++) {
    const hit = doc.startingAt(k, ...tags);
    if (hit) {
      if (possessive(doc, hit)) return undefined; // "kill the minister's bill"
      const after = hit.last + 1;
      if (after < doc.tokens.length && doc.sameSentence(hit.last, after)) {
        const next = doc.tokens[after].key;
        if (notAnObject.has(next)) return undefined;
        if (next === 'with' && after + 1 < doc.tokens.length && benignWith.has(doc.tokens[after + 1].key)) return undefined;
      }
      return hit;
    }
    if (!targetFillers.has(doc.tokens[k].key) || ++gap > maxGap) return undefined;
  }
  return undefined;
}

/** Who a phrase starting at token t is about: a person or group just before it. */
function subjectBefore(doc: Doc, t: number, maxGap = 2, tags = TARGET_TAGS): LexHit | undefined {
  for (let k = t - 1, gap = 0; k >= 0 && doc.sameSentence(k, t); k--) {
    const hit = doc.endingAt(k, ...tags);
    if (hit) return hit;
    if (!targetFillers.has(doc.tokens[k].key) || ++gap > maxGap) return undefined;
  }
  return undefined;
}

/** "the judge's ruling": the word is an owner, not the object. */
function possessive(doc: Doc, hit: LexHit): boolean {
  const original = doc.folded.original;
  return /['’]s$/.test(original.slice(...hit.span)) || /^['’](?:s\b|\s|$)/.test(original.slice(hit.span[1], hit.span[1] + 3));
}

/** A split phrasal verb at token k with its target inside: "run the MP over", "beat him up". */
function splitVerbAt(doc: Doc, k: number): { verb: LexHit; target: LexHit; weight: number; last: number; particle: string } | undefined {
  const verb = doc.startingAt(k, 'split-verb');
  if (!verb) return undefined;
  const parts = SPLIT[verb.term];
  if (!parts) return undefined;
  for (let t = verb.last + 1, gap = 0; t < doc.tokens.length && doc.sameSentence(verb.last, t); t++) {
    const target = doc.startingAt(t, ...tagsFor(verb));
    if (target) {
      if (possessive(doc, target)) return undefined;
      const after = target.last + 1;
      for (const { particle, keys, weight } of parts) {
        const last = after + keys.length - 1;
        if (last >= doc.tokens.length || !doc.sameSentence(target.last, last)) continue;
        if (!keys.every((key, i) => doc.tokens[after + i].key === key)) continue;
        // "beat them up the league table": before "the" or "a" a one-word particle is a preposition.
        const then = doc.tokens[last + 1];
        if (keys.length === 1 && then && doc.sameSentence(last, last + 1) && (then.key === 'the' || then.key === 'a')) continue;
        return { verb, target, weight, last, particle };
      }
      return undefined;
    }
    if (!targetFillers.has(doc.tokens[t].key) || ++gap > 2) return undefined;
  }
  return undefined;
}

function make(doc: Doc, rule: string, first: number, span: [number, number], points: number, detail: string): ScoreReason {
  // Reporting words that are part of the threat itself ("kill the judge", "shoot the police")
  // are its target, not a report of it.
  let last = first;
  while (last + 1 < doc.tokens.length && doc.span(last + 1, last + 1)[1] <= span[1]) last++;
  const reported = doc.reported(first, last);
  return {
    rule,
    category: 'threat',
    span,
    points: round(points * (reported ? REPORTED_FACTOR : 1)),
    detail: reported ? `${detail}; reported or quoted, counted ×${REPORTED_FACTOR}` : detail,
  };
}

/** "<who> … <violent verb> … <target>": the verb may come a few filler words after the lead. */
function leadVerbTarget(doc: Doc, tag: string, rule: string, aimed: number, unaimed: number): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const lead of doc.byTag(tag)) {
    let best: { points: number; end: number; detail: string } | undefined;
    for (let k = lead.last + 1, steps = 0; k < doc.tokens.length && steps <= 8 && doc.sameSentence(lead.last, k); steps++) {
      const stock = doc.startingAt(k, 'violent-aimed');
      if (stock) {
        const points = stock.weight * aimed;
        if (!best || points > best.points) best = { points, end: stock.span[1], detail: `"${lead.term}" + "${stock.term}"` };
        k = stock.last + 1;
        continue;
      }
      const split = splitVerbAt(doc, k);
      if (split) {
        const points = split.weight * aimed;
        if (!best || points > best.points) {
          best = { points, end: doc.span(split.last, split.last)[1], detail: `"${lead.term}" + "${split.verb.term} … ${split.particle}" + "${split.target.term}"` };
        }
        k = split.last + 1;
        continue;
      }
      const verb = doc.startingAt(k, 'violent');
      if (verb) {
        const target = targetAfter(doc, verb.last + 1, 4, tagsFor(verb));
        const points = verb.weight * (target ? aimed : unaimed);
        if (!best || points > best.points) {
          best = { points, end: (target ?? verb).span[1], detail: `"${lead.term}" + "${verb.term}"${target ? ` + "${target.term}"` : ', no target'}` };
        }
        k = verb.last + 1;
        continue;
      }
      const person = doc.startingAt(k, 'you', 'target');
      if (person) k = person.last + 1;
      else if (threatFillers.has(doc.tokens[k].key)) k++;
      else break;
    }
    if (best) out.push(make(doc, rule, lead.first, [lead.span[0], best.end], best.points, best.detail));
  }
  return out;
}

function shouldBe(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const should of doc.byTag('should')) {
    let k = should.last + 1;
    while (k < doc.tokens.length && passiveFillers.has(doc.tokens[k].key) && k - should.last <= 2) k++;
    let act = doc.startingAt(k, 'passive');
    // "should be deported or shot", "should be dragged out and hanged".
    for (let j = k; !act && j < k + 4 && j + 1 < doc.tokens.length && doc.sameSentence(should.last, j + 1); j++) {
      if (coordination.has(doc.tokens[j].key)) act = doc.startingAt(j + 1, 'passive');
    }
    if (!act || !doc.sameSentence(should.last, act.first)) continue;
    const next = doc.tokens[act.last + 1];
    if (next && doc.sameSentence(act.last, act.last + 1) && idiomParticle.has(next.key)) continue; // "killed off", "shot down", "hung out to dry"
    const subject = subjectBefore(doc, should.first, 2, tagsFor(act));
    const points = act.weight * (subject ? 0.8 : 0.5);
    const who = subject ? `"${subject.term}" ` : '';
    out.push(make(doc, 'threat.should-be', should.first, [(subject ?? should).span[0], act.span[1]], points, `${who}"${should.term} ${act.term}"`));
  }
  return out;
}

function deathWishes(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const wish of doc.byTag('death-wish')) {
    if (doc.negatedBefore(wish.first)) continue;
    const subject = subjectBefore(doc, wish.first);
    const extra = subject ? (subject.tag === 'group' && subject.weight >= 0.9 ? 0.5 : 0.3) : 0;
    const detail = `wish of death or harm "${wish.term}"${subject ? ` about "${subject.term}" (+${extra})` : ''}`;
    out.push(make(doc, 'threat.death-wish', wish.first, [(subject ?? wish).span[0], wish.span[1]], wish.weight + extra, detail));
  }
  return out;
}

function phrases(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const hit of doc.byTag('incite')) {
    if (doc.negatedBefore(hit.first)) continue;
    const target = targetAfter(doc, hit.last + 1, 2, tagsFor(hit));
    const extra = target ? (target.tag === 'group' && target.weight >= 0.9 ? 0.6 : 0.4) : 0;
    const points = hit.weight + extra;
    const detail = `call to violence "${hit.term}"${target ? ` + "${target.term}" (+${extra})` : ''}`;
    out.push(make(doc, 'threat.incitement-phrase', hit.first, [hit.span[0], (target ?? hit).span[1]], points, detail));
  }
  for (const hit of doc.byTag('menace')) {
    if (doc.negatedBefore(hit.first)) continue;
    out.push(make(doc, 'threat.menace', hit.first, hit.span, hit.weight, `intimidation "${hit.term}"`));
  }
  return out;
}

function imperatives(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  // At the start of a sentence (after "just", "go", "please"...), or continuing a command
  // after "and" / "then": "shoot him", "take them out back and shoot them".
  const commanded = (first: number) => {
    let k = first - 1;
    if (k >= 0 && doc.sameSentence(k, first) && continuation.has(doc.tokens[k].key)) return !doc.negatedBefore(k, 8);
    while (k >= 0 && doc.sameSentence(k, first) && imperativeLead.has(doc.tokens[k].key)) k--;
    return !(k >= 0 && doc.sameSentence(k, first));
  };
  for (const verb of doc.byTag('violent')) {
    if (doc.inside(verb.first, 'incite', 'self-harm', 'violent-aimed')) continue;
    if (!commanded(verb.first) || splitVerbAt(doc, verb.first)) continue;
    const target = targetAfter(doc, verb.last + 1, 2, tagsFor(verb));
    if (!target) continue;
    const extra = groupExtra(target);
    const detail = `"${verb.term}" + "${target.term}" as a command${extra ? ` against a group or place (+${extra})` : ''}`;
    out.push(make(doc, 'threat.imperative', verb.first, [verb.span[0], target.span[1]], 0.6 * verb.weight + extra, detail));
  }
  for (const stock of doc.byTag('violent-aimed')) {
    if (!commanded(stock.first)) continue;
    out.push(make(doc, 'threat.imperative', stock.first, stock.span, 0.6 * stock.weight, `"${stock.term}" as a command`));
  }
  for (const verb of doc.byTag('split-verb')) {
    if (!commanded(verb.first)) continue;
    const split = splitVerbAt(doc, verb.first);
    if (!split) continue;
    const extra = groupExtra(split.target);
    out.push(make(doc, 'threat.imperative', verb.first, [verb.span[0], doc.span(split.last, split.last)[1]], 0.6 * split.weight + extra,
      `"${verb.term} … ${split.particle}" + "${split.target.term}" as a command${extra ? ` against a group or place (+${extra})` : ''}`));
  }
  return out;
}

export function threats(doc: Doc): ScoreReason[] {
  return [
    ...leadVerbTarget(doc, 'intent', 'threat.first-person', 1, 0.3),
    ...leadVerbTarget(doc, 'incite-subject', 'threat.incitement', 0.9, 0.4),
    ...shouldBe(doc),
    ...deathWishes(doc),
    ...phrases(doc),
    ...imperatives(doc),
  ];
}
