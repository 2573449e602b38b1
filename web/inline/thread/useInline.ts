// The widget's side of inline feedback: whether the page uses it, the passages and their
// counts, loading inline.js (only then) and answering what it asks of the widget.
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { Api } from '../../widget/api.ts';
import { t } from '../../widget/i18n/t.ts';
import type { MountOptions } from '../../widget/options.ts';
import type { State } from '../../widget/state.ts';
import { load, save } from '../../widget/storage.ts';
import type { ThreadActions } from '../../widget/useThread.ts';
import type { Controller, Host, InlineModule, PassageInfo, PlacedQuestion } from '../bridge.ts';
import { articleRoot } from '../root.ts';
import type { InlineLookup } from './context.ts';

const AUTHOR = 'colloquy:author';

export function useInline(api: Api, options: MountOptions, state: State, actions: ThreadActions, signedInAs: string | undefined) {
  const [{ passages, questions }, setPassages] = useState<{ passages: PassageInfo[]; questions: PlacedQuestion[] }>({ passages: [], questions: [] });
  const [view, setView] = useState<'all' | 'inline'>('all');
  const [focus, setFocus] = useState<string | null>(null);
  const [version, changed] = useReducer((n: number, _: unknown) => n + 1, 0);
  const controller = useRef<Controller | null>(null);
  const latest = useRef({ actions, signedInAs, passages, questions });
  latest.current = { actions, signedInAs, passages, questions };

  const ready = state.status === 'ready';
  const config = state.config.inline ?? { attraction: 'quiet', readerSelection: true, root: null };
  const off = options.inline === 'off';
  const selector = options.inlineRoot || config.root;
  const selection = !off && config.readerSelection && (options.inline === 'on' || !!selector);
  // Questions placed through the console load inline.js too: the page itself need not say so.
  const wanted = ready && !off && (selection || questions.length > 0 || !!document.querySelector('[data-colloquy-feedback]'));
  const count = state.thread?.commentCount ?? 0;

  // Always asked (one cached request): only the API knows of the console's questions.
  useEffect(() => {
    if (!ready || off) return;
    const timer = setTimeout(() => api.passages().then((r) => setPassages({ passages: r.passages, questions: r.questions ?? [] }), () => {}), count ? 250 : 0);
    return () => clearTimeout(timer);
  }, [api, ready, off, count, state.arrived.length]);

  useEffect(() => {
    if (!wanted) return;
    let stopped = false;
    const host: Host = {
      root: articleRoot(document, selector),
      selection,
      attraction: config.attraction,
      t: (key, params) => t(key as 'close', params as { count: number }),
      latest: (key, limit) => api.passageComments(key, limit).then((r) => r.comments),
      async post({ body, name, email, anchor }) {
        const { signedInAs } = latest.current;
        const res = await latest.current.actions.post({ body, anchor, author: { name, email: email || undefined } }, null);
        if (!signedInAs) save(AUTHOR, { name, email });
        return res;
      },
      author() {
        const { signedInAs } = latest.current;
        const stored = load<{ name?: string; email?: string }>(AUTHOR, {});
        return { name: signedInAs ?? stored.name ?? '', email: stored.email ?? '', signedIn: !!signedInAs };
      },
      showAll(key) {
        setView('inline');
        setFocus(key);
      },
      changed: () => changed(undefined),
    };
    import(/* @vite-ignore */ `${options.base}/inline.js`).then(
      (m: InlineModule) => {
        if (stopped) return;
        controller.current = m.start(host);
        controller.current.update(latest.current.passages, latest.current.questions);
      },
      (e: unknown) => console.error('colloquy: inline feedback failed to load', e),
    );
    return () => {
      stopped = true;
      controller.current?.stop();
      controller.current = null;
    };
  }, [api, options.base, wanted, selection, selector, config.attraction]);

  useEffect(() => controller.current?.update(passages, questions), [passages, questions]);

  // A new object whenever anchoring changes, so quotes re-render with their status.
  const lookup = useMemo<InlineLookup | null>(() => {
    const c = controller.current;
    return c ? { status: c.status, reveal: c.reveal, question: c.question, position: c.position } : null;
  }, [version]);

  // Keyboard passage mode, where readers may choose passages, once inline.js runs.
  // Focus returns to the button as it is then: the thread may have re-rendered it meanwhile.
  const chooser = useRef<HTMLButtonElement>(null);
  const choose = selection && lookup ? () => controller.current?.choose({ focus: () => chooser.current?.focus() }) : null;
  return { api, passages, view, setView, focus, lookup, choose, chooser, shown: wanted || passages.length > 0 };
}

export type InlineThread = ReturnType<typeof useInline>;
