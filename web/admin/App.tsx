// The console: asks /me at start, then shows the sign-in form or the signed-in console.
import { useCallback, useMemo, useState, useEffect } from 'preact/hooks';
import { createAdminApi } from './api.ts';
import { t } from './i18n/t.ts';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';
import type { Session } from './types.ts';

type State = { status: 'starting' } | { status: 'signed-out'; notice: string | null } | { status: 'signed-in'; session: Session };

export function App() {
  const [state, setState] = useState<State>({ status: 'starting' });
  const api = useMemo(
    () => createAdminApi({ onSignedOut: () => setState({ status: 'signed-out', notice: t('sessionEnded') }) }),
    [],
  );

  useEffect(() => {
    api.me().then(
      (session) => setState({ status: 'signed-in', session }),
      (e: { status?: number; message?: string }) =>
        setState({ status: 'signed-out', notice: e.status === 401 ? null : (e.message ?? t('errorGeneric')) }),
    );
  }, [api]);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } catch {
      // Signed out either way: the session is gone or was never valid.
    }
    setState({ status: 'signed-out', notice: t('signedOut') });
  }, [api]);

  if (state.status === 'starting') return <p class="status boot">{t('loading')}</p>;
  if (state.status === 'signed-out')
    return <SignIn api={api} notice={state.notice} onSignedIn={(session) => setState({ status: 'signed-in', session })} />;
  return <Shell api={api} user={state.session.user} onSignOut={() => void signOut()} />;
}
