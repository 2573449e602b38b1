// Campaigns of a site (admins): the current one and the history with their totals, and the
// editor for a new or an existing one.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useConsole } from '../context.ts';
import { errorText } from '../format.ts';
import { t, tr } from '../i18n/t.ts';
import { CampaignEditor } from './CampaignEditor.tsx';
import { dayOf, money } from './money.ts';
import type { Campaign } from './types.ts';

export function Campaigns() {
  const { api, site } = useConsole();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** undefined: no editor; null: a new campaign. */
  const [editing, setEditing] = useState<Campaign | null | undefined>(undefined);

  const load = useCallback(() => {
    setError(null);
    api.campaigns(site.id).then((r) => setCampaigns(r.campaigns), (e) => setError(errorText(e)));
  }, [api, site.id]);

  useEffect(load, [load]);

  if (site.role !== 'admin') return <p class="status">{t('adminOnly')}</p>;
  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">{t('campaignsTitle', { site: site.name })}</h1>
      {editing === undefined ? (
        <button type="button" class="primary" onClick={() => setEditing(null)}>
          {t('campaignNew')}
        </button>
      ) : (
        <CampaignEditor
          key={editing?.id ?? 'new'}
          campaign={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            load();
          }}
        />
      )}
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {!campaigns && !error && <p class="status">{t('loading')}</p>}
      {campaigns && !campaigns.length && <p class="status">{t('campaignsEmpty')}</p>}
      {campaigns && campaigns.length > 0 && (
        <div class="table-wrap">
          <table class="audit-table">
            <caption class="sr-only">{t('campaignsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('campaignTitle')}</th>
                <th scope="col">{t('campaignStatus')}</th>
                <th scope="col" class="amount">{t('campaignRaised')}</th>
                <th scope="col" class="amount">{t('campaignGoal')}</th>
                <th scope="col">{t('campaignDonors')}</th>
                <th scope="col">{t('campaignDates')}</th>
                <th scope="col"><span class="sr-only">{t('campaignActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td>{tr('campaignStatus', c.status)}</td>
                  <td class="amount">{money(c.raised, c.currency)} ({c.percent}%)</td>
                  <td class="amount">{money(c.goal, c.currency)}</td>
                  <td>{c.donorGoal ? t('campaignDonorsOf', { count: c.donors, goal: c.donorGoal }) : c.donors}</td>
                  <td>{c.endsAt ? `${dayOf(c.startsAt)} – ${dayOf(c.endsAt)}` : dayOf(c.startsAt)}</td>
                  <td>
                    <button type="button" class="act" aria-label={t('campaignEdit', { title: c.title })} onClick={() => setEditing(c)}>
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
