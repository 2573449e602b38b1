// The widget: prompt, header, composer, live "new comments" button, the thread, load more.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApi } from './api.ts';
import { Account } from './Account.tsx';
import { useAccount } from './useAccount.ts';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { Thread, type ThreadContext } from './context.ts';
import { Header } from './Header.tsx';
import { NotifyForm } from './NotifyOf.tsx';
import { t } from './i18n/t.ts';
import type { MountOptions } from './options.ts';
import { Prompt } from './Prompt.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { SupportBar } from './SupportBar.tsx';
import { watchTheme } from './theme.ts';
import { useAnnouncer } from './useAnnouncer.ts';
import { useLive } from './useLive.ts';
import { useThread } from './useThread.ts';
import { InlineSwitch, InlineViews } from '../inline/thread/InlineSwitch.tsx';
import { useInline } from '../inline/thread/useInline.ts';

const MINUTE = 60_000;

export function App({ options, host }: { options: MountOptions; host: Element }) {
  const api = useMemo(() => createApi(options), [options]);
  const { state, comments, actions } = useThread(api);
  const { account, signOut, forget, rename } = useAccount(api, options);
  const [profileOpen, setProfileOpen] = useState(false);
  const inline = useInline(api, options, state, actions, account?.name);
  const [message, announce] = useAnnouncer();
  const [now, setNow] = useState(Date.now);
  const root = useRef<HTMLDivElement>(null);
  const composer = useRef<HTMLTextAreaElement>(null);
  const focusAfterMore = useRef<number | null>(null);
  const ready = state.status === 'ready';
  const closed = state.thread?.closed ?? false;
  const arrived = state.arrived.length;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);

  const theme = options.theme !== 'auto' ? options.theme : state.config.theme;
  useEffect(() => watchTheme(() => theme, (th) => host.setAttribute('data-colloquy-theme', th)), [host, theme]);

  const [campaignVersion, setCampaignVersion] = useState(0);
  const campaignChanged = useCallback(() => setCampaignVersion((v) => v + 1), []);
  useLive(api, actions, ready, campaignChanged);

  const focusComment = useCallback((id: string) => {
    setTimeout(() => {
      const el = root.current?.querySelector<HTMLElement>(`[id="c-${CSS.escape(id)}"]`);
      if (!el) return;
      const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      el.focus({ preventScroll: true });
    });
  }, []);

  // A link from elsewhere (e-mail, permalink) to #c-<id> on the host page.
  useEffect(() => {
    if (ready && location.hash.startsWith('#c-')) focusComment(decodeURIComponent(location.hash.slice(3)));
  }, [ready, focusComment]);

  useEffect(() => {
    if (arrived) announce(t('arrived', { count: arrived }));
  }, [arrived, announce]);

  useEffect(() => {
    if (state.error && ready) announce(state.error);
  }, [state.error, ready, announce]);

  // After "Load more", focus the first comment it brought (the button may be gone).
  useEffect(() => {
    const first = focusAfterMore.current;
    if (first === null || state.busy) return;
    focusAfterMore.current = null;
    const c = state.comments[first];
    if (c) focusComment(c.id);
  }, [state.comments, state.busy, focusComment]);

  const ctx: ThreadContext = useMemo(
    () => ({ actions, config: state.config, votes: state.votes, closed, now, announce, focusComment }),
    [actions, state.config, state.votes, closed, now, announce, focusComment],
  );

  const compose = (): void => {
    const el = composer.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  };

  return (
    <Thread.Provider value={ctx}>
      <div class="root" ref={root} aria-busy={state.busy}>
        {state.status === 'loading' && <p class="status">{t('loading')}</p>}
        {state.status === 'error' && (
          <p class="status error">
            {state.error}{' '}
            <button type="button" class="link" onClick={() => void actions.reload()}>
              {t('retry')}
            </button>
          </p>
        )}
        {profileOpen && account && (
          <ProfilePanel
            api={api}
            onClose={() => {
              setProfileOpen(false);
              // Back where the reader left: the account line's first button ("My profile").
              setTimeout(() => root.current?.querySelector<HTMLElement>('.account button')?.focus());
            }}
            onRenamed={rename}
            onDeleted={() => {
              forget();
              setProfileOpen(false);
              announce(t('accountDeleted'));
            }}
          />
        )}
        {ready && state.thread && !(profileOpen && account) && (
          <>
            {!closed && <Prompt onGo={compose} />}
            {options.support !== 'off' && <SupportBar base={options.base} site={options.site} version={campaignVersion} />}
            <Header count={state.thread.commentCount} sort={state.sort} busy={state.busy} onSort={(s) => void actions.sort(s)} />
            {!closed && <NotifyForm api={api} signedIn={!!account} />}
            <InlineViews inline={inline} />
            {!closed && <Account api={api} account={account} onSignOut={signOut} onProfile={() => setProfileOpen(true)} />}
            {closed ? <p class="status">{t('closed')}</p> : <Composer inputRef={composer} signedInAs={account?.name} />}
            {arrived > 0 && (
              <button type="button" class="fresh" onClick={() => void actions.reload()}>
                {t('newComments', { count: arrived })}
              </button>
            )}
            {state.error && <p class="error">{state.error}</p>}
            <InlineSwitch inline={inline}>
            {comments.length ? (
              <CommentList comments={comments} label={t('threadLabel')} />
            ) : (
              <p class="status">{t('empty')}</p>
            )}
            {state.nextCursor && (
              <button
                type="button"
                class="more"
                disabled={state.busy}
                onClick={() => {
                  focusAfterMore.current = state.comments.length;
                  void actions.loadMore();
                }}
              >
                {t('loadMore')}
              </button>
            )}
            </InlineSwitch>
          </>
        )}
        <div class="sr-only" role="status" aria-live="polite">
          {message}
        </div>
      </div>
    </Thread.Provider>
  );
}
