// "Inline Feedbacks": only the comments on passages, grouped by passage in article order.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../widget/api.ts';
import { CommentList } from '../../widget/CommentList.tsx';
import { t } from '../../widget/i18n/t.ts';
import type { Comment } from '../../widget/types.ts';
import { Inline } from './context.ts';
import { PassageQuote } from './PassageQuote.tsx';

interface Group {
  anchor: NonNullable<Comment['anchor']>;
  comments: Comment[];
}

export function groups(comments: Comment[], position: (key: string) => number | undefined): Group[] {
  const byKey = new Map<string, Group>();
  for (const c of comments) {
    if (!c.anchor) continue;
    let g = byKey.get(c.anchor.key);
    if (!g) byKey.set(c.anchor.key, (g = { anchor: c.anchor, comments: [] }));
    g.comments.push({ ...c, anchor: undefined });
  }
  // Passages not found in the article (orphans) come last, by their old position.
  const at = (g: Group) => position(g.anchor.key) ?? Number.MAX_SAFE_INTEGER / 2 + g.anchor.position.start;
  return [...byKey.values()].sort((a, b) => at(a) - at(b));
}

const PAGE = 100;

export function InlineFeedbacks({ api, focus, refresh }: { api: Api; focus: string | null; refresh: unknown }) {
  const inline = useContext(Inline);
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.passageComments(undefined, PAGE).then(
      (r) => (setComments(r.comments), setNext(r.nextCursor)),
      () => setComments([]),
    );
  }, [api, refresh]);

  // Older comments a page at a time: they join their passages' groups.
  const more = () => {
    if (!next || busy) return;
    setBusy(true);
    api.passageComments(undefined, PAGE, next).then(
      (r) => (setComments((list) => [...(list ?? []), ...r.comments]), setNext(r.nextCursor), setBusy(false)),
      () => setBusy(false),
    );
  };

  useEffect(() => {
    if (!focus || !comments) return;
    box.current?.querySelector(`[data-passage="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'start' });
  }, [focus, comments]);

  if (!comments) return <p class="status">{t('loading')}</p>;
  const list = groups(comments, (key) => inline?.position(key));
  if (!list.length) return <p class="status">{t('inlineEmpty')}</p>;
  return (
    <div ref={box}>
      {list.map((g) => (
        <section key={g.anchor.key} class="passage-group" data-passage={g.anchor.key}>
          <PassageQuote anchor={g.anchor} />
          <CommentList comments={g.comments} label={t('passageComments')} />
        </section>
      ))}
      {next && (
        <button type="button" class="more" disabled={busy} onClick={more}>
          {t('loadMore')}
        </button>
      )}
    </div>
  );
}
