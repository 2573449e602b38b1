// Totals by UTC day for one campaign, in its currency: raised (net), refunded, entries.
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../context.ts';
import { errorText } from '../format.ts';
import { t } from '../i18n/t.ts';
import { useLoadTickets } from '../useLoadTickets.ts';
import { money } from './money.ts';
import type { Campaign, DailyTotals } from './types.ts';

interface Props {
  campaign: Campaign;
  from?: string;
  to?: string;
  /** Changes when an entry was recorded: load again. */
  generation: number;
}

export function DailyTotalsTable({ campaign, from, to, generation }: Props) {
  const { api } = useConsole();
  const [totals, setTotals] = useState<DailyTotals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const takeTicket = useLoadTickets();

  useEffect(() => {
    // A late answer for an earlier date range must not replace the totals of the one shown.
    const current = takeTicket(false);
    setError(null);
    api.dailyTotals(campaign.id, from, to).then(
      (answer) => {
        if (current()) setTotals(answer);
      },
      (e) => {
        if (current()) setError(errorText(e));
      },
    );
  }, [api, campaign.id, from, to, generation, takeTicket]);

  return (
    <section class="panel" aria-labelledby="daily-title">
      <h2 id="daily-title">{t('dailyTitle', { title: campaign.title })}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {totals && !totals.days.length && <p class="status">{t('dailyEmpty')}</p>}
      {totals && totals.days.length > 0 && (
        <div class="table-wrap">
          <table class="audit-table daily-table">
            <thead>
              <tr>
                <th scope="col">{t('dailyDay')}</th>
                <th scope="col" class="amount">{t('dailyRaised')}</th>
                <th scope="col" class="amount">{t('dailyRefunded')}</th>
                <th scope="col" class="amount">{t('dailyEntries')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td class={d.raised < 0 ? 'amount negative' : 'amount'}>{money(d.raised, totals.currency)}</td>
                  <td class="amount">{money(d.refunded, totals.currency)}</td>
                  <td class="amount">{d.entries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
