// Lists that load again when their filters change: a slow answer to older filters must not
// replace (or extend) the list for the filters now shown. Every load takes a ticket, and its
// answer counts only while that ticket is still the latest.
import { useCallback, useRef } from 'preact/hooks';

/**
 * `take(more)` starts a load and returns whether it is still current. A new load (`more`
 * false) makes every earlier one stale; "load more" (`more` true) continues the latest load
 * and goes stale with it, so a page of older results is never appended to newer ones.
 */
export function useLoadTickets(): (more: boolean) => () => boolean {
  const latest = useRef(0);
  return useCallback((more: boolean) => {
    const ticket = more ? latest.current : ++latest.current;
    return () => ticket === latest.current;
  }, []);
}
