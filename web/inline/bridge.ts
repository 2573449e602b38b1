// The contract between the widget (widget.js, in its shadow root) and the inline script
// (inline.js, lazily imported by the widget, working in the host page's light DOM).
import type { Selector } from './anchor.ts';

export interface InlineConfig {
  attraction: 'quiet' | 'pulse' | 'off';
  readerSelection: boolean;
  root: string | null;
}

export interface PassageAnchor extends Selector {
  key?: string;
  feedbackId?: string;
  textHash?: string;
}

export interface PassageInfo {
  key: string;
  count: number;
  anchor: PassageAnchor & { key: string };
  feedbackId?: string;
}

/** An editor's question placed through the console: shown like a data-colloquy-feedback one, found by re-anchoring. */
export interface PlacedQuestion {
  key: string;
  feedbackId: string;
  question: string;
  anchor: PassageAnchor & { key: string };
}

/** A comment as the popup shows it (the API's shape, the fields used). */
export interface LatestComment {
  id: string;
  author: { name: string };
  html: string;
}

export type Strings = (key: string, params?: Record<string, string | number>) => string;

/** What the widget gives inline.js. */
export interface Host {
  /** The article container: selection and anchoring happen inside it. */
  root: Element;
  /** Readers may select passages (site setting and page opt-in). */
  selection: boolean;
  attraction: InlineConfig['attraction'];
  t: Strings;
  latest(key: string, limit: number): Promise<LatestComment[]>;
  /** Posts through the widget (its thread shows the comment; edit tokens are kept). */
  post(input: { body: string; name: string; email: string; anchor: PassageAnchor }): Promise<{ status: string }>;
  /** The reader's remembered name and e-mail, or a signed-in name (fields not needed). */
  author(): { name: string; email: string; signedIn: boolean };
  /** Shows the passage's comments in the thread ("Inline Feedbacks"). */
  showAll(key: string): void;
  /** Anchoring finished or changed: statuses and positions may differ. */
  changed(): void;
}

export type PassageStatus = 'anchored' | 'orphan';

/** What inline.js gives back. */
export interface Controller {
  update(passages: PassageInfo[], questions: PlacedQuestion[]): void;
  status(key: string): PassageStatus | undefined;
  /** Where the passage now starts in the article text (article order). */
  position(key: string): number | undefined;
  /** The editor's question of a feedback passage. */
  question(key: string): string | undefined;
  /** Keyboard passage mode (keyboard.ts): sentences chosen with the arrow keys; focus returns to `opener`. */
  choose(opener: { focus(): void }): void;
  /** Scrolls to the passage and highlights it; false when it is not on the page. */
  reveal(key: string): boolean;
  stop(): void;
}

export interface InlineModule {
  start(host: Host): Controller;
}
