// The queue's keyboard shortcuts (keys.ts): j/k move, a/r/s act on the selection or the focused
// comment, x selects, b bans, u opens the author, z undoes, ? shows the list.
import { useEffect } from 'preact/hooks';
import { commandFor, ignoreKey } from './keys.ts';
import { toggle } from './queueState.ts';
import type { Action, AdminComment } from './types.ts';
import type { QueueActions } from './useQueueActions.ts';
import type { QueueList } from './useQueueList.ts';

interface Openers {
  ban(c: AdminComment): void;
  author(c: AdminComment): void;
  help(): void;
}

export function useQueueKeys(list: QueueList, actions: QueueActions, open: Openers): void {
  /**
   * The item keyboard commands act on: the card that has focus (so a key pressed right after
   * a click or Tab acts on what the moderator sees focused), else the current one.
   */
  const currentItem = (): AdminComment | undefined => {
    const s = list.stateRef.current;
    const focused = document.activeElement?.closest('.queue article.card')?.id.slice(2);
    return s.items.find((c) => c.id === focused) ?? s.items.find((c) => c.id === s.current);
  };

  // Re-registered every render, so the handler always sees the latest list and actions.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !ignoreKey(e)) {
        e.preventDefault();
        open.help();
        return;
      }
      if (ignoreKey(e) || document.querySelector('dialog[open]')) return;
      const s = list.stateRef.current;
      const c = currentItem();
      const step = (delta: number) => {
        if (!s.items.length) return;
        const at = c ? s.items.indexOf(c) : -1;
        const next = s.items[Math.max(0, Math.min(s.items.length - 1, at + delta))]!;
        if (delta > 0 && at === s.items.length - 1 && s.nextCursor && !s.more) void list.load(true);
        // Focus moves now, not after the next render: a key pressed right after acts on it.
        const el = document.getElementById(`c-${next.id}`);
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'nearest' });
        list.stateRef.current = { ...s, current: next.id };
        list.setState((x) => ({ ...x, current: next.id }));
      };
      const run = (action: Action) => {
        if (s.selected.size) void actions.bulk(action);
        else if (c) void actions.act(c, action);
      };
      const command = commandFor(e.key);
      if (!command || command === 'help') return;
      if (typeof command === 'object') {
        if ('step' in command) step(command.step);
        else run(command.act);
      } else if (command === 'select') {
        if (c) list.setState((x) => toggle(x, c.id));
      } else if (command === 'ban') {
        if (c && !c.deleted) open.ban(c);
      } else if (command === 'author') {
        if (c) open.author(c);
      } else {
        actions.undoLast();
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}
