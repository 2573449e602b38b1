// Rules that count words on their own: profanity, slurs, coded hate.
import type { Doc } from '../doc.ts';
import { round, type ScoreReason } from '../types.ts';

/** Slurs and coded hate reported or quoted ("he was fined for calling a player a ...") count
 * half: enough to hold the comment for a moderator, not to reject it unseen. */
const QUOTED_SLUR_FACTOR = 0.5;

/** Swearing: weight per word ("this is fucking great" scores 0.1). */
export function profanity(doc: Doc): ScoreReason[] {
  return doc.byTag('profanity').map((hit) => ({
    rule: 'profanity.word',
    category: 'profanity',
    span: hit.span,
    points: hit.weight,
    detail: `swear word "${doc.folded.original.slice(...hit.span)}" (${hit.term})`,
  }));
}

export function slurs(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const hit of [...doc.byTag('slur'), ...doc.byTag('coded')]) {
    const reported = doc.reported(hit.first);
    const coded = hit.tag === 'coded';
    out.push({
      rule: coded ? 'slur.coded' : 'slur.term',
      category: 'slur',
      span: hit.span,
      points: round(hit.weight * (reported ? QUOTED_SLUR_FACTOR : 1)),
      detail: `${coded ? 'coded hate term' : 'slur'} "${hit.term}"${reported ? ', reported or quoted: halved' : ''}`,
    });
  }
  // Triple parentheses around a name mark it as Jewish in antisemitic usage: (((them))).
  for (const m of doc.folded.original.matchAll(/\(\(\(\s*[^()\n]{1,40}?\s*\)\)\)/gu)) {
    out.push({
      rule: 'slur.echo',
      category: 'slur',
      span: [m.index, m.index + m[0].length],
      points: 0.6,
      detail: 'antisemitic "echo" parentheses',
    });
  }
  return out;
}
