// Threats and incitement, assembled from parts within one sentence:
//   first person   "I will | I'm going to" … violent verb … target     ("I will kill you")
//   incitement     "someone should | we need to" … violent verb … target ("someone should shoot him")
//   should be      subject … "should be | deserve to be" … passive act   ("they should be hanged")
//   death wish     "hope you die", "deserves to die" (+ who)
//   phrase         "hang them", "kill them all", "gas the …" (+ group)
//   imperative     sentence-initial violent verb + target                ("shoot him")
//   menace         "I know where you live"
// Reported or quoted threats ("the suspect threatened to kill", "he told police: 'I will kill
// you'") count a quarter. Negation between the parts breaks them ("I would never hurt you").
import { TARGET_FILLERS, THREAT_FILLERS } from '../lists/function-words.ts';
import type { Doc, LexHit } from '../doc.ts';
import { REPORTED_FACTOR, round, type ScoreReason } from '../types.ts';
import { wordSet } from '../words.ts';

const threatFillers = wordSet(THREAT_FILLERS);
const targetFillers = wordSet(TARGET_FILLERS);
/** After "shoot you", these make it "shoot you a message", "cut him some slack", "kill you with kindness". */
const notAnObject = wordSet(['a', 'an', 'some', 'with', 'out', 'at', 'off', 'back']);
const imperativeLead = wordSet(['just', 'go', 'please', 'and', 'so', 'now', 'then', 'somebody', 'someone', 'pls']);
const passiveFillers = wordSet(['all', 'just', 'fucking', 'publicly', 'immediately', 'be', 'simply', 'promptly']);
const TARGET_TAGS = ['you', 'target', 'group', 'insult'];

/** The target of a verb ending just before token t: a person or group within a few fillers. */
function targetAfter(doc: Doc, t: number, maxGap = 4): LexHit | undefined {
  for (let k = t, gap = 0; k < doc.tokens.length && doc.sameSentence(t - 1, k); k++) {
    const hit = doc.startingAt(k, ...TARGET_TAGS);
    if (hit) {
      const after = hit.last + 1;
      if (after < doc.tokens.length && doc.sameSentence(hit.last, after) && notAnObject.has(doc.tokens[after].key)) return undefined;
      return hit;
    }
    if (!targetFillers.has(doc.tokens[k].key) || ++gap > maxGap) return undefined;
  }
  return undefined;
}

/** Who a phrase starting at token t is about: a person or group just before it. */
function subjectBefore(doc: Doc, t: number, maxGap = 2): LexHit | undefined {
  for (let k = t - 1, gap = 0; k >= 0 && doc.sameSentence(k, t); k--) {
    const hit = doc.endingAt(k, ...TARGET_TAGS);
    if (hit) return hit;
    if (!targetFillers.has(doc.tokens[k].key) || ++gap > maxGap) return undefined;
  }
  return undefined;
}

function make(doc: Doc, rule: string, first: number, span: [number, number], points: number, detail: string): ScoreReason {
  const reported = doc.reported(first);
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
      const verb = doc.startingAt(k, 'violent');
      if (verb) {
        const target = targetAfter(doc, verb.last + 1);
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
    const act = doc.startingAt(k, 'passive');
    if (!act || !doc.sameSentence(should.last, k)) continue;
    const next = doc.tokens[act.last + 1];
    if (next && next.key === 'of') continue; // "killed off" is folded "kiled of"
    const subject = subjectBefore(doc, should.first);
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
    const target = targetAfter(doc, hit.last + 1, 2);
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
  for (const verb of doc.byTag('violent')) {
    if (doc.inside(verb.first, 'incite', 'self-harm')) continue;
    let k = verb.first - 1;
    while (k >= 0 && doc.sameSentence(k, verb.first) && imperativeLead.has(doc.tokens[k].key)) k--;
    if (k >= 0 && doc.sameSentence(k, verb.first)) continue; // not at the start of a sentence
    const target = targetAfter(doc, verb.last + 1, 2);
    if (!target) continue;
    out.push(make(doc, 'threat.imperative', verb.first, [verb.span[0], target.span[1]], 0.6 * verb.weight, `"${verb.term}" + "${target.term}" as a command`));
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
