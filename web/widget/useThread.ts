// The thread hook: owns the state and runs the API calls that change it.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { ApiError, type Api } from './api.ts';
import { editToken, forget, remember, setSource } from './editTokens.ts';
import { t } from './i18n/t.ts';
import { initial, reducer, withOwn } from './state.ts';
import type { Comment, NewComment, Posted, Sort, Vote } from './types.ts';

const message = (e: unknown): string => (e instanceof ApiError ? e.message : t('errorGeneric'));

export function useThread(api: Api) {
  const [state, dispatch] = useReducer(reducer, 'newest', initial);
  const latest = useRef(state);
  latest.current = state;
  const generation = useRef(0);

  const load = useCallback(
    async (sort: Sort, append = false) => {
      const ticket = append ? generation.current : ++generation.current;
      dispatch({ type: 'request', sort });
      try {
        const page = await api.comments(sort, append ? latest.current.nextCursor : null);
        if (ticket === generation.current) dispatch({ type: 'page', page, append });
      } catch (e) {
        if (ticket === generation.current) dispatch({ type: 'failed', error: message(e) });
      }
    },
    [api],
  );

  useEffect(() => {
    void load('newest');
    api.me().then((me) => dispatch({ type: 'me', me }), () => {});
  }, [api, load]);

  const actions = useMemo(
    () => ({
      sort: (sort: Sort) => load(sort),
      reload: () => load(latest.current.sort),
      loadMore: () => load(latest.current.sort, true),
      async loadReplies(topId: string): Promise<void> {
        const page = await api.replies(topId, latest.current.replyCursors[topId]);
        dispatch({ type: 'replies', topId, page });
      },
      /** Post; throws ApiError (shown by the form). Returns the server's answer. */
      async post(input: NewComment, target: string | null): Promise<Posted> {
        const res = await api.post(input);
        const { comment, status, editToken: token } = res;
        if (status === 'approved' || status === 'pending') {
          const until = Date.parse(comment.createdAt) + latest.current.config.editWindowSeconds * 1000;
          remember(comment.id, token, until, input.body);
          dispatch({ type: 'posted', comment, pending: status === 'pending', target });
        }
        return res;
      },
      async edit(id: string, body: string): Promise<void> {
        const token = editToken(id);
        if (!token) throw new ApiError(403, 'edit_window', t('editExpired'));
        const { comment } = await api.edit(id, body, token);
        setSource(id, body);
        dispatch({ type: 'updated', comment });
      },
      async remove(id: string): Promise<void> {
        const token = editToken(id);
        if (!token) throw new ApiError(403, 'edit_window', t('editExpired'));
        const { comment } = await api.remove(id, token);
        forget(id);
        dispatch({ type: 'removed', comment });
      },
      async vote(id: string, value: Vote): Promise<void> {
        dispatch({ type: 'voted', id, result: await api.vote(id, value) });
      },
      arrived: (id: string) => dispatch({ type: 'arrived', id }),
      async refresh(): Promise<void> {
        const page = await api.comments(latest.current.sort);
        dispatch({ type: 'refreshed', comments: page.comments });
      },
    }),
    [api, load],
  );

  const comments: Comment[] = useMemo(() => withOwn(state.comments, state.own), [state.comments, state.own]);
  return { state, comments, actions };
}

export type ThreadActions = ReturnType<typeof useThread>['actions'];
