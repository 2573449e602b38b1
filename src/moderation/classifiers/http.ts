// A generic HTTP classifier for a self-hosted model.
//
// Request:  POST {url}   Content-Type: application/json   Authorization: Bearer TOKEN (if set)
//           { "text": "...", "site": "demo", "comment": "id of an edited comment"?, "author": "name"? }
// Answer:   200 { "scores": { "toxicity": 0.91, "spam": 0.02 },
//                 "spans"?: [ { "label": "toxicity", "start": 10, "end": 17, "score": 0.95 } ],
//                 "decision"?: "approved" | "pending" | "rejected" | "spam",
//                 "detail"?: "free text shown to moderators" }
//           Scores are 0..1; spans are [start, end) in UTF-16 code units of `text`. The site's
//           thresholds (classifiers.http.thresholds, by label) decide; a `decision` from the model
//           counts too (the stronger of the two wins). Any other status or shape is a failure.
import type { Decision } from '../phase.ts';
import { call, parseJson } from './http-call.ts';
import { judge, type LabelScore } from './thresholds.ts';
import { ClassifierError, type ClassifierAdapter } from './types.ts';

export interface HttpClassifierOptions {
  url: string;
  /** Sent as a bearer token (CLASSIFIER_TOKEN). */
  token?: string | null;
}

const DECISIONS = new Set<Decision>(['approved', 'pending', 'rejected', 'spam']);
const RANK: Record<Decision, number> = { approved: 0, pending: 1, spam: 2, rejected: 3 };

interface ModelAnswer {
  scores?: Record<string, unknown>;
  spans?: Array<{ label?: unknown; start?: unknown; end?: unknown; score?: unknown }>;
  decision?: unknown;
  detail?: unknown;
}

export function createHttpClassifier({ url, token }: HttpClassifierOptions): ClassifierAdapter {
  return {
    name: 'http',
    async classify(input, { settings, siteId, signal }) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const request = { text: input.text, site: siteId, comment: input.commentId, author: input.author?.name ?? undefined };
      const answer = await call(url, { method: 'POST', headers, body: JSON.stringify(request), signal });
      if (answer.status !== 200) throw new ClassifierError('status', `HTTP ${answer.status}`);
      const data = parseJson(answer.body) as ModelAnswer;
      if (!data || typeof data !== 'object' || !data.scores || typeof data.scores !== 'object') throw new ClassifierError('response', 'answer has no scores');
      const best = new Map<string, [number, number]>();
      const bestScore = new Map<string, number>();
      for (const s of Array.isArray(data.spans) ? data.spans : []) {
        if (typeof s.label !== 'string' || !Number.isInteger(s.start) || !Number.isInteger(s.end) || typeof s.score !== 'number') continue;
        const [start, end] = [s.start as number, s.end as number];
        if (start < 0 || end <= start || end > input.text.length) continue;
        if (s.score > (bestScore.get(s.label) ?? -1)) (bestScore.set(s.label, s.score), best.set(s.label, [start, end]));
      }
      const scores: LabelScore[] = [];
      for (const [label, value] of Object.entries(data.scores).slice(0, 100)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        scores.push({ label, score: Math.min(1, Math.max(0, value)), span: best.get(label) });
      }
      const outcome = judge('classifiers', 'http', scores, settings.classifiers.http.thresholds);
      const said = typeof data.decision === 'string' && DECISIONS.has(data.decision as Decision) ? (data.decision as Decision) : undefined;
      if (said && said !== 'approved') {
        const detail = typeof data.detail === 'string' ? data.detail.slice(0, 500) : `the model says ${said}`;
        outcome.reasons.push({ phase: 'classifiers', rule: 'http.decision', detail });
        if (!outcome.decision || RANK[said] > RANK[outcome.decision]) outcome.decision = said;
      }
      return outcome;
    },
  };
}
