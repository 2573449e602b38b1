// Perspective API (comments:analyze): TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, THREAT and
// INSULT, each a probability 0..1 held against the site's thresholds.
//
// Request:  POST {endpoint}/comments:analyze?key=API_KEY
//           { "comment": { "text": "...", "type": "PLAIN_TEXT" }, "languages": ["en"]?,
//             "requestedAttributes": { "TOXICITY": {}, ... }, "doNotStore": true, "spanAnnotations": true }
// Answer:   { "attributeScores": { "TOXICITY": { "summaryScore": { "value": 0.93, "type": "PROBABILITY" },
//             "spanScores": [ { "begin": 0, "end": 12, "score": { "value": 0.93 } } ] }, ... },
//             "languages": ["en"] }
// Errors:   { "error": { "code": 400, "message": "...", "status": "INVALID_ARGUMENT" } }; a language an
//           attribute does not support is not a failure: the comment is simply not scored.
import { PERSPECTIVE_ATTRIBUTES } from '../settings.ts';
import { call, parseJson } from './http-call.ts';
import { judge, type LabelScore } from './thresholds.ts';
import { ClassifierError, type ClassifierAdapter } from './types.ts';

export const PERSPECTIVE_ENDPOINT = 'https://commentanalyzer.googleapis.com/v1alpha1';

export interface PerspectiveOptions {
  apiKey: string;
  /** Base URL (tests, proxies); default Google's. */
  endpoint?: string;
}

interface AttributeScore {
  summaryScore?: { value?: number };
  spanScores?: Array<{ begin?: number; end?: number; score?: { value?: number } }>;
}

export function createPerspective({ apiKey, endpoint = PERSPECTIVE_ENDPOINT }: PerspectiveOptions): ClassifierAdapter {
  const url = `${endpoint.replace(/\/$/, '')}/comments:analyze?key=${encodeURIComponent(apiKey)}`;
  return {
    name: 'perspective',
    async classify(input, { settings, signal }) {
      const { languages, thresholds } = settings.classifiers.perspective;
      const body = {
        comment: { text: input.text, type: 'PLAIN_TEXT' },
        ...(languages.length ? { languages } : {}),
        requestedAttributes: Object.fromEntries(PERSPECTIVE_ATTRIBUTES.map((a) => [a, {}])),
        doNotStore: true,
        spanAnnotations: true,
      };
      const answer = await call(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
      if (answer.status !== 200) {
        const error = (parseJsonOrNull(answer.body) as { error?: { message?: string; status?: string } } | null)?.error;
        if (answer.status === 400 && /does not support request languages|language/i.test(error?.message ?? '')) {
          return { reasons: [{ phase: 'classifiers', rule: 'perspective.unsupported-language', detail: error?.message ?? 'language not supported' }] };
        }
        throw new ClassifierError('status', `HTTP ${answer.status}${error?.status ? ` ${error.status}` : ''}${error?.message ? `: ${error.message}` : ''}`);
      }
      const data = parseJson(answer.body) as { attributeScores?: Record<string, AttributeScore> };
      if (!data || typeof data.attributeScores !== 'object' || data.attributeScores === null) {
        throw new ClassifierError('response', 'answer has no attributeScores');
      }
      const scores: LabelScore[] = [];
      for (const attribute of PERSPECTIVE_ATTRIBUTES) {
        const entry = data.attributeScores[attribute];
        const value = entry?.summaryScore?.value;
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        scores.push({ label: attribute, score: Math.min(1, Math.max(0, value)), span: topSpan(input.text, entry?.spanScores) });
      }
      if (!scores.length) throw new ClassifierError('response', 'answer scores none of the requested attributes');
      return judge('classifiers', 'perspective', scores, thresholds);
    },
  };
}

function parseJsonOrNull(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** The highest-scoring span, converted from code point offsets to UTF-16 ones. */
function topSpan(text: string, spans: AttributeScore['spanScores']): [number, number] | undefined {
  let best: { begin: number; end: number; value: number } | undefined;
  for (const s of spans ?? []) {
    const value = s.score?.value;
    if (typeof s.begin !== 'number' || typeof s.end !== 'number' || typeof value !== 'number') continue;
    if (!best || value > best.value) best = { begin: s.begin, end: s.end, value };
  }
  if (!best) return undefined;
  const points = [...text];
  const toUnits = (n: number) => points.slice(0, Math.max(0, Math.min(n, points.length))).join('').length;
  const start = toUnits(best.begin);
  const end = toUnits(best.end);
  return end > start ? [start, end] : undefined;
}
