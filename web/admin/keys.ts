// Keyboard shortcuts of the queue: one key each, no modifiers, ignored while typing.
export const SHORTCUTS = [
  ['j', 'keyNext'],
  ['k', 'keyPrev'],
  ['a', 'keyApprove'],
  ['r', 'keyReject'],
  ['s', 'keySpam'],
  ['b', 'keyBan'],
  ['x', 'keySelect'],
  ['u', 'keyAuthor'],
  ['z', 'keyUndo'],
  ['?', 'keyHelp'],
] as const;

/** True when a key press belongs to a text field (or a select, or any open dialog), not to us. */
export function ignoreKey(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  const el = e.target instanceof Element ? e.target : null;
  if (el?.closest('dialog[open]')) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  return !!el?.closest('textarea, select, [contenteditable]:not([contenteditable="false"])');
}
