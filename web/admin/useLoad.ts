// Loads something from the API when a page opens (and when `load` changes), keeping the last
// answer and the error message; `reload` fetches again (Refresh buttons, after an action).
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from './i18n/t.ts';

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // `deps` are what `load` reads: a new site or id loads again.
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : t('errorGeneric'));
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
