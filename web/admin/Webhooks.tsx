// A site's webhook endpoints (site admins): add one (its secret shown once), edit, switch
// off or on, rotate the secret, remove, send a test event, and see each one's deliveries.
// Global admins also see the outbox of every site below.
import { useEffect, useState } from 'preact/hooks';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useConsole } from './context.ts';
import { Deliveries } from './Deliveries.tsx';
import { t } from './i18n/t.ts';
import type { Endpoint } from './notifyTypes.ts';
import { Outbox } from './Outbox.tsx';
import { useLoad } from './useLoad.ts';
import { WebhookForm } from './WebhookForm.tsx';

export function Webhooks() {
  const { api, site, user, toast } = useConsole();
  const { data, error } = useLoad(() => api.webhooks(site.id), [api, site.id]);
  /** The endpoints as changed here since loading. */
  const [endpoints, setEndpoints] = useState<Endpoint[] | null>(null);
  const events = data?.events ?? [];
  /** The secret of the endpoint just added or rotated: shown this once. */
  const [secret, setSecret] = useState<{ url: string; value: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  useEffect(() => setEndpoints(data?.endpoints ?? null), [data]);

  const replace = (updated: Endpoint) => setEndpoints((list) => list?.map((e) => (e.id === updated.id ? updated : e)) ?? null);
  /** Runs an action on an endpoint; errors become a toast. */
  const act = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : t('errorGeneric') });
    }
  };

  return (
    <section class="webhooks" aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('webhooksTitle', { site: site.name })}</h1>
      <p class="hint">{t('webhooksHint')}</p>
      {error && <p class="status error" role="alert">{error}</p>}
      {secret && (
        <div class="panel secret-notice" role="status">
          <h2>{t('webhookSecretTitle')}</h2>
          <p class="muted small">{secret.url}</p>
          <p>
            <code class="webhook-secret">{secret.value}</code>
          </p>
          <p class="hint">{t('webhookSecretHint')}</p>
        </div>
      )}
      {endpoints?.length === 0 && <p class="status">{t('webhooksEmpty')}</p>}
      <ul class="webhook-list">
        {endpoints?.map((endpoint) => (
          <li key={endpoint.id} class="panel webhook" data-active={endpoint.active}>
            {editing === endpoint.id ? (
              <WebhookForm
                events={events}
                initial={endpoint}
                submitLabel={t('webhookSave')}
                onCancel={() => setEditing(null)}
                onSubmit={async (url, chosen) => {
                  replace((await api.updateWebhook(endpoint.id, { url, events: chosen })).endpoint);
                  setEditing(null);
                }}
              />
            ) : (
              <>
                <p>
                  <strong class="webhook-url">{endpoint.url}</strong>{' '}
                  <span class="muted small">· {endpoint.active ? t('webhookActive') : t('webhookInactive')} · {endpoint.events.join(', ')}</span>
                </p>
                <div class="row">
                  <button type="button" class="act" onClick={() => setOpen(open === endpoint.id ? null : endpoint.id)} aria-expanded={open === endpoint.id}>
                    {t('webhookShowDeliveries')}
                  </button>
                  <button type="button" class="act" onClick={() => void act(async () => {
                    await api.testWebhook(endpoint.id);
                    toast({ message: t('webhookTestQueued') });
                    setOpen(endpoint.id);
                    setRefreshKey((k) => k + 1);
                  })}>
                    {t('webhookTest')}
                  </button>
                  <button type="button" class="act" onClick={() => setEditing(endpoint.id)}>
                    {t('webhookEdit')}
                  </button>
                  <button type="button" class="act" onClick={() => void act(async () => replace((await api.updateWebhook(endpoint.id, { active: !endpoint.active })).endpoint))}>
                    {endpoint.active ? t('webhookDisable') : t('webhookEnable')}
                  </button>
                  <button type="button" class="act" onClick={() => void act(async () => {
                    const rotated = await api.rotateWebhookSecret(endpoint.id);
                    setSecret({ url: rotated.endpoint.url, value: rotated.secret });
                  })}>
                    {t('webhookRotate')}
                  </button>
                  <ConfirmButton
                    label={t('webhookRemove')}
                    question={t('webhookRemoveConfirm', { url: endpoint.url })}
                    onConfirm={() => void act(async () => {
                      await api.removeWebhook(endpoint.id);
                      setEndpoints((list) => list?.filter((e) => e.id !== endpoint.id) ?? null);
                    })}
                  />
                </div>
              </>
            )}
            {open === endpoint.id && <Deliveries endpoint={endpoint} refreshKey={refreshKey} />}
          </li>
        ))}
      </ul>
      {endpoints && (
        <div class="panel">
          <h2>{t('webhookNew')}</h2>
          <WebhookForm
            events={events}
            submitLabel={t('webhookAdd')}
            onSubmit={async (url, chosen) => {
              const created = await api.createWebhook(site.id, url, chosen);
              setEndpoints((list) => [...(list ?? []), created.endpoint]);
              setSecret({ url: created.endpoint.url, value: created.secret });
            }}
          />
        </div>
      )}
      {user.globalAdmin && <Outbox />}
    </section>
  );
}
