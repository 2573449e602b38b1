// The moderation pipeline: an ordered list of small phases. Each phase looks at the comment,
// explains itself with reasons and may decide. The pipeline times every phase and stops at the
// first rejection (or spam verdict); a "pending" verdict holds the comment but later phases
// still run, so a later phase can still reject it and every reason is collected.
import { fold, type Folded } from './normalize.ts';
import type { ModerationSettings } from './settings.ts';

export type Decision = 'approved' | 'pending' | 'rejected' | 'spam';

export interface Reason {
  phase: string;
  rule: string;
  category?: string;
  /** [start, end) in the comment's original text, UTF-16 code units. */
  span?: [number, number];
  score?: number;
  detail?: string;
}

export interface PhaseInput {
  /** The comment body as submitted (source text, before rendering). */
  text: string;
}

export interface PhaseContext {
  settings: ModerationSettings;
  /** Scope for caches of compiled per-site data, usually the site id. */
  siteId?: string;
}

export interface PhaseResult {
  reasons: Reason[];
  decision?: Decision;
}

export interface Phase {
  name: string;
  run(input: PhaseInput, ctx: PhaseContext): Promise<PhaseResult> | PhaseResult;
}

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface PipelineResult {
  status: Decision;
  reasons: Reason[];
  timings: PhaseTiming[];
}

const foldedTexts = new WeakMap<PhaseInput, Folded>();

/** The input's folded text, computed once per input and shared by the phases that need it. */
export function foldedOf(input: PhaseInput): Folded {
  let folded = foldedTexts.get(input);
  if (!folded || folded.original !== input.text) {
    folded = fold(input.text);
    foldedTexts.set(input, folded);
  }
  return folded;
}

export async function runPipeline(phases: readonly Phase[], input: PhaseInput, ctx: PhaseContext): Promise<PipelineResult> {
  const reasons: Reason[] = [];
  const timings: PhaseTiming[] = [];
  let held = false;
  for (const phase of phases) {
    const started = performance.now();
    const pending = phase.run(input, ctx);
    const result = pending instanceof Promise ? await pending : pending;
    timings.push({ phase: phase.name, ms: performance.now() - started });
    reasons.push(...result.reasons);
    if (result.decision === 'rejected' || result.decision === 'spam') return { status: result.decision, reasons, timings };
    if (result.decision === 'pending') held = true;
  }
  return { status: held ? 'pending' : 'approved', reasons, timings };
}
