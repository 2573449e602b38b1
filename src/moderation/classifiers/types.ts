// One interface for external classifiers (Perspective, Akismet, a self-hosted model). An
// adapter turns the comment into its provider's request, the answer into reasons and a
// decision by the site's settings, and every failure (network, HTTP status, malformed answer,
// timeout through the signal) into a thrown ClassifierError; the classifiers phase applies
// the site's fail-open or fail-closed policy.
import type { Decision, PhaseInput, Reason } from '../phase.ts';
import type { ModerationSettings } from '../settings.ts';

export type ClassifierName = 'perspective' | 'akismet' | 'http';

export interface ClassifierCall {
  settings: ModerationSettings;
  siteId?: string;
  /** Aborts the request when the site's timeout passes. */
  signal: AbortSignal;
}

export interface ClassifierOutcome {
  reasons: Reason[];
  decision?: Decision;
}

export interface ClassifierAdapter {
  /** Also the key of its settings under `classifiers` and the prefix of its rules. */
  name: ClassifierName;
  classify(input: PhaseInput, call: ClassifierCall): Promise<ClassifierOutcome>;
}

export class ClassifierError extends Error {
  /** timeout, network, status, response */
  readonly kind: string;
  constructor(kind: string, message: string) {
    super(message);
    this.kind = kind;
  }
}
