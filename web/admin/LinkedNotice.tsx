// Above the queue, when the address names a comment (an alert's link): where that comment is
// now (it is pinned first in the list), or why it cannot be shown; and a way back to the queue alone.
import { t, tr } from './i18n/t.ts';
import { belongs } from './queueState.ts';
import type { AdminComment, QueueName } from './types.ts';
import type { Linked } from './useLinkedComment.ts';

function statusText(c: AdminComment): string {
  if (c.deleted) return t('badgeDeleted');
  return c.shadow ? `${tr('status', c.status)} (${t('badgeShadow')})` : tr('status', c.status);
}

interface Props {
  id: string;
  linked: Linked;
  /** The pinned comment, once shown. */
  comment: AdminComment | undefined;
  queue: QueueName;
  onRetry(): void;
  onClose(): void;
}

export function LinkedNotice({ id, linked, comment, queue, onRetry, onClose }: Props) {
  if (linked.status === 'none') return null;
  const queueName = tr('queue', queue);
  let message: string;
  let problem = true;
  if (linked.status === 'loading') {
    message = t('loading');
    problem = false;
  } else if (linked.status === 'missing') message = t('linkedMissing', { id });
  else if (linked.status === 'refused') message = t('linkedRefused');
  else if (linked.status === 'error') message = t('linkedFailed', { message: linked.error });
  else if (!comment) return null;
  else {
    message = belongs(queue, comment) ? t('linkedInQueue', { queue: queueName }) : t('linkedMoved', { queue: queueName, status: statusText(comment) });
    problem = false;
  }
  return (
    <div class={`notice linked-notice${problem ? ' problem' : ''}`} role={problem ? 'alert' : 'status'}>
      <span>{message}</span>
      {linked.status === 'error' && (
        <button type="button" class="link" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
      <button type="button" class="link" onClick={onClose}>
        {t('linkedClose')}
      </button>
    </div>
  );
}
