// Telling someone to kill or harm themselves ("kys", "kill yourself", "go die"). Not after a
// negation ("don't kill yourself over it"); reported or quoted counts a quarter.
import type { Doc } from '../doc.ts';
import { REPORTED_FACTOR, round, type ScoreReason } from '../types.ts';

export function selfHarm(doc: Doc): ScoreReason[] {
  const out: ScoreReason[] = [];
  for (const hit of doc.byTag('self-harm')) {
    if (doc.negatedBefore(hit.first)) continue;
    const reported = doc.reported(hit.first);
    out.push({
      rule: 'self-harm.taunt',
      category: 'self-harm',
      span: hit.span,
      points: round(hit.weight * (reported ? REPORTED_FACTOR : 1)),
      detail: `"${hit.term}"${reported ? ', reported or quoted' : ''}`,
    });
  }
  return out;
}
