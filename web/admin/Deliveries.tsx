// One webhook endpoint's deliveries, newest first: state, attempts, response, last error, next retry.
import { useConsole } from './context.ts';
import { t, tr } from './i18n/t.ts';
import type { Endpoint } from './notifyTypes.ts';
import { Time } from './Time.tsx';
import { useLoad } from './useLoad.ts';

export function Deliveries({ endpoint, refreshKey }: { endpoint: Endpoint; refreshKey: number }) {
  const { api } = useConsole();
  // refreshKey: a test event was just queued.
  const { data, error, reload: load } = useLoad(async () => (await api.deliveries(endpoint.id)).deliveries, [api, endpoint.id, refreshKey]);
  const deliveries = data;

  return (
    <section class="deliveries panel" aria-labelledby={`deliveries-${endpoint.id}`}>
      <div class="settings-head">
        <h2 id={`deliveries-${endpoint.id}`}>{t('deliveriesTitle', { url: endpoint.url })}</h2>
        <button type="button" class="act" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      {error && <p class="status error" role="alert">{error}</p>}
      {deliveries?.length === 0 && <p class="status">{t('deliveriesEmpty')}</p>}
      {!!deliveries?.length && (
        <div class="table-wrap">
          <table class="audit-table deliveries-table">
            <thead>
              <tr>
                <th scope="col">{t('deliveryWhen')}</th>
                <th scope="col">{t('deliveryEvent')}</th>
                <th scope="col">{t('deliveryState')}</th>
                <th scope="col">{t('deliveryAttempts')}</th>
                <th scope="col">{t('deliveryCode')}</th>
                <th scope="col">{t('deliveryError')}</th>
                <th scope="col">{t('deliveryNext')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-state={d.state}>
                  <td><Time iso={d.createdAt} /></td>
                  <td>{d.event}</td>
                  <td>{tr('deliveryState', d.state)}</td>
                  <td>{d.attempts}</td>
                  <td>{d.statusCode ?? '—'}</td>
                  <td class="small">{d.lastError ?? '—'}</td>
                  <td>{d.nextRetryAt ? <Time iso={d.nextRetryAt} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
