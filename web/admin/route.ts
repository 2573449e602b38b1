// Console routes: /admin/<view>[/<queue>]?site=<id>, with history.pushState navigation.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { pageNamed, type PageName } from './pages.tsx';
import { QUEUES, type QueueName } from './types.ts';

export type View = { name: 'queue'; queue: QueueName } | { name: PageName };

export interface Route {
  view: View;
  site: string | null;
}

export const BASE = '/admin';

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.slice(BASE.length).split('/').filter(Boolean);
  const site = new URLSearchParams(search).get('site');
  const [first, second] = parts;
  let view: View = { name: 'queue', queue: 'pending' };
  if (first === 'queue' && QUEUES.includes(second as QueueName)) view = { name: 'queue', queue: second as QueueName };
  else if (pageNamed(first)) view = { name: first as PageName };
  return { view, site };
}

export function href(view: View, site: string | null): string {
  const path = view.name === 'queue' ? `${BASE}/queue/${view.queue}` : `${BASE}/${view.name}`;
  return site ? `${path}?site=${encodeURIComponent(site)}` : path;
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
    const url = href(to.view, to.site);
    if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
    setRoute(to);
  }, []);
  return [route, navigate];
}
