// Status badges of a comment: status, shadow, deleted, open reports.
import { t, tr } from './i18n/t.ts';
import type { AdminComment } from './types.ts';

export function Badges({ c }: { c: AdminComment }) {
  const reports = c.reports?.open ?? 0;
  return (
    <span class="badges">
      <span class={`badge ${c.status}`}>{tr('status', c.status)}</span>
      {c.shadow && <span class="badge shadow">{t('badgeShadow')}</span>}
      {c.deleted && <span class="badge deleted">{t('badgeDeleted')}</span>}
      {reports > 0 && <span class="badge reported">{t('badgeReports', { count: reports })}</span>}
    </span>
  );
}
