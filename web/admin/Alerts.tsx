// "My alerts": the signed-in member's own e-mail alerts on the current site (held comments,
// reader reports; at once or in an hourly or daily digest).
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './context.ts';
import { t, tr } from './i18n/t.ts';
import { ALERT_MODES, type AlertChoice, type AlertMode } from './notifyTypes.ts';

export function Alerts() {
  const { api, site, user, toast } = useConsole();
  const [choice, setChoice] = useState<AlertChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setChoice(null);
    api.myAlerts().then(
      ({ alerts }) => {
        const mine = alerts.find((a) => a.site === site.id);
        setChoice(mine ? { pending: mine.pending, reports: mine.reports, mode: mine.mode } : { pending: false, reports: false, mode: 'immediate' });
      },
      (e: unknown) => setError(e instanceof Error ? e.message : t('errorGeneric')),
    );
  }, [api, site.id]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!choice) return;
    setSaving(true);
    try {
      await api.saveAlerts(site.id, choice);
      setError(null);
      toast({ message: t('alertsSaved') });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errorGeneric'));
    } finally {
      setSaving(false);
    }
  };
  const set = (changes: Partial<AlertChoice>) => setChoice((c) => (c ? { ...c, ...changes } : c));
  const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

  return (
    <section class="alerts" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alertsTitle', { site: site.name })}</h1>
      <p class="hint">{t('alertsHint', { email: user.email })}</p>
      {error && <p class="status error" role="alert">{error}</p>}
      {!choice && !error && <p class="status">{t('loading')}</p>}
      {choice && (
        <form class="form panel" onSubmit={save} noValidate>
          <fieldset>
            <legend>{t('alertsWhat')}</legend>
            <label class="field check">
              <input type="checkbox" name="pending" checked={choice.pending} onChange={(e) => set({ pending: checked(e) })} />
              <span>{t('alertsPending')}</span>
            </label>
            <label class="field check">
              <input type="checkbox" name="reports" checked={choice.reports} onChange={(e) => set({ reports: checked(e) })} />
              <span>{t('alertsReports')}</span>
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('alertsWhen')}</legend>
            {ALERT_MODES.map((mode: AlertMode) => (
              <label key={mode} class="field check">
                <input type="radio" name="mode" value={mode} checked={choice.mode === mode} onChange={() => set({ mode })} />
                <span>{tr('alertMode', mode)}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={saving}>
            {t('alertsSave')}
          </button>
        </form>
      )}
    </section>
  );
}
