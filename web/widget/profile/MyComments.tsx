// The reader's comments across the site, newest first, a page at a time: where each is (a
// link to it in its thread), when, a plain-text excerpt, and whether it is still held.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import { fullDate } from '../time.ts';
import type { MeApi } from './me.ts';
import { ItemList, Part } from './Part.tsx';
import { useTask } from './useTask.ts';
import type { MyComment } from './types.ts';

const EXCERPT = 160;

/** The comment's text without markup: parsed in an inert document, shown as a text node. */
function excerpt(html: string): string {
  const text = (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}

/** The comment's place in its thread; only http(s) pages are linked. */
const linkTo = (c: MyComment) => (c.url && /^https?:\/\//i.test(c.url) ? `${c.url.split('#')[0]}#c-${c.id}` : null);

function Item({ comment }: { comment: MyComment }) {
  const where = t('commentOn', { title: comment.title || comment.page });
  const href = linkTo(comment);
  const held = comment.status === 'pending' ? t('pending') : comment.status === 'approved' ? null : t('notPublished');
  return (
    <li class="my-comment">
      <p class="muted">
        {href ? <a href={href}>{where}</a> : where} · <time dateTime={comment.createdAt}>{fullDate(comment.createdAt)}</time>
        {held && <span class="badge"> {held}</span>}
      </p>
      <p>{excerpt(comment.html)}</p>
    </li>
  );
}

export function MyComments({ me }: { me: MeApi }) {
  const [items, setItems] = useState<MyComment[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, note, run } = useTask();

  const load = useCallback(
    (from: string | null) =>
      run(async () => {
        const page = await me.comments(from);
        setItems((shown) => (from && shown ? [...shown, ...page.comments] : page.comments));
        setCursor(page.nextCursor);
      }),
    [me, run],
  );
  useEffect(() => void load(null), [load]);

  return (
    <Part id="colloquy-my-comments" title={t('myComments')} busy={busy} note={note}>
      <ItemList items={items} empty={t('myCommentsEmpty')} render={(c) => <Item key={c.id} comment={c} />} />
      {cursor && (
        <button type="button" class="more" disabled={busy} onClick={() => void load(cursor)}>
          {t('showMore')}
        </button>
      )}
    </Part>
  );
}
