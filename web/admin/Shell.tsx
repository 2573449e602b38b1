// The signed-in console: top bar (site switcher, navigation, theme, sign-out) and the view
// the address names. Remembers the last site; offers the dev mailbox only when it answers.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { AdminApi } from './api.ts';
import { ConsoleContext, type Console } from './context.ts';
import { t, tr } from './i18n/t.ts';
import { pageNamed, visiblePages, type PageName } from './pages.tsx';
import { Queue } from './Queue.tsx';
import { href, sameView, useRoute, type Route, type View } from './route.ts';
import { applyTheme, nextTheme, storedTheme } from './theme.ts';
import { Toasts, useToasts } from './Toasts.tsx';
import type { Site, User } from './types.ts';
import { useAnnouncer } from '../widget/useAnnouncer.ts';

const LAST_SITE = 'colloquy-admin:site';

function lastSite(): string | null {
  try {
    return localStorage.getItem(LAST_SITE);
  } catch {
    return null;
  }
}

export function Shell({ api, user, onSignOut }: { api: AdminApi; user: User; onSignOut: () => void }) {
  const [route, navigate] = useRoute();
  const [sites, setSites] = useState<Site[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mailbox, setMailbox] = useState(false);
  const [now, setNow] = useState(Date.now);
  const [theme, setTheme] = useState(storedTheme);
  const [toasts, toast, dismiss] = useToasts();
  const [message, announce] = useAnnouncer();

  useEffect(() => {
    api.sites().then((r) => setSites(r.sites), (e) => setError(e instanceof Error ? e.message : t('errorGeneric')));
    api.mailbox().then(() => setMailbox(true), () => setMailbox(false));
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [api]);

  useEffect(() => applyTheme(theme), [theme]);

  const site = useMemo(() => {
    if (!sites?.length) return null;
    const wanted = route.site ?? lastSite();
    return sites.find((s) => s.id === wanted) ?? sites[0]!;
  }, [sites, route.site]);

  // Put the site in the address (so links and reloads keep it) and remember it.
  useEffect(() => {
    if (!site) return;
    if (route.site !== site.id) navigate({ ...route, site: site.id }, true);
    try {
      localStorage.setItem(LAST_SITE, site.id);
    } catch {
      // Not remembered: fine.
    }
  }, [site, route, navigate]);

  const go = useCallback((to: Route) => navigate(to), [navigate]);

  if (error)
    return (
      <p class="status error boot" role="alert">
        {error}
      </p>
    );
  if (!sites) return <p class="status boot">{t('loading')}</p>;
  if (!site)
    return (
      <main class="signin" id="main">
        <div class="panel">
          <p>{t('noSites')}</p>
          <button type="button" class="secondary" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </main>
    );

  const ctx: Console = { api, user, site, sites, now, route, go, toast, announce };
  const views: View[] = [
    { name: 'queue', queue: 'pending' },
    ...visiblePages(site.role, mailbox).map((p) => ({ name: p.name as PageName })),
  ];
  const page = route.view.name === 'queue' ? undefined : pageNamed(route.view.name);
  const active = (v: View) => (v.name === 'queue' ? route.view.name === 'queue' : sameView(v, route.view));

  return (
    <ConsoleContext.Provider value={ctx}>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="bar">
        <a
          class="brand"
          href={href({ name: 'queue', queue: 'pending' }, site.id)}
          onClick={(e) => {
            e.preventDefault();
            go({ view: { name: 'queue', queue: 'pending' }, site: site.id });
          }}
        >
          {t('brand')}
        </a>
        <label class="site-switch">
          <span class="sr-only">{t('siteLabel')}</span>
          <select
            value={site.id}
            aria-label={t('siteLabel')}
            onChange={(e) => go({ view: route.view, site: (e.currentTarget as HTMLSelectElement).value })}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({tr('role', s.role)})
              </option>
            ))}
          </select>
        </label>
        <nav class="nav" aria-label={t('navLabel')}>
          {views.map((v) => (
            <a
              key={v.name}
              href={href(v, site.id)}
              aria-current={active(v) ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go({ view: v.name === 'queue' && route.view.name === 'queue' ? route.view : v, site: site.id });
              }}
            >
              {tr('nav', v.name)}
            </a>
          ))}
        </nav>
        <div class="me">
          <span class="who-am-i" title={user.email}>
            {user.email}
          </span>
          <button type="button" class="icon theme" aria-label={t('themeLabel', { theme: tr('theme', theme) })} title={t('themeLabel', { theme: tr('theme', theme) })} onClick={() => setTheme(nextTheme(theme))}>
            {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
          </button>
          <button type="button" class="secondary small" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.view.name === 'queue' && <Queue key={`${site.id}:${route.view.queue}`} queue={route.view.queue} />}
        {page?.devMailbox && !mailbox ? (
          <p class="status">{t('mailboxUnavailable')}</p>
        ) : (
          page && <div key={`${site.id}:${page.name}`}>{page.render()}</div>
        )}
      </main>
      <Toasts toasts={toasts} dismiss={dismiss} />
      <div class="sr-only" role="status" aria-live="polite">
        {message}
      </div>
    </ConsoleContext.Provider>
  );
}
