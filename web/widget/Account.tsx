// "Signed in as … · My profile · Sign out", or a small form that e-mails a sign-in link.
import { useState } from 'preact/hooks';
import { ApiError, type Api } from './api.ts';
import type { Session } from './auth.ts';
import { t } from './i18n/t.ts';

interface Props {
  api: Api;
  account: Session | null;
  onSignOut(): void;
  onProfile(): void;
}

export function Account({ api, account, onSignOut, onProfile }: Props) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  if (account) {
    return (
      <p class="account">
        {t('signedInAs', { name: account.name })}{' '}
        <button type="button" class="link" onClick={onProfile}>
          {t('myProfile')}
        </button>{' '}
        <button type="button" class="link" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </p>
    );
  }
  if (!open) {
    return (
      <p class="account">
        <button type="button" class="link" onClick={() => setOpen(true)}>
          {t('signIn')}
        </button>
      </p>
    );
  }
  const send = async (): Promise<void> => {
    setBusy(true);
    try {
      await api.magicLink(email.trim());
      setNote(t('linkSent'));
    } catch (e) {
      setNote(e instanceof ApiError ? e.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="account row"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="field">
        <label for="colloquy-sign-in">{t('signInLabel')}</label>
        <input id="colloquy-sign-in" type="email" autocomplete="email" required maxLength={254} value={email} disabled={busy} onInput={(e) => setEmail(e.currentTarget.value)} />
      </div>
      <div class="buttons">
        <button type="submit" class="secondary" disabled={busy || !email.trim()}>
          {t('sendLink')}
        </button>
      </div>
      {note && (
        <p class="muted" role="status">
          {note}
        </p>
      )}
    </form>
  );
}
