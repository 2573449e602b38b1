// One comment: meta line, body (or editor), actions, inline reply composer, nested replies.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { Avatar } from './Avatar.tsx';
import { CommentList } from './CommentList.tsx';
import { Composer } from './Composer.tsx';
import { Thread } from './context.ts';
import { EditForm } from './EditForm.tsx';
import { editToken } from './editTokens.ts';
import { t } from './i18n/t.ts';
import { Time } from './Time.tsx';
import { fullDate } from './time.ts';
import type { Comment } from './types.ts';
import { Votes } from './Votes.tsx';
import { ApiError } from './api.ts';
import { PassageQuote } from '../inline/thread/PassageQuote.tsx';

type Mode = 'view' | 'reply' | 'edit' | 'confirm';

function Meta({ c }: { c: Comment }) {
  const { focusComment } = useContext(Thread);
  return (
    <header class="meta">
      <span class="author">{c.author.name}</span>
      <a class="permalink" href={`#c-${c.id}`} onClick={(e) => (e.preventDefault(), focusComment(c.id))}>
        <Time iso={c.createdAt} />
      </a>
      {c.editedAt && (
        <span class="muted" title={t('editedAt', { date: fullDate(c.editedAt) })}>
          {t('edited')}
        </span>
      )}
      {c.status && c.status !== 'approved' && <span class="badge">{t('pending')}</span>}
      {c.replyTo && (
        <a
          class="reply-to"
          href={`#c-${c.replyTo.id}`}
          aria-label={t('replyToLabel', { name: c.replyTo.name })}
          onClick={(e) => (e.preventDefault(), focusComment(c.replyTo!.id))}
        >
          {t('replyTo', { name: c.replyTo.name })}
        </a>
      )}
    </header>
  );
}

export function CommentItem({ comment: c }: { comment: Comment }) {
  const ctx = useContext(Thread);
  const [mode, setMode] = useState<Mode>('view');
  const [loadingReplies, setLoadingReplies] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const article = useRef<HTMLElement>(null);
  /** The button to give focus back to when a form or question closes. */
  const back = useRef<Mode | null>(null);
  const unpublished = !!c.status && c.status !== 'approved';
  const mine = !c.deleted && editToken(c.id, ctx.now) !== null;
  const view = (returnFocus = true) => {
    back.current = returnFocus ? mode : null;
    setMode('view');
  };

  useEffect(() => {
    if (mode === 'confirm') confirmRef.current?.focus();
    if (mode !== 'view' || !back.current) return;
    article.current?.querySelector<HTMLElement>(`[data-act="${back.current}"]`)?.focus();
    back.current = null;
  }, [mode]);

  async function remove(): Promise<void> {
    try {
      await ctx.actions.remove(c.id);
      ctx.announce(t('removed'));
    } catch (e) {
      ctx.announce(e instanceof ApiError ? e.message : t('errorGeneric'));
      view();
    }
  }

  async function moreReplies(): Promise<void> {
    setLoadingReplies(true);
    try {
      await ctx.actions.loadReplies(c.id);
    } catch (e) {
      ctx.announce(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setLoadingReplies(false);
    }
  }

  const actions =
    mode === 'confirm' ? (
      <div class="actions" role="group" aria-label={t('deleteConfirm')}>
        <span>{t('deleteConfirm')}</span>
        <button type="button" class="link danger" ref={confirmRef} onClick={() => void remove()}>
          {t('deleteYes')}
        </button>
        <button type="button" class="link" onClick={() => view()}>
          {t('deleteNo')}
        </button>
      </div>
    ) : (
      <div class="actions">
        <Votes comment={c} disabled={unpublished || mine} />
        {!ctx.closed && !unpublished && (
          <button type="button" class="link" data-act="reply" aria-expanded={mode === 'reply'} onClick={() => (mode === 'reply' ? view() : setMode('reply'))}>
            {t('reply')}
          </button>
        )}
        {mine && mode !== 'edit' && (
          <button type="button" class="link" data-act="edit" onClick={() => setMode('edit')}>
            {t('edit')}
          </button>
        )}
        {mine && (
          <button type="button" class="link" data-act="confirm" onClick={() => setMode('confirm')}>
            {t('remove')}
          </button>
        )}
      </div>
    );

  return (
    <li class="item">
      <article ref={article} id={`c-${c.id}`} tabIndex={-1} class={unpublished ? 'comment pending' : 'comment'}>
        {c.deleted ? (
          <p class="deleted">{t('deleted')}</p>
        ) : (
          <>
            <Avatar name={c.author.name} src={c.author.avatar} />
            <div class="main">
              <Meta c={c} />
              {c.anchor && mode !== 'edit' && <PassageQuote anchor={c.anchor} />}
              {mode === 'edit' ? (
                <EditForm comment={c} onClose={view} />
              ) : (
                <div class="body" dangerouslySetInnerHTML={{ __html: c.html }} />
              )}
              {mode !== 'edit' && actions}
            </div>
          </>
        )}
      </article>
      {mode === 'reply' && <Composer parent={{ id: c.id, name: c.author.name }} onClose={view} />}
      {c.replies.length > 0 && <CommentList comments={c.replies} label={t('repliesLabel', { name: c.author.name || t('deleted') })} />}
      {(c.moreReplies ?? 0) > 0 && (
        <button type="button" class="more-replies link" disabled={loadingReplies} onClick={() => void moreReplies()}>
          {t('moreReplies', { count: c.moreReplies! })}
        </button>
      )}
    </li>
  );
}
