// Is Stripe reaching us? Keys configured, the last event (type, outcome, when), counts,
// failures of the last 24 hours with their reasons, refunds waiting for their payment.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useConsole } from '../context.ts';
import { errorText } from '../format.ts';
import { t } from '../i18n/t.ts';
import { Time } from '../Time.tsx';
import type { WebhookStatus } from './types.ts';

export function WebhookStatusPanel() {
  const { api, site } = useConsole();
  const [status, setStatus] = useState<WebhookStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    api.webhookStatus(site.id).then(setStatus, (e) => setError(errorText(e)));
  }, [api, site.id]);
  useEffect(load, [load]);

  const yes = (on: boolean) => (on ? t('webhookSet') : t('webhookNotSet'));
  return (
    <section class="panel webhook-status" aria-labelledby="webhook-title">
      <h2 id="webhook-title">{t('webhookTitle')}</h2>
      <button type="button" class="secondary small" onClick={load}>
        {t('refresh')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {status && (
        <>
          <dl class="kv">
            <dt>STRIPE_SECRET_KEY</dt>
            <dd>{yes(status.configured.secretKey)}</dd>
            <dt>STRIPE_WEBHOOK_SECRET</dt>
            <dd>{yes(status.configured.webhookSecret)}</dd>
            <dt>{t('webhookLast')}</dt>
            <dd class="webhook-last">
              {status.lastEvent ? (
                <>
                  <code>{status.lastEvent.type}</code> · {status.lastEvent.status} · <Time iso={status.lastEvent.receivedAt} />
                  {status.lastEvent.detail && <span class="muted small"> ({status.lastEvent.detail})</span>}
                </>
              ) : (
                t('webhookNone')
              )}
            </dd>
            <dt>{t('webhookCounts')}</dt>
            <dd>{Object.entries(status.counts).map(([k, n]) => `${k}: ${n}`).join(', ') || t('webhookNone')}</dd>
            <dt>{t('webhookFailures')}</dt>
            <dd>{status.failures.last24h}</dd>
          </dl>
          {status.failures.recent.length > 0 && (
            <ul class="webhook-failures">
              {status.failures.recent.map((f, i) => (
                <li key={i}>
                  <Time iso={f.at} /> {f.reason}
                </li>
              ))}
            </ul>
          )}
          {status.deferred.length > 0 && (
            <>
              <h3>{t('webhookDeferred')}</h3>
              <ul>
                {status.deferred.map((d) => (
                  <li key={d.id}>
                    <code>{d.type}</code> {t('webhookWaitingFor', { ref: d.waitingFor ?? '?' })} · <Time iso={d.receivedAt} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
