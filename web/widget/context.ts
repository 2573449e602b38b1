// What every comment needs from the thread, without passing it through each level.
import { createContext } from 'preact';
import type { ThreadActions } from './useThread.ts';
import type { ThreadConfig } from './types.ts';

export interface ThreadContext {
  actions: ThreadActions;
  config: ThreadConfig;
  votes: Record<string, 1 | -1>;
  closed: boolean;
  /** Re-read every minute so relative times and edit windows stay current. */
  now: number;
  /** Say something through the polite live region. */
  announce(message: string): void;
  /** Scroll to and focus the comment with this id, once rendered. */
  focusComment(id: string): void;
}

export const Thread = createContext<ThreadContext>(null as unknown as ThreadContext);
