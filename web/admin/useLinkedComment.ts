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

export function useLinkedComment(id: string | null, queue: QueueName, list: QueueList) {
  const { api } = useConsole();
  const { setState, remember } = list;
  const [linked, setLinked] = useState<Linked>({ status: id ? 'loading' : 'none' });
  const takeTicket = useLoadTickets();

  const load = useCallback(async () => {
    const current = takeTicket(false);
    if (!id) {
      setLinked({ status: 'none' });
      setState((s) => unpin(s, queue));
      return;
    }
    setLinked((l) => (l.status === 'shown' ? l : { status: 'loading' }));
    try {
      const { comment } = await api.comment(id);
      if (!current()) return;
      setState((s) => pin(s, comment));
      remember([comment]);
      setLinked({ status: 'shown' });
    } catch (e) {
      if (!current()) return;
      const status = e instanceof ApiError ? e.status : 0;
      // 400: not even the shape of an id (a link cut short): no such comment either.
      setLinked(status === 404 || status === 400 ? { status: 'missing' } : status === 403 ? { status: 'refused' } : { status: 'error', error: errorText(e) });
    }
  }, [api, id, queue, setState, remember, takeTicket]);

  useEffect(() => {
    void load();
  }, [load]);

  return { linked, reload: load };
}
