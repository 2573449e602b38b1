// Ledger entries as a table: when, campaign, kind, how, amount (and in the campaign's
// currency when it differs), donor, note and the provider's reference. All text.
import { t, tr } from '../i18n/t.ts';
import { money } from './money.ts';
import type { LedgerEntry } from './types.ts';

function Donor({ donor }: { donor: LedgerEntry['donor'] }) {
  const name = donor.anonymous || !donor.name ? t('anonymous') : donor.name;
  return (
    <>
      {name}
      {donor.email && <span class="muted small"> {donor.email}</span>}
    </>
  );
}

export function LedgerTable({ entries, titles }: { entries: LedgerEntry[]; titles: Map<string, string> }) {
  if (!entries.length) return null;
  return (
    <div class="table-wrap">
      <table class="audit-table ledger-table">
        <caption class="sr-only">{t('ledgerCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ledgerWhen')}</th>
            <th scope="col">{t('ledgerFilter_campaign')}</th>
            <th scope="col">{t('ledgerFilter_kind')}</th>
            <th scope="col">{t('ledgerFilter_provider')}</th>
            <th scope="col" class="amount">{t('ledgerAmount')}</th>
            <th scope="col">{t('ledgerDonor')}</th>
            <th scope="col">{t('ledgerNote')}</th>
            <th scope="col">{t('ledgerReference')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <td>{e.occurredAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{titles.get(e.campaignId) ?? e.campaignId}</td>
              <td>
                {tr('kind', e.kind)}
                {e.status === 'unconverted' && <span class="muted small"> ({tr('entryStatus', e.status)})</span>}
              </td>
              <td>{tr('provider', e.provider)}</td>
              <td class={e.amount < 0 ? 'amount negative' : 'amount'}>
                {money(e.amount, e.currency)}
                {e.rate && <span class="muted small"> @ {e.rate}</span>}
              </td>
              <td>
                <Donor donor={e.donor} />
              </td>
              <td>{e.note}</td>
              <td class="muted small">{e.providerId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
