// A moderation queue: tabs with counts, the cursor-paged list, bulk selection, optimistic
// actions with rollback and undo, the ban dialog, the author panel and keyboard shortcuts.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { AuthorPanel } from './AuthorPanel.tsx';
import { BanDialog } from './BanDialog.tsx';
import { CommentCard } from './CommentCard.tsx';
import { useConsole } from './context.ts';
import { HelpDialog } from './HelpDialog.tsx';
import { t, tr } from './i18n/t.ts';
import { commandFor, ignoreKey } from './keys.ts';
import {
  changes, initialQueue, inverse, loaded, predict, restore, selectAll, snapshot, toggle, updated,
  type QueueState,
} from './queueState.ts';
import { durationText, errorText, nameOf } from './format.ts';
import { href } from './route.ts';
import { QUEUES, type Action, type AdminComment, type Ban, type BanRequest, type QueueName } from './types.ts';


export function Queue({ queue }: { queue: QueueName }) {
  const { api, site, toast, go } = useConsole();
  const [state, setState] = useState<QueueState>(initialQueue);
  const [counts, setCounts] = useState<Partial<Record<QueueName, number>>>({});
  const [banFor, setBanFor] = useState<AdminComment | null>(null);
  const [authorFor, setAuthorFor] = useState<AdminComment | null>(null);
  const [help, setHelp] = useState(false);
  const [versions, setVersions] = useState<ReadonlyMap<string, AdminComment>>(new Map());
  const stateRef = useRef(state);
  stateRef.current = state;
  const focusCurrent = useRef(false);
  const lastUndo = useRef<(() => void) | null>(null);
  const generation = useRef(0);

  const refreshCounts = useCallback(() => {
    api.counts(site.id).then((r) => setCounts(r.counts), () => {});
  }, [api, site.id]);

  const load = useCallback(
    async (append: boolean) => {
      const gen = append ? generation.current : ++generation.current;
      const cursor = append ? stateRef.current.nextCursor : null;
      setState((s) => (append ? { ...s, more: true } : { ...initialQueue, selected: new Set() }));
      try {
        const page = await api.queue(site.id, queue, cursor);
        if (gen === generation.current) setState((s) => loaded(s, page.comments, page.nextCursor, append));
      } catch (e) {
        if (gen === generation.current) setState((s) => (append ? { ...s, more: false } : { ...s, status: 'error', error: errorText(e) }));
        if (append) toast({ kind: 'error', message: errorText(e) });
      }
    },
    [api, site.id, queue, toast],
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

  const remember = (comments: AdminComment[]) =>
    setVersions((m) => {
      const next = new Map(m);
      for (const c of comments) next.set(c.id, c);
      return next;
    });

  /** Keeps focus on the list when the focused card is about to leave it. */
  const keepFocus = () => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.queue')) focusCurrent.current = true;
  };

  const offerUndo = (message: string, undo: (() => Promise<void>) | null) => {
    lastUndo.current = undo ? () => void undo() : null;
    toast({ message, action: undo ? { label: t('undo'), run: () => void undo() } : undefined });
  };

  /** Brings a comment back into the list where it was, if it belongs here now. */
  const reinstate = (comment: AdminComment, index: number) =>
    setState((s) => updated(restore(s, [{ comment, index }]), queue, [comment]));

  const act = async (c: AdminComment, action: Action): Promise<void> => {
    if (!changes(c, action)) return;
    const snaps = snapshot(stateRef.current, [c.id]);
    keepFocus();
    setState((s) => updated(s, queue, [predict(c, action)]));
    remember([predict(c, action)]);
    try {
      const { comment } = await api.moderate(c.id, action);
      setState((s) => updated(s, queue, [comment]));
      remember([comment]);
      refreshCounts();
      const back = inverse(c);
      const index = snaps[0]?.index ?? 0;
      offerUndo(
        t('done', { action: tr('done', action), name: nameOf(c) }),
        back
          ? async () => {
              try {
                const { comment: undone } = await api.moderate(c.id, back);
                reinstate(undone, index);
                remember([undone]);
                refreshCounts();
                toast({ message: t('undone') });
              } catch (e) {
                toast({ kind: 'error', message: t('undoFailed', { message: errorText(e) }) });
              }
            }
          : null,
      );
    } catch (e) {
      setState((s) => restore(s, snaps));
      remember([c]);
      toast({ kind: 'error', message: t('actionFailed', { action: tr('do', action), message: errorText(e) }) });
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) void resync(c);
    }
  };

  /** After a refusal that says the comment changed elsewhere (deleted, gone), show it as it is now. */
  const resync = async (c: AdminComment): Promise<void> => {
    try {
      const { comment } = await api.comment(c.id);
      setState((s) => updated(s, queue, [comment]));
      remember([comment]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setState((s) => updated(s, queue, [{ ...c, deleted: true, status: 'rejected' }]));
    }
    refreshCounts();
  };

  const bulk = async (action: Action): Promise<void> => {
    const s0 = stateRef.current;
    const items = s0.items.filter((c) => s0.selected.has(c.id) && !c.deleted);
    if (!items.length) return;
    const snaps = snapshot(s0, items.map((c) => c.id));
    keepFocus();
    setState((s) => ({ ...updated(s, queue, items.map((c) => predict(c, action))), selected: new Set() }));
    try {
      const { results } = await api.bulk(site.id, items.map((c) => c.id), action);
      const done = results.filter((r) => r.ok && r.comment).map((r) => r.comment!);
      const failed = results.filter((r) => !r.ok);
      const failedIds = new Set(failed.map((r) => r.id));
      setState((s) => updated(restore(s, snaps.filter((x) => failedIds.has(x.comment.id))), queue, done));
      remember(done);
      refreshCounts();
      const befores = items.filter((c) => !failedIds.has(c.id));
      const backs = new Set(befores.map(inverse));
      const back = backs.size === 1 ? [...backs][0] : null;
      offerUndo(
        t('bulkDone', { action: tr('done', action), count: done.length }),
        back && befores.length
          ? async () => {
              try {
                const r = await api.bulk(site.id, befores.map((c) => c.id), back);
                r.results.forEach((x) => {
                  const snap = snaps.find((sn) => sn.comment.id === x.id);
                  if (x.ok && x.comment && snap) reinstate(x.comment, snap.index);
                });
                refreshCounts();
                toast({ message: t('undone') });
              } catch (e) {
                toast({ kind: 'error', message: t('undoFailed', { message: errorText(e) }) });
              }
            }
          : null,
      );
      if (failed.length) {
        toast({ kind: 'error', message: t('bulkFailed', { count: failed.length, message: failed[0]!.error?.message ?? '' }) });
      }
    } catch (e) {
      setState((s) => restore(s, snaps));
      toast({ kind: 'error', message: t('actionFailed', { action: tr('do', action), message: errorText(e) }) });
    }
  };

  const ban = async (c: AdminComment, request: BanRequest): Promise<void> => {
    const snaps = snapshot(stateRef.current, [c.id]);
    const { bans, comment } = await api.ban(c.id, request);
    setBanFor(null);
    keepFocus();
    setState((s) => updated(s, queue, [comment]));
    remember([comment]);
    refreshCounts();
    const duration = request.durationSeconds === null ? t('banForever') : t('banForDuration', { duration: durationText(request.durationSeconds) });
    const changedComment = comment.status !== c.status || comment.shadow !== c.shadow || comment.deleted !== c.deleted;
    const back = changedComment ? inverse(c) : null;
    offerUndo(
      t(request.mode === 'ban' ? 'authorBanned' : 'authorShadowed', { name: nameOf(c), duration }),
      // Undo lifts the bans; the comment goes back too when the API can express its old state.
      changedComment && !back
        ? liftOnly(bans)
        : async () => {
            try {
              await Promise.all(bans.map((b) => api.liftBan(b.id)));
              if (back) {
                const { comment: undone } = await api.moderate(c.id, back);
                reinstate(undone, snaps[0]?.index ?? 0);
                remember([undone]);
              }
              refreshCounts();
              toast({ message: t('banUndone') });
            } catch (e) {
              toast({ kind: 'error', message: t('undoFailed', { message: errorText(e) }) });
            }
          },
    );
  };

  const liftOnly = (bans: Ban[]) => async () => {
    try {
      await Promise.all(bans.map((b) => api.liftBan(b.id)));
      toast({ message: t('banLiftedOnly') });
    } catch (e) {
      toast({ kind: 'error', message: t('undoFailed', { message: errorText(e) }) });
    }
  };

  const resolve = async (c: AdminComment, resolution: 'upheld' | 'dismissed') => {
    try {
      keepFocus();
      const { comment } = await api.resolveReports(c.id, resolution);
      setState((s) => updated(s, queue, [comment]));
      remember([comment]);
      refreshCounts();
      toast({ message: t(resolution === 'upheld' ? 'reportsUpheld' : 'reportsDismissed', { name: nameOf(c) }) });
    } catch (e) {
      toast({ kind: 'error', message: errorText(e) });
    }
  };

  /**
   * The item keyboard commands act on: the card that has focus (so a key pressed right after
   * a click or Tab acts on what the moderator sees focused), else the current one.
   */
  const currentItem = (): AdminComment | undefined => {
    const s = stateRef.current;
    const focused = document.activeElement?.closest('.queue article.card')?.id.slice(2);
    return s.items.find((c) => c.id === focused) ?? s.items.find((c) => c.id === s.current);
  };

  // Keyboard shortcuts (see keys.ts). Actions apply to the selection when there is one.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !ignoreKey(e)) {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (ignoreKey(e) || document.querySelector('dialog[open]')) return;
      const s = stateRef.current;
      const c = currentItem();
      const step = (delta: number) => {
        if (!s.items.length) return;
        const at = c ? s.items.indexOf(c) : -1;
        const next = s.items[Math.max(0, Math.min(s.items.length - 1, at + delta))]!;
        if (delta > 0 && at === s.items.length - 1 && s.nextCursor && !s.more) void load(true);
        // Focus moves now, not after the next render: a key pressed right after acts on it.
        const el = document.getElementById(`c-${next.id}`);
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'nearest' });
        stateRef.current = { ...s, current: next.id };
        setState((x) => ({ ...x, current: next.id }));
      };
      const run = (action: Action) => {
        if (s.selected.size) void bulk(action);
        else if (c) void act(c, action);
      };
      const command = commandFor(e.key);
      if (!command || command === 'help') return;
      if (typeof command === 'object') {
        if ('step' in command) step(command.step);
        else run(command.act);
      } else if (command === 'select') {
        if (c) setState((x) => toggle(x, c.id));
      } else if (command === 'ban') {
        if (c && !c.deleted) setBanFor(c);
      } else if (command === 'author') {
        if (c) setAuthorFor(c);
      } else {
        lastUndo.current?.();
        lastUndo.current = null;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const handlers = {
    onAction: (c: AdminComment, a: Action) => void act(c, a),
    onBan: (c: AdminComment) => setBanFor(c),
    onAuthor: (c: AdminComment) => setAuthorFor(c),
    onResolve: (c: AdminComment, r: 'upheld' | 'dismissed') => void resolve(c, r),
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
        {(['approve', 'reject', 'spam', 'delete'] as const).map((a) => (
          <button key={a} type="button" class={`act ${a}`} disabled={!selected} onClick={() => void bulk(a)}>
            {tr('do', a)}
          </button>
        ))}
        <span class="spacer" />
        <button type="button" class="act" onClick={() => void load(false)} disabled={state.status === 'loading'}>
          {t('refresh')}
        </button>
        <button type="button" class="act" aria-keyshortcuts="?" onClick={() => setHelp(true)}>
          {t('shortcuts')}
        </button>
      </div>
      {state.status === 'loading' && <p class="status">{t('loading')}</p>}
      {state.status === 'error' && (
        <p class="status error" role="alert">
          {state.error}{' '}
          <button type="button" class="link" onClick={() => void load(false)}>
            {t('retry')}
          </button>
        </p>
      )}
      {state.status === 'ready' && !state.items.length && <p class="status empty">{tr('empty', queue)}</p>}
      {state.items.length > 0 && (
        <ol class="queue" aria-label={listLabel}>
          {state.items.map((c) => (
            <li key={c.id}>
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
      {banFor && <BanDialog c={banFor} onClose={() => setBanFor(null)} onSubmit={(r) => ban(banFor, r)} />}
      {authorFor && (
        <AuthorPanel
          c={authorFor}
          versions={versions}
          onClose={() => setAuthorFor(null)}
          onAction={handlers.onAction}
          onBan={handlers.onBan}
        />
      )}
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </section>
  );
}
