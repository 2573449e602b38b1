// The form for a webhook endpoint's URL and events: adding one, or editing one.
import { useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { t } from './i18n/t.ts';

interface Props {
  events: string[];
  initial?: { url: string; events: string[] };
  submitLabel: string;
  onSubmit(url: string, events: string[]): Promise<void>;
  onCancel?: () => void;
}

export function WebhookForm({ events, initial, submitLabel, onSubmit, onCancel }: Props) {
  const [url, setUrl] = useState(initial?.url ?? '');
  const [chosen, setChosen] = useState<string[]>(initial?.events ?? events);
  const [error, setError] = useState<{ field: 'url' | 'events'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen.length) return setError({ field: 'events', message: t('webhookNeedEvents') });
    setBusy(true);
    try {
      await onSubmit(url.trim(), chosen);
      setError(null);
      if (!initial) setUrl('');
    } catch (err) {
      const field = err instanceof ApiError && err.field?.includes('events') ? 'events' : 'url';
      setError({ field, message: err instanceof Error ? err.message : t('errorGeneric') });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (event: string, on: boolean) => setChosen((list) => (on ? [...list, event] : list.filter((e) => e !== event)));
  const err = (field: 'url' | 'events') => (error?.field === field ? <p class="field-error" role="alert">{error.message}</p> : null);

  return (
    <form class="form webhook-form" onSubmit={submit} noValidate>
      <label class="field">
        <span>{t('webhookUrl')}</span>
        <input type="url" name="url" required value={url} placeholder="https://" onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} aria-invalid={error?.field === 'url'} />
      </label>
      {err('url')}
      <fieldset>
        <legend>{t('webhookEvents')}</legend>
        {events.map((event) => (
          <label key={event} class="field check">
            <input type="checkbox" name="events" value={event} checked={chosen.includes(event)} onChange={(e) => toggle(event, (e.currentTarget as HTMLInputElement).checked)} />
            <span>{event}</span>
          </label>
        ))}
      </fieldset>
      {err('events')}
      <div class="row">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('webhookCancel')}
          </button>
        )}
      </div>
    </form>
  );
}
