// A queue's list: cursor-paged loading, badge counts (refreshed every 30 s), the latest version
// of every comment seen (for the author panel), and focus that follows the current item when
// the focused card leaves the list.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from './context.ts';
import { errorText } from './format.ts';
import { initialQueue, loaded, reloading, type QueueState } from './queueState.ts';
import type { AdminComment, QueueName } from './types.ts';
import { useLoadTickets } from './useLoadTickets.ts';

export function useQueueList(queue: QueueName) {
  const { api, site, toast } = useConsole();
  const [state, setState] = useState<QueueState>(initialQueue);
  const [counts, setCounts] = useState<Partial<Record<QueueName, number>>>({});
  const [versions, setVersions] = useState<ReadonlyMap<string, AdminComment>>(new Map());
  const stateRef = useRef(state);
  stateRef.current = state;
  const focusCurrent = useRef(false);
  const takeTicket = useLoadTickets();

  const refreshCounts = useCallback(() => {
    api.counts(site.id).then((r) => setCounts(r.counts), () => {});
  }, [api, site.id]);

  const load = useCallback(
    async (append: boolean) => {
      const current = takeTicket(append);
      const cursor = append ? stateRef.current.nextCursor : null;
      setState((s) => (append ? { ...s, more: true } : reloading(s)));
      try {
        const page = await api.queue(site.id, queue, cursor);
        if (current()) setState((s) => loaded(s, page.comments, page.nextCursor, append));
      } catch (e) {
        if (current()) setState((s) => (append ? { ...s, more: false } : { ...s, status: 'error', error: errorText(e) }));
        if (append) toast({ kind: 'error', message: errorText(e) });
      }
    },
    [api, site.id, queue, toast, takeTicket],
  );

  useEffect(() => {
    void load(false);
    refreshCounts();
  }, [load, refreshCounts]);

  useEffect(() => {
    const timer = setInterval(refreshCounts, 30_000);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  // Focus follows the current item when the focused item leaves (before paint: no flash, and
  // focus never rests on <body> in between).
  useLayoutEffect(() => {
    if (!focusCurrent.current || !state.current) return;
    focusCurrent.current = false;
    const el = document.getElementById(`c-${state.current}`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }, [state.current, state.items]);

  /** Records the latest versions of comments, so the author panel shows them as they now are. */
  const remember = useCallback(
    (comments: AdminComment[]) =>
      setVersions((m) => {
        const next = new Map(m);
        for (const c of comments) next.set(c.id, c);
        return next;
      }),
    [],
  );

  /** Keeps focus on the list when the focused card is about to leave it. */
  const keepFocus = useCallback(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.queue')) focusCurrent.current = true;
  }, []);

  return { state, setState, stateRef, counts, refreshCounts, load, versions, remember, keepFocus };
}

export type QueueList = ReturnType<typeof useQueueList>;
