// Up/down vote buttons around the score; pressing the pressed button withdraws the vote.
import { useContext, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { Thread } from './context.ts';
import { Icon } from './Icon.tsx';
import { t } from './i18n/t.ts';
import type { Comment } from './types.ts';

export function Votes({ comment, disabled }: { comment: Comment; disabled: boolean }) {
  const { votes, actions, announce } = useContext(Thread);
  const [busy, setBusy] = useState(false);
  const mine = votes[comment.id] ?? 0;

  // While a vote is in flight the buttons stay focusable (disabling would drop focus) but inert.
  async function cast(value: 1 | -1): Promise<void> {
    if (busy) return;
    setBusy(true);
    try {
      await actions.vote(comment.id, mine === value ? 0 : value);
    } catch (e) {
      announce(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  }

  const button = (value: 1 | -1) => (
    <button
      type="button"
      class="vote"
      aria-pressed={mine === value}
      aria-label={t(value === 1 ? 'voteUp' : 'voteDown')}
      disabled={disabled}
      aria-busy={busy || undefined}
      onClick={() => void cast(value)}
    >
      <Icon name={value === 1 ? 'up' : 'down'} />
    </button>
  );

  return (
    <span class="votes">
      {button(1)}
      <span class="score" title={t('score', { score: comment.score })}>
        {comment.score}
      </span>
      {button(-1)}
    </span>
  );
}
