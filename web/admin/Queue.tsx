// A moderation queue: tabs with counts, the cursor-paged list with bulk selection, and the
// dialogs (ban, author, shortcuts). Loading lives in useQueueList, what moderators do in
// useQueueActions, the keyboard in useQueueKeys.
import { useState } from 'preact/hooks';
import { AuthorPanel } from './AuthorPanel.tsx';
import { BanDialog } from './BanDialog.tsx';
import { CommentCard } from './CommentCard.tsx';
import { useConsole } from './context.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { t, tr } from './i18n/t.ts';
import { LinkedNotice } from './LinkedNotice.tsx';
import { queueItems, selectAll, toggle } from './queueState.ts';
import { href } from './route.ts';
import { QUEUES, type Action, type AdminComment, type QueueName } from './types.ts';
import { useLinkedComment } from './useLinkedComment.ts';
import { useQueueActions } from './useQueueActions.ts';
import { useQueueKeys } from './useQueueKeys.ts';
import { useQueueList } from './useQueueList.ts';

/** Actions the toolbar applies to the selection. */
const BULK: Action[] = ['approve', 'reject', 'spam', 'hold', 'delete'];

export function Queue({ queue }: { queue: QueueName }) {
  const { site, go, route } = useConsole();
  const list = useQueueList(queue);
  const actions = useQueueActions(queue, list);
  const linkedId = route.comment ?? null;
  const { linked, reload: reloadLinked } = useLinkedComment(linkedId, queue, list);
  const { state, setState, counts, load } = list;
  const [banFor, setBanFor] = useState<AdminComment | null>(null);
  const [authorFor, setAuthorFor] = useState<AdminComment | null>(null);
  const [help, setHelp] = useState(false);
  useQueueKeys(list, actions, { ban: setBanFor, author: setAuthorFor, help: () => setHelp(true) });

  const handlers = {
    onAction: (c: AdminComment, a: Action) => void actions.act(c, a),
    onBan: (c: AdminComment) => setBanFor(c),
    onAuthor: (c: AdminComment) => setAuthorFor(c),
    onResolve: (c: AdminComment, r: 'upheld' | 'dismissed') => void actions.resolve(c, r),
    onToggle: (c: AdminComment) => setState((s) => toggle(s, c.id)),
    onFocus: (c: AdminComment) => setState((s) => (s.current === c.id ? s : { ...s, current: c.id })),
  };

  const selected = state.selected.size;
  const all = state.items.length > 0 && selected === state.items.length;
  const listLabel = t('queueList', { queue: tr('queue', queue) });

  return (
    <section class="queue-view" aria-labelledby="queue-title">
      <h1 id="queue-title" class="sr-only">
        {listLabel}
      </h1>
      <nav class="tabs" aria-label={t('queuesLabel')}>
        {QUEUES.map((q) => {
          const n = counts[q];
          const to = { view: { name: 'queue' as const, queue: q }, site: site.id };
          return (
            <a
              key={q}
              href={href(to.view, to.site)}
              class={`tab${q === queue ? ' active' : ''}`}
              aria-current={q === queue ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(to);
              }}
            >
              {tr('queue', q)}
              {typeof n === 'number' && q !== 'recent' && <span class={`count${n ? ' some' : ''}`}>{n}</span>}
            </a>
          );
        })}
      </nav>
      <div class="toolbar" role="toolbar" aria-label={t('bulkLabel')}>
        <label class="select-all">
          <input type="checkbox" checked={all} disabled={!state.items.length} onChange={() => setState((s) => selectAll(s, !all))} />
          <span>{selected ? t('selectedCount', { count: selected }) : t('selectAll')}</span>
        </label>
        {BULK.map((a) => (
          <button key={a} type="button" class={`act ${a}`} disabled={!selected} onClick={() => void actions.bulk(a)}>
            {tr('do', a)}
          </button>
        ))}
        <span class="spacer" />
        <button
          type="button"
          class="act"
          onClick={() => {
            void load(false);
            void reloadLinked();
          }}
          disabled={state.status === 'loading'}
        >
          {t('refresh')}
        </button>
        <button type="button" class="act" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          {t('shortcuts')}
        </button>
      </div>
      {linkedId && (
        <LinkedNotice
          id={linkedId}
          linked={linked}
          comment={state.items.find((c) => c.id === state.pinned)}
          queue={queue}
          onRetry={() => void reloadLinked()}
          onClose={() => go({ view: route.view, site: site.id })}
        />
      )}
      {state.status === 'loading' && <p class="status">{t('loading')}</p>}
      {state.status === 'error' && (
        <p class="status error" role="alert">
          {state.error}{' '}
          <button type="button" class="link" onClick={() => void load(false)}>
            {t('retry')}
          </button>
        </p>
      )}
      {state.status === 'ready' && !queueItems(state, queue).length && <p class="status empty">{tr('empty', queue)}</p>}
      {state.items.length > 0 && (
        <ol class="queue" aria-label={listLabel}>
          {state.items.map((c) => (
            <li key={c.id} class={c.id === state.pinned ? 'linked' : undefined}>
              <CommentCard c={c} current={c.id === state.current} selected={state.selected.has(c.id)} {...handlers} />
            </li>
          ))}
        </ol>
      )}
      {state.nextCursor && state.status === 'ready' && (
        <button type="button" class="secondary wide" disabled={state.more} onClick={() => void load(true)}>
          {state.more ? t('loading') : t('loadMore')}
        </button>
      )}
      {banFor && (
        <BanDialog
          c={banFor}
          onClose={() => setBanFor(null)}
          onSubmit={async (r) => {
            await actions.ban(banFor, r);
            setBanFor(null);
          }}
        />
      )}
      {authorFor && (
        <AuthorPanel
          c={authorFor}
          versions={list.versions}
          onClose={() => setAuthorFor(null)}
          onAction={handlers.onAction}
          onBan={handlers.onBan}
        />
      )}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </section>
  );
}
