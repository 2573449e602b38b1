// Public surface of the moderation text defences.
import { scorerPhase } from './phases/scorer.ts';
import { termsPhase } from './phases/terms.ts';

export { fold, originalSpan, type Folded } from './normalize.ts';
export { compileTerms, matchTerms, termsFor, type TermHit, type TermLists, type TermSpec } from './terms.ts';
export { prepareScorer, score, type ScoreResult, type ScoreReason } from './scorer/index.ts';
export { runPipeline, foldedOf, type Phase, type PhaseInput, type PhaseContext, type PhaseResult, type Reason, type Decision, type PipelineResult } from './phase.ts';
export { defaultModerationSettings, resolveModerationSettings, type ModerationSettings, type ScoreCategory } from './settings.ts';
export { termsPhase, scorerPhase };

/** The text phases in pipeline order: site terms first (cheap, decisive), then the scorer. */
export const textPhases = [termsPhase, scorerPhase];
