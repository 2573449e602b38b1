// The comment an alert e-mail links to (`?comment=<id>`): fetched by id and pinned first in the
// queue's list, whatever has become of it since; or why it cannot be shown, from the API's
// answer (404: no such comment; 403: a site this moderator does not see).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { useConsole } from './context.ts';
import { errorText } from './format.ts';
import { pin, unpin } from './queueState.ts';
import type { QueueName } from './types.ts';
import { useLoadTickets } from './useLoadTickets.ts';
import type { QueueList } from './useQueueList.ts';

export type Linked =
  | { status: 'none' | 'loading' | 'shown' | 'missing' | 'refused' }
  | { status: 'error'; error: string };

const NONE: Linked = { status: 'none' };
const LOADING: Linked = { status: 'loading' };

export function useLinkedComment(id: string | null, queue: QueueName, list: QueueList) {
  const { api } = useConsole();
  const { setState, remember, keepFocus } = list;
  const [linked, setLinked] = useState<Linked>(id ? LOADING : NONE);
  const takeTicket = useLoadTickets();

  /** Fetches the linked comment and pins it; does nothing (no state change) without a link. */
  const load = useCallback(async () => {
    if (!id) return;
    const current = takeTicket(false);
    setLinked((l) => (l.status === 'shown' ? l : LOADING));
    try {
      const { comment } = await api.comment(id);
      if (!current()) return;
      // A moderator already moving through the list (focus in it) keeps their place, and the
      // focus too, even if moving the pinned card to the top blurs it.
      const moving = !!document.activeElement?.closest('.queue');
      if (moving) keepFocus();
      setState((s) => pin(s, comment, moving));
      remember([comment]);
      setLinked({ status: 'shown' });
    } catch (e) {
      if (!current()) return;
      const status = e instanceof ApiError ? e.status : 0;
      // 400: not even the shape of an id (a link cut short): no such comment either.
      setLinked(status === 404 || status === 400 ? { status: 'missing' } : status === 403 ? { status: 'refused' } : { status: 'error', error: errorText(e) });
    }
  }, [api, id, setState, remember, keepFocus, takeTicket]);

  useEffect(() => {
    if (!id) return;
    void load();
    // The link is closed (or replaced): its comment becomes an ordinary item, and an answer
    // still on its way is dropped.
    return () => {
      takeTicket(false);
      setLinked(NONE);
      setState((s) => unpin(s, queue));
    };
  }, [id, queue, load, setState, takeTicket]);

  return { linked, reload: load };
}
