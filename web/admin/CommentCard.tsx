// One comment in a queue: author (with e-mail, visible to staff), thread link, time, status
// badges, the source text with matched spans highlighted, the reasons, reports and actions.
import { Badges } from './Badge.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { Highlighted } from './Highlighted.tsx';
import { t, tr, type TextKey } from './i18n/t.ts';
import { predict } from './queueState.ts';
import { Reasons } from './Reasons.tsx';
import { safeUrl } from './safeUrl.ts';
import { Time } from './Time.tsx';
import type { Action, AdminComment } from './types.ts';

export interface CardHandlers {
  onAction(c: AdminComment, action: Action): void;
  onBan(c: AdminComment): void;
  onAuthor(c: AdminComment): void;
  onResolve(c: AdminComment, resolution: 'upheld' | 'dismissed'): void;
  onToggle(c: AdminComment): void;
  onFocus(c: AdminComment): void;
}

interface Props extends CardHandlers {
  c: AdminComment;
  current: boolean;
  selected: boolean;
  /** Compact: no checkbox, fewer actions (author history). */
  compact?: boolean;
}

/** The card's action buttons: a keyboard shortcut (keys.ts), or a hint where there is none. */
const ACTIONS: ({ action: Action; key: string } | { action: Action; hint: TextKey })[] = [
  { action: 'approve', key: 'a' },
  { action: 'reject', key: 'r' },
  { action: 'spam', key: 's' },
  { action: 'hold', key: 'h' },
  { action: 'shadow', hint: 'shadowHint' },
];

export function CommentCard({ c, current, selected, compact, ...h }: Props) {
  const name = c.author.name || t('anonymous');
  const head = `h-${c.id}`;
  const url = safeUrl(c.thread.url);
  const where = c.thread.title || c.thread.page;
  const reasons = c.moderation?.reasons ?? [];
  const last = c.moderation?.lastAction;
  /** The action's result is the comment's state now (its button is pressed and disabled). */
  const isNow = (a: Action): boolean => {
    if (c.deleted || a === 'delete') return false;
    const next = predict(c, a);
    return next.status === c.status && next.shadow === c.shadow;
  };

  return (
    <article
      id={`c-${c.id}`}
      class={`card${current ? ' current' : ''}${selected ? ' selected' : ''}`}
      tabIndex={current ? 0 : -1}
      aria-labelledby={head}
      aria-describedby={`b-${c.id}`}
      onFocusIn={() => h.onFocus(c)}
    >
      <header class="card-head">
        {!compact && (
          <input
            type="checkbox"
            class="select"
            checked={selected}
            aria-label={t('selectComment', { name })}
            onChange={() => h.onToggle(c)}
          />
        )}
        <h3 id={head} class="who">
          <span class="sr-only">{t('commentBy')} </span>
          <span class="name">{name}</span>
          {c.author.email && <span class="email">{c.author.email}</span>}
          {c.author.accountId && <span class="account">{t('account')}</span>}
        </h3>
        <Badges c={c} />
        <span class="where">
          <Time iso={c.createdAt} />
          {c.editedAt && <span class="edited"> {t('edited')}</span>}
          {' · '}
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {where}
            </a>
          ) : (
            <span>{where}</span>
          )}
          {c.parentId && <span class="reply-mark"> · {t('isReply')}</span>}
        </span>
      </header>
      <div id={`b-${c.id}`}>
        {c.deleted && !c.body ? <p class="body muted">{t('deletedBody')}</p> : <Highlighted text={c.body} reasons={reasons} />}
      </div>
      <Reasons reasons={reasons} text={c.body} label={t('reasonsLabel', { name })} />
      {c.reports && c.reports.open > 0 && (
        <p class="reports">
          {t('reportsSummary', { count: c.reports.open })}{' '}
          {Object.entries(c.reports.byReason).map(([reason, n]) => (
            <span key={reason} class="chip">
              {tr('report', reason)} × {n}
            </span>
          ))}
        </p>
      )}
      {last && (
        <p class="last muted">
          {t('lastAction', { action: tr('action', last.action), by: last.by?.email ?? t('someone') })} <Time iso={last.at} />
          {last.note ? ` · ${last.note}` : ''}
        </p>
      )}
      {!c.deleted && (
        <div class="actions" role="group" aria-label={t('actionsFor', { name })}>
          {ACTIONS.map((a) => (
            <button
              key={a.action}
              type="button"
              class={`act ${a.action}`}
              aria-keyshortcuts={'key' in a ? a.key : undefined}
              title={'key' in a ? t('withKey', { label: tr('do', a.action), key: a.key }) : t(a.hint)}
              aria-pressed={isNow(a.action) ? 'true' : undefined}
              disabled={isNow(a.action)}
              onClick={() => h.onAction(c, a.action)}
            >
              {tr('do', a.action)}
            </button>
          ))}
          {c.reports && c.reports.open > 0 && (
            <>
              <button type="button" class="act" onClick={() => h.onResolve(c, 'dismissed')}>
                {t('dismissReports')}
              </button>
              <button type="button" class="act" onClick={() => h.onResolve(c, 'upheld')}>
                {t('upholdReports')}
              </button>
            </>
          )}
          <button type="button" class="act ban" aria-keyshortcuts="b" title={t('withKey', { label: t('banAuthor'), key: 'b' })} onClick={() => h.onBan(c)}>
            {t('banAuthor')}
          </button>
          {!compact && (
            <button type="button" class="act" aria-keyshortcuts="u" title={t('withKey', { label: t('authorPanel'), key: 'u' })} onClick={() => h.onAuthor(c)}>
              {t('authorPanel')}
            </button>
          )}
          <ConfirmButton label={tr('do', 'delete')} question={t('deleteQuestion')} onConfirm={() => h.onAction(c, 'delete')} />
        </div>
      )}
    </article>
  );
}
