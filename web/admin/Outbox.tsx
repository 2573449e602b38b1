// The outbox at a glance, for global admins: how much waits, what failed and why, retry.
import { useConsole } from './context.ts';
import { t, tr } from './i18n/t.ts';
import type { OutboxItem } from './notifyTypes.ts';
import { Time } from './Time.tsx';
import { useLoad } from './useLoad.ts';

export function Outbox() {
  const { api, toast } = useConsole();
  const { data: overview, error, reload: load } = useLoad(() => api.outbox(), [api]);

  const retry = async (item: OutboxItem) => {
    try {
      await api.retryOutbox(item.id);
      toast({ message: t('outboxRetried') });
      await load();
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : t('errorGeneric') });
    }
  };

  const list = (items: OutboxItem[], failed: boolean) =>
    items.length ? (
      <ul class="ban-list wide outbox-list">
        {items.map((item) => (
          <li key={item.id}>
            <span>
              <strong>{item.kind}</strong> {item.summary}
            </span>
            <span class="muted small">
              {' '}· {tr('deliveryState', item.state)} · {t('deliveryAttempts')}: {item.attempts} · <Time iso={item.createdAt} />
              {item.lastError && ` · ${item.lastError}`}
            </span>
            {failed && (
              <button type="button" class="act" onClick={() => void retry(item)}>
                {t('outboxRetry')}
              </button>
            )}
          </li>
        ))}
      </ul>
    ) : (
      <p class="status">{t('outboxNone')}</p>
    );

  return (
    <section class="outbox panel" aria-labelledby="outbox-title">
      <div class="settings-head">
        <h2 id="outbox-title">{t('outboxTitle')}</h2>
        <button type="button" class="act" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {error && <p class="status error" role="alert">{error}</p>}
      {overview && (
        <>
          <p class="outbox-counts">{t('outboxCounts', overview.counts)}</p>
          <h3>{t('outboxFailed')}</h3>
          {list(overview.failed, true)}
          <h3>{t('outboxPending')}</h3>
          {list(overview.pending, false)}
        </>
      )}
    </section>
  );
}
