// The ledger's filters; every change applies at once.
import { t, tr } from '../i18n/t.ts';
import { FilterInput } from '../FilterInput.tsx';
import { Field, valueOf } from './Field.tsx';
import { LEDGER_KINDS, PROVIDERS, type Campaign } from './types.ts';

export interface FilterDraft {
  campaign: string;
  provider: string;
  kind: string;
  status: string;
  currency: string;
  from: string;
  to: string;
  q: string;
}

interface Props {
  value: FilterDraft;
  campaigns: Campaign[];
  onChange(value: FilterDraft): void;
}

export function LedgerFilters({ value, campaigns, onChange }: Props) {
  const set = (key: keyof FilterDraft) => (e: Event) => onChange({ ...value, [key]: valueOf(e) });
  const commit = (key: keyof FilterDraft) => (text: string) => onChange({ ...value, [key]: text });
  const choice = (key: 'provider' | 'kind' | 'status', options: readonly string[], prefix: string) => (
    <Field id={`lf-${key}`} label={tr('ledgerFilter', key)}>
      <select id={`lf-${key}`} value={value[key]} onChange={set(key)}>
        <option value="">{t('ledgerAny')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {tr(prefix, o)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form class="filters row" role="search" aria-label={t('ledgerFilters')} onSubmit={(e) => e.preventDefault()}>
      <Field id="lf-campaign" label={t('ledgerFilter_campaign')}>
        <select id="lf-campaign" value={value.campaign} onChange={set('campaign')}>
          <option value="">{t('ledgerAny')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </Field>
      {choice('provider', PROVIDERS, 'provider')}
      {choice('kind', LEDGER_KINDS, 'kind')}
      {choice('status', ['counted', 'unconverted'], 'entryStatus')}
      <Field id="lf-currency" label={t('ledgerFilter_currency')}>
        <FilterInput id="lf-currency" maxLength={3} value={value.currency} onCommit={commit('currency')} />
      </Field>
      <Field id="lf-from" label={t('ledgerFilter_from')}>
        <input id="lf-from" type="date" value={value.from} onChange={set('from')} />
      </Field>
      <Field id="lf-to" label={t('ledgerFilter_to')}>
        <input id="lf-to" type="date" value={value.to} onChange={set('to')} />
      </Field>
      <Field id="lf-q" label={t('ledgerFilter_q')} grow>
        <FilterInput id="lf-q" value={value.q} onCommit={commit('q')} />
      </Field>
    </form>
  );
}
