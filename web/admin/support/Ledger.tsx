// The ledger (admins): every movement of money, filtered by campaign, provider, kind, status,
// currency, dates and text, paged newest first; the same filters download as CSV from the
// server. Beside it: totals by day, the form for money received outside Stripe, and the
// Stripe webhook's status.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useConsole } from '../context.ts';
import { errorText } from '../format.ts';
import { t } from '../i18n/t.ts';
import { useLoadTickets } from '../useLoadTickets.ts';
import { DailyTotalsTable } from './DailyTotals.tsx';
import { LedgerFilters, type FilterDraft } from './LedgerFilters.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { ManualEntryForm } from './ManualEntryForm.tsx';
import { endOfDay, startOfDay } from './money.ts';
import type { Campaign, LedgerEntry, LedgerFilter } from './types.ts';
import { WebhookStatusPanel } from './WebhookStatus.tsx';

const NO_FILTER: FilterDraft = { campaign: '', provider: '', kind: '', status: '', currency: '', from: '', to: '', q: '' };

/** The filter as the API takes it: a "to" day includes that whole day. */
function apiFilter(f: FilterDraft): LedgerFilter {
  return { ...f, currency: f.currency.trim().toUpperCase(), q: f.q.trim(), from: startOfDay(f.from), to: endOfDay(f.to) };
}

export function Ledger() {
  const { api, site } = useConsole();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [filter, setFilter] = useState<FilterDraft>(NO_FILTER);
  const [entries, setEntries] = useState<LedgerEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const takeTicket = useLoadTickets();

  useEffect(() => {
    api.campaigns(site.id).then((r) => setCampaigns(r.campaigns), () => setCampaigns([]));
  }, [api, site.id]);

  const load = useCallback(
    async (cursor: string | null) => {
      const current = takeTicket(cursor !== null);
      setStatus('loading');
      try {
        const page = await api.ledger(site.id, apiFilter(filter), cursor);
        if (!current()) return;
        setEntries((list) => (cursor ? [...list, ...page.entries] : page.entries));
        setNext(page.nextCursor);
        setStatus('ready');
      } catch (e) {
        if (!current()) return;
        setError(errorText(e));
        setStatus('error');
      }
    },
    [api, site.id, filter, takeTicket],
  );

  useEffect(() => {
    void load(null);
  }, [load, generation]);

  // Totals by day and new entries need one campaign: the one filtered on, else the active one.
  const campaign = campaigns.find((c) => c.id === filter.campaign) ?? campaigns.find((c) => c.status === 'active') ?? null;
  const titles = new Map(campaigns.map((c) => [c.id, c.title]));

  if (site.role !== 'admin') return <p class="status">{t('adminOnly')}</p>;
  return (
    <section aria-labelledby="ledger-title">
      <h1 id="ledger-title">{t('ledgerTitle', { site: site.name })}</h1>
      <LedgerFilters value={filter} campaigns={campaigns} onChange={setFilter} />
      <p>
        <a class="secondary button" href={api.ledgerCsvUrl(site.id, apiFilter(filter))} download>
          {t('ledgerCsv')}
        </a>
      </p>
      {status === 'error' && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <LedgerTable entries={entries} titles={titles} />
      {status === 'ready' && !entries.length && <p class="status">{t('ledgerEmpty')}</p>}
      {status === 'loading' && <p class="status">{t('loading')}</p>}
      {next && status === 'ready' && (
        <button type="button" class="secondary wide" onClick={() => void load(next)}>
          {t('loadMore')}
        </button>
      )}
      {campaign && (
        <>
          <DailyTotalsTable campaign={campaign} from={startOfDay(filter.from)} to={endOfDay(filter.to)} generation={generation} />
          <ManualEntryForm campaign={campaign} onRecorded={() => setGeneration((g) => g + 1)} />
        </>
      )}
      {!campaign && campaigns.length === 0 && <p class="status">{t('ledgerNoCampaign')}</p>}
      <WebhookStatusPanel />
    </section>
  );
}
