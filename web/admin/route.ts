// Console routes: /admin/<view>[/<queue>]?site=<id>[&comment=<id>], with history.pushState
// navigation. A queue's `comment` is the one an alert e-mail links to (src/notify/alerts.ts).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { pageNamed, type PageName } from './pages.tsx';
import { QUEUES, type QueueName } from './types.ts';

export type View = { name: 'queue'; queue: QueueName } | { name: PageName };

export interface Route {
  view: View;
  site: string | null;
  /** Queues only: a comment to show first, whatever queue it is in now. */
  comment?: string | null;
}

export const BASE = '/admin';

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.slice(BASE.length).split('/').filter(Boolean);
  const params = new URLSearchParams(search);
  const site = params.get('site');
  const [first, second] = parts;
  let view: View = { name: 'queue', queue: 'pending' };
  if (first === 'queue' && QUEUES.includes(second as QueueName)) view = { name: 'queue', queue: second as QueueName };
  else if (pageNamed(first)) view = { name: first as PageName };
  const comment = view.name === 'queue' ? params.get('comment') || null : null;
  return { view, site, comment };
}

export function href(view: View, site: string | null, comment?: string | null): string {
  const path = view.name === 'queue' ? `${BASE}/queue/${view.queue}` : `${BASE}/${view.name}`;
  const params = [site && `site=${encodeURIComponent(site)}`, comment && view.name === 'queue' && `comment=${encodeURIComponent(comment)}`];
  const search = params.filter(Boolean).join('&');
  return search ? `${path}?${search}` : path;
}

export function sameView(a: View, b: View): boolean {
  return a.name === b.name && (a.name !== 'queue' || (b.name === 'queue' && a.queue === b.queue));
}

export function useRoute(): [Route, (to: Route, replace?: boolean) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.pathname, location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname, location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: Route, replace = false) => {
    const url = href(to.view, to.site, to.comment);
    if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    setRoute(to);
  }, []);
  return [route, navigate];
}
