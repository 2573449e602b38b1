// Comment count and the sort switch.
import { t, type TextKey } from './i18n/t.ts';
import type { Sort } from './types.ts';

const SORTS: [Sort, TextKey][] = [
  ['newest', 'sortNewest'],
  ['oldest', 'sortOldest'],
  ['votes', 'sortVotes'],
];

interface Props {
  count: number;
  sort: Sort;
  busy: boolean;
  onSort(sort: Sort): void;
}

export function Header({ count, sort, busy, onSort }: Props) {
  return (
    <div class="header">
      <h2 class="count">{t('comments', { count })}</h2>
      <div class="sorts" role="group" aria-label={t('sortLabel')} aria-busy={busy}>
        {SORTS.map(([value, label]) => (
          <button type="button" key={value} aria-pressed={sort === value} onClick={() => sort !== value && onSort(value)}>
            {t(label)}
          </button>
        ))}
      </div>
    </div>
  );
}
