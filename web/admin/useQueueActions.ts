// What a moderator does in a queue, each optimistic: the cards change at once and come back if
// the server refuses. Every action that can be reversed offers Undo (the toast's button, or
// "z"); a comment that was pending goes back with the API's "hold".
import { useRef } from 'preact/hooks';
import { ApiError } from './api.ts';
import { useConsole } from './context.ts';
import { durationText, errorText, nameOf } from './format.ts';
import { t, tr } from './i18n/t.ts';
import { changes, inverse, predict, restore, snapshot, updated, type Snapshot } from './queueState.ts';
import type { Action, AdminComment, BanRequest, QueueName } from './types.ts';
import type { QueueList } from './useQueueList.ts';

export function useQueueActions(queue: QueueName, list: QueueList) {
  const { api, site, toast } = useConsole();
  const { stateRef, setState, refreshCounts, remember, keepFocus } = list;
  const lastUndo = useRef<(() => void) | null>(null);

  /** Puts server versions of comments in the list (those that left this queue leave it). */
  const show = (comments: AdminComment[]) => {
    setState((s) => updated(s, queue, comments));
    remember(comments);
  };

  const offerUndo = (message: string, undo: (() => Promise<void>) | null) => {
    lastUndo.current = undo ? () => void undo() : null;
    toast({ message, action: undo ? { label: t('undo'), run: () => void undo() } : undefined });
  };

  /** Runs an undo; the comments it answers go back where they were, if they belong here now. */
  const undoing = (run: () => Promise<AdminComment[]>, snaps: Snapshot[], done = t('undone')) => async () => {
    try {
      const back = await run();
      const at = new Map(snaps.map((s) => [s.comment.id, s.index]));
      setState((s) => updated(restore(s, back.map((comment) => ({ comment, index: at.get(comment.id) ?? 0 }))), queue, back));
      remember(back);
      refreshCounts();
      toast({ message: done });
    } catch (e) {
      toast({ kind: 'error', message: t('undoFailed', { message: errorText(e) }) });
    }
  };

  /** After a refusal that says the comment changed elsewhere (deleted, gone), show it as it is now. */
  const resync = async (c: AdminComment): Promise<void> => {
    try {
      show([(await api.comment(c.id)).comment]);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setState((s) => updated(s, queue, [{ ...c, deleted: true, status: 'rejected' }]));
    }
    refreshCounts();
  };

  const act = async (c: AdminComment, action: Action): Promise<void> => {
    if (!changes(c, action)) return;
    const snaps = snapshot(stateRef.current, [c.id]);
    keepFocus();
    show([predict(c, action)]);
    try {
      show([(await api.moderate(c.id, action)).comment]);
      refreshCounts();
      const back = inverse(c);
      offerUndo(
        t('done', { action: tr('done', action), name: nameOf(c) }),
        back ? undoing(async () => [(await api.moderate(c.id, back)).comment], snaps) : null,
      );
    } catch (e) {
      setState((s) => restore(s, snaps));
      remember([c]);
      toast({ kind: 'error', message: t('actionFailed', { action: tr('do', action), message: errorText(e) }) });
      if (e instanceof ApiError && (e.status === 404 || e.status === 409)) void resync(c);
    }
  };

  /** One action on the selection; each comment succeeds or fails alone. */
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
      // One undo request for all of them, when they all go back the same way.
      const backs = new Set(befores.map(inverse));
      const back = backs.size === 1 ? [...backs][0] : null;
      offerUndo(
        t('bulkDone', { action: tr('done', action), count: done.length }),
        back && befores.length
          ? undoing(async () => (await api.bulk(site.id, befores.map((c) => c.id), back)).results.flatMap((r) => (r.ok && r.comment ? [r.comment] : [])), snaps)
          : null,
      );
      if (failed.length) toast({ kind: 'error', message: t('bulkFailed', { count: failed.length, message: failed[0]!.error?.message ?? '' }) });
    } catch (e) {
      setState((s) => restore(s, snaps));
      toast({ kind: 'error', message: t('actionFailed', { action: tr('do', action), message: errorText(e) }) });
    }
  };

  /** Bans or suspends the author (the dialog has already asked); undo lifts the bans and puts the comment back. */
  const ban = async (c: AdminComment, request: BanRequest): Promise<void> => {
    const snaps = snapshot(stateRef.current, [c.id]);
    const { bans, comment } = await api.ban(c.id, request);
    keepFocus();
    show([comment]);
    refreshCounts();
    const duration = request.durationSeconds === null ? t('banForever') : t('banForDuration', { duration: durationText(request.durationSeconds) });
    const changedComment = comment.status !== c.status || comment.shadow !== c.shadow || comment.deleted !== c.deleted;
    const back = changedComment ? inverse(c) : null;
    offerUndo(
      t(request.mode === 'ban' ? 'authorBanned' : 'authorShadowed', { name: nameOf(c), duration }),
      undoing(
        async () => {
          await Promise.all(bans.map((b) => api.liftBan(b.id)));
          return back ? [(await api.moderate(c.id, back)).comment] : [];
        },
        snaps,
        // A comment deleted along with the ban cannot come back.
        changedComment && !back ? t('banLiftedOnly') : t('banUndone'),
      ),
    );
  };

  const resolve = async (c: AdminComment, resolution: 'upheld' | 'dismissed') => {
    try {
      keepFocus();
      show([(await api.resolveReports(c.id, resolution)).comment]);
      refreshCounts();
      toast({ message: t(resolution === 'upheld' ? 'reportsUpheld' : 'reportsDismissed', { name: nameOf(c) }) });
    } catch (e) {
      toast({ kind: 'error', message: errorText(e) });
    }
  };

  /** "z": undoes the last action that offered Undo, once. */
  const undoLast = () => {
    lastUndo.current?.();
    lastUndo.current = null;
  };

  return { act, bulk, ban, resolve, undoLast };
}

export type QueueActions = ReturnType<typeof useQueueActions>;
