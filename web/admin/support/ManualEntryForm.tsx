// Money received outside Stripe (bank transfer, cash, crypto, cheque): amount, currency (and
// the rate when it is not the campaign's), method, reference, donor, a required note. The
// server records it in the ledger and the audit log; a negative amount corrects or returns.
import { useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useConsole } from '../context.ts';
import { t, tr } from '../i18n/t.ts';
import { described, Field, fieldOf, valueOf } from './Field.tsx';
import { money, startOfDay, toMinor } from './money.ts';
import { MANUAL_METHODS, type Campaign, type ManualEntry, type ManualMethod } from './types.ts';

interface Draft {
  amount: string;
  currency: string;
  rate: string;
  method: ManualMethod;
  reference: string;
  donorName: string;
  email: string;
  note: string;
  day: string;
}

const blank = (currency: string): Draft => ({ amount: '', currency, rate: '', method: 'bank_transfer', reference: '', donorName: '', email: '', note: '', day: '' });

export function ManualEntryForm({ campaign, onRecorded }: { campaign: Campaign; onRecorded(): void }) {
  const { api, toast } = useConsole();
  const [draft, setDraft] = useState<Draft>(() => blank(campaign.currency));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const currency = draft.currency.trim().toUpperCase();
  const foreign = currency !== campaign.currency;
  const errorOf = (f: string) => (error?.field === f ? error.message : null);
  const set = (key: keyof Draft) => (e: Event) => setDraft((d) => ({ ...d, [key]: valueOf(e) }));

  const submit = async (e: Event) => {
    e.preventDefault();
    const amount = toMinor(draft.amount, currency);
    if (amount === null || amount === 0) return setError({ field: 'amount', message: t('supportNeedAmount') });
    if (!draft.note.trim()) return setError({ field: 'note', message: t('entryNeedNote') });
    const entry: ManualEntry = {
      amount,
      currency,
      method: draft.method,
      note: draft.note.trim(),
      ...(foreign && draft.rate.trim() ? { rate: draft.rate.trim() } : {}),
      ...(draft.reference.trim() ? { reference: draft.reference.trim() } : {}),
      ...(draft.donorName.trim() ? { donorName: draft.donorName.trim(), anonymous: false } : {}),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      ...(draft.day ? { occurredAt: startOfDay(draft.day) } : {}),
    };
    setBusy(true);
    try {
      await api.addEntry(campaign.id, entry);
      toast({ message: t('entryRecorded', { amount: money(amount, currency), title: campaign.title }) });
      setDraft(blank(campaign.currency));
      setError(null);
      onRecorded();
    } catch (err) {
      setError({ field: err instanceof ApiError ? fieldOf(err.field) : '', message: err instanceof Error ? err.message : t('errorGeneric') });
    }
    setBusy(false);
  };

  const input = (key: keyof Draft, label: string, type: 'text' | 'email' | 'date' = 'text', hint?: string) => (
    <Field id={`me-${key}`} label={label} hint={hint} error={errorOf(key)} grow={key === 'note'}>
      <input type={type as 'text'} value={draft[key]} onInput={set(key)} {...described(`me-${key}`, errorOf(key), !!hint)} />
    </Field>
  );

  return (
    <form class="panel form manual-entry" onSubmit={submit} noValidate aria-labelledby="manual-title">
      <h2 id="manual-title">{t('entryTitle', { title: campaign.title })}</h2>
      <div class="row">
        {input('amount', t('entryAmount'), 'text', t('entryAmountHint'))}
        {input('currency', t('campaignCurrency'))}
        {foreign && input('rate', t('entryRate', { from: currency || '…', to: campaign.currency }))}
        <Field id="me-method" label={t('entryMethod')}>
          <select id="me-method" value={draft.method} onChange={(e) => setDraft((d) => ({ ...d, method: valueOf(e) as ManualMethod }))}>
            {MANUAL_METHODS.map((m) => (
              <option key={m} value={m}>
                {tr('provider', m)}
              </option>
            ))}
          </select>
        </Field>
        {input('day', t('entryDay'), 'date')}
      </div>
      <div class="row">
        {input('reference', t('entryReference'), 'text', t('entryReferenceHint'))}
        {input('donorName', t('entryDonorName'))}
        {input('email', t('entryEmail'), 'email')}
      </div>
      <div class="row">
        {input('note', t('entryNote'), 'text', t('entryNoteHint'))}
        <button type="submit" class="primary" disabled={busy}>
          {t('entrySubmit')}
        </button>
      </div>
      {error && !error.field && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
