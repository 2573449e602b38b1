// Sign-in: e-mail and password; one generic message for wrong credentials, the wait for
// rate limits (Retry-After), counting down so the button comes back by itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type AdminApi } from './api.ts';
import { t } from './i18n/t.ts';
import { waitFor } from './time.ts';
import type { Session } from './types.ts';

interface Props {
  api: AdminApi;
  onSignedIn: (s: Session) => void;
  /** Why the form shows: the session ended, or the user signed out. */
  notice?: string | null;
}

export function SignIn({ api, onSignedIn, notice }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(Date.now);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const blocked = until > now;

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (!blocked) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [blocked]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) return setError(t('signInMissing'));
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(email.trim(), password));
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const seconds = err.retryAfter ?? 60;
        setUntil(Date.now() + seconds * 1000);
        setNow(Date.now());
        setError(t('signInRateLimited', { wait: waitFor(seconds) }));
      } else if (err instanceof ApiError && err.status === 401) {
        setError(t('signInFailed'));
        setPassword('');
      } else {
        setError(err instanceof Error ? err.message : t('errorGeneric'));
      }
    }
    setBusy(false);
  };

  return (
    <main class="signin" id="main">
      <form class="form panel" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signInTitle')}</h1>
        {notice && <p class="notice">{notice}</p>}
        <label class="field">
          <span>{t('email')}</span>
          <input ref={first} type="email" name="email" autoComplete="username" required value={email} aria-describedby="signin-error" onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} aria-describedby="signin-error" onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p id="signin-error" class="field-error" role="alert">
          {error}
          {blocked && ` ${t('signInRetryIn', { wait: waitFor((until - now) / 1000) })}`}
        </p>
        <button type="submit" class="primary wide" disabled={busy || blocked}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
