// Keyboard shortcuts of the queue: one key each, no modifiers, ignored while typing.
import type { TextKey } from './i18n/t.ts';

// One table serves both the handler and the help overlay, so they cannot drift apart.
export type QueueCommand =
  | { step: 1 | -1 }
  | { act: 'approve' | 'reject' | 'spam' | 'hold' }
  | 'select' | 'ban' | 'author' | 'undo' | 'help';

export const SHORTCUTS: ReadonlyArray<readonly [key: string, label: TextKey, command: QueueCommand]> = [
  ['j', 'keyNext', { step: 1 }],
  ['k', 'keyPrev', { step: -1 }],
  ['a', 'keyApprove', { act: 'approve' }],
  ['r', 'keyReject', { act: 'reject' }],
  ['s', 'keySpam', { act: 'spam' }],
  ['h', 'keyHold', { act: 'hold' }],
  ['b', 'keyBan', 'ban'],
  ['x', 'keySelect', 'select'],
  ['u', 'keyAuthor', 'author'],
  ['z', 'keyUndo', 'undo'],
  ['?', 'keyHelp', 'help'],
];

export function commandFor(key: string): QueueCommand | undefined {
  return SHORTCUTS.find(([k]) => k === key)?.[2];
}

/** True when a key press belongs to a text field (or a select, or any open dialog), not to us. */
export function ignoreKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  const el = e.target instanceof Element ? e.target : null;
  if (el?.closest('dialog[open]')) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  return !!el?.closest('textarea, select, [contenteditable]:not([contenteditable="false"])');
}
