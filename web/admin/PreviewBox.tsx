// "Test this text": the site's pipeline on a sample, live as one types (nothing is stored).
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './context.ts';
import { Highlighted } from './Highlighted.tsx';
import { t, tr } from './i18n/t.ts';
import { Reasons } from './Reasons.tsx';
import type { Preview } from './types.ts';
import { useLoadTickets } from './useLoadTickets.ts';

export function PreviewBox({ unsaved }: { unsaved: boolean }) {
  const { api, site } = useConsole();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ text: string; preview: Preview } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const takeTicket = useLoadTickets();

  useEffect(() => {
    // Answers arrive out of order as one types: only the one for the latest text is shown.
    // Emptying the field takes a ticket too, so an answer still on its way is dropped.
    const current = takeTicket(false);
    if (!text.trim()) {
      setResult(null);
      setError(null);
      setBusy(false);
      return;
    }
    const timer = setTimeout(async () => {
      setBusy(true);
      try {
        const preview = await api.preview(site.id, text);
        if (current()) {
          setResult({ text, preview });
          setError(null);
        }
      } catch (e) {
        if (current()) setError(e instanceof Error ? e.message : t('errorGeneric'));
      }
      if (current()) setBusy(false);
    }, 300);
    return () => clearTimeout(timer);
  }, [api, site.id, text, takeTicket]);

  return (
    <div class="preview" aria-busy={busy}>
      <div class="field">
        <label for="preview-text">{t('previewLabel')}</label>
        <textarea id="preview-text" rows={3} value={text} aria-describedby="preview-hint" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <p class="hint" id="preview-hint">
          {t('previewHint')} {unsaved && <strong>{t('previewUnsaved')}</strong>}
        </p>
      </div>
      <div class="preview-result" role="status" aria-live="polite">
        {error && <p class="error">{error}</p>}
        {result && (
          <>
            <p>
              {t('previewDecision')} <span class={`badge ${result.preview.status}`}>{tr('status', result.preview.status)}</span>
              {typeof result.preview.ms === 'number' && <span class="muted"> · {t('previewMs', { ms: result.preview.ms.toFixed(2) })}</span>}
            </p>
            <Highlighted text={result.text} reasons={result.preview.reasons} />
            {result.preview.reasons.length ? (
              <Reasons reasons={result.preview.reasons} text={result.text} label={t('previewReasons')} />
            ) : (
              <p class="muted">{t('previewNoReasons')}</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
