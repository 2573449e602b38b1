// What follows a cursor-paged list (audit log, bans, ledger): "nothing here", "loading…", or
// the button that loads the next page.
import { t } from './i18n/t.ts';

export type LoadStatus = 'loading' | 'ready' | 'error';

export function ListFooter({ status, empty, emptyText, next, onMore }: { status: LoadStatus; empty: boolean; emptyText: string; next: string | null; onMore: (cursor: string) => void }) {
  return (
    <>
      {status === 'ready' && empty && <p class="status">{emptyText}</p>}
      {status === 'loading' && <p class="status">{t('loading')}</p>}
      {next && status === 'ready' && (
        <button type="button" class="secondary wide" onClick={() => onMore(next)}>
          {t('loadMore')}
        </button>
      )}
    </>
  );
}
