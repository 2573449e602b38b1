// Create or change a campaign: title, goal and currency, donor goal, ticks (automatic or
// chosen), dates, thank-you text, active. Beside the form, the bar as readers will see it,
// redrawn as you type from the server's preview (current totals, nothing stored).
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useConsole } from '../context.ts';
import { t } from '../i18n/t.ts';
import { BarPreview } from './BarPreview.tsx';
import { draftOf, EMPTY_DRAFT, fieldsOf, type Draft } from './campaignForm.ts';
import { described, Field, fieldOf, valueOf } from './Field.tsx';
import type { Campaign } from './types.ts';

const PREVIEW_DELAY = 250;

interface Props {
  /** null: a new campaign. */
  campaign: Campaign | null;
  onSaved(campaign: Campaign): void;
  onCancel(): void;
}

export function CampaignEditor({ campaign, onSaved, onCancel }: Props) {
  const { api, site, toast } = useConsole();
  const [draft, setDraft] = useState<Draft>(() => (campaign ? draftOf(campaign) : EMPTY_DRAFT));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [preview, setPreview] = useState<Campaign | null>(campaign);
  const [saving, setSaving] = useState(false);
  const parsed = fieldsOf(draft);
  const localError = 'field' in parsed ? { field: parsed.field, message: parsed.problem === 'amount' ? t('supportNeedAmount') : t('supportNeedCount') } : null;
  const shown = localError ?? error;
  const errorOf = (field: string) => (shown?.field === field ? shown.message : null);

  // The preview follows the draft; a draft the server refuses keeps the last good bar.
  useEffect(() => {
    if (!('fields' in parsed) || !parsed.fields.title) return;
    const timer = setTimeout(() => {
      api.previewCampaign(site.id, parsed.fields).then(
        (r) => setPreview(r.campaign),
        () => {},
      );
    }, PREVIEW_DELAY);
    return () => clearTimeout(timer);
  }, [JSON.stringify(parsed), api, site.id]);

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setError(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!('fields' in parsed)) return;
    setSaving(true);
    try {
      const { campaign: saved } = campaign ? await api.updateCampaign(campaign.id, parsed.fields) : await api.createCampaign(site.id, parsed.fields);
      toast({ message: t('campaignSaved', { title: saved.title }) });
      onSaved(saved);
    } catch (err) {
      setError({ field: err instanceof ApiError ? fieldOf(err.field) : '', message: err instanceof Error ? err.message : t('errorGeneric') });
    }
    setSaving(false);
  };

  const text = (key: 'title' | 'currency' | 'goal' | 'donorGoal' | 'ticks', label: string, hint?: string, inputMode?: 'decimal' | 'numeric') => (
    <Field id={`cf-${key}`} label={label} hint={hint} error={errorOf(key)}>
      <input type="text" inputMode={inputMode} value={draft[key]} onInput={(e) => set(key)(valueOf(e))} {...described(`cf-${key}`, errorOf(key), !!hint)} />
    </Field>
  );

  return (
    <div class="editor-grid">
      <form class="panel form" onSubmit={save} noValidate aria-labelledby="campaign-editor-title">
        <h2 id="campaign-editor-title">{campaign ? t('campaignEdit', { title: campaign.title }) : t('campaignNew')}</h2>
        {text('title', t('campaignTitle'))}
        <div class="row">
          {text('goal', t('campaignGoal'), t('campaignGoalHint'), 'decimal')}
          {text('currency', t('campaignCurrency'), t('campaignCurrencyHint'))}
          {text('donorGoal', t('campaignDonorGoal'), t('campaignDonorGoalHint'), 'numeric')}
        </div>
        <fieldset class="field">
          <legend>{t('campaignTicks')}</legend>
          <label class="choice">
            <input type="radio" name="ticks" checked={draft.ticksMode === 'auto'} onChange={() => set('ticksMode')('auto')} />
            <span>{t('campaignTicksAuto')}</span>
          </label>
          <label class="choice">
            <input type="radio" name="ticks" checked={draft.ticksMode === 'chosen'} onChange={() => set('ticksMode')('chosen')} />
            <span>{t('campaignTicksChosen')}</span>
          </label>
        </fieldset>
        {draft.ticksMode === 'chosen' && text('ticks', t('campaignTickAmounts'), t('campaignTickAmountsHint'), 'decimal')}
        <div class="row">
          {(['startsAt', 'endsAt'] as const).map((key) => (
            <Field key={key} id={`cf-${key}`} label={t(key === 'startsAt' ? 'campaignStarts' : 'campaignEnds')} error={errorOf(key)}>
              <input type="date" value={draft[key]} onInput={(e) => set(key)(valueOf(e))} {...described(`cf-${key}`, errorOf(key))} />
            </Field>
          ))}
        </div>
        <Field id="cf-thankYou" label={t('campaignThankYou')} hint={t('campaignThankYouHint')} error={errorOf('thankYou')}>
          <textarea rows={3} value={draft.thankYou} onInput={(e) => set('thankYou')(valueOf(e))} {...described('cf-thankYou', errorOf('thankYou'), true)} />
        </Field>
        <label class="field check">
          <input type="checkbox" checked={draft.active} onChange={(e) => set('active')((e.currentTarget as HTMLInputElement).checked)} />
          <span>{t('campaignActive')}</span>
        </label>
        {error && !error.field && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
        <div class="row">
          <button type="submit" class="primary" disabled={saving || !!localError}>
            {saving ? t('saving') : t('campaignSave')}
          </button>
          <button type="button" class="secondary" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
      <BarPreview campaign={preview} label={t('campaignPreview')} />
    </div>
  );
}
