// "Notify of": e-mail about new follow-up comments in this thread, new replies to my comments
// (any thread), or both. A select under the composer (sent with the comment), and a small form
// in the thread header that subscribes without posting. Guests confirm by e-mail first.
import { useId, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { formError } from './formError.ts';
import { t, type TextKey } from './i18n/t.ts';
import type { NotifyChoice } from './types.ts';

const CHOICES: [NotifyChoice, TextKey][] = [
  ['none', 'notifyNone'],
  ['thread', 'notifyThread'],
  ['replies', 'notifyReplies'],
  ['both', 'notifyBoth'],
];

interface SelectProps {
  value: NotifyChoice;
  onChange(value: NotifyChoice): void;
  disabled?: boolean;
}

export function NotifySelect({ value, onChange, disabled }: SelectProps) {
  const id = useId();
  return (
    <div class="field notify-of">
      <label for={id}>{t('notifyLabel')}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value as NotifyChoice)}>
        {CHOICES.map(([v, key]) => (
          <option key={v} value={v}>
            {t(key)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Subscribes without posting; `signedIn` readers are written to at their account's address. */
export function NotifyForm({ api, signedIn }: { api: Api; signedIn: boolean }) {
  const [kind, setKind] = useState<NotifyChoice>('none');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const id = useId();

  async function submit(): Promise<void> {
    if (kind === 'none' || busy) return;
    if (!signedIn && !email.trim()) return setNote({ error: true, text: t('notifyNeedsEmail') });
    setBusy(true);
    try {
      const res = await api.subscribe({ kind, email: email.trim() || undefined });
      setNote({ error: false, text: t(res.status === 'subscribed' ? 'notifyDone' : 'notifyCheckInbox') });
    } catch (e) {
      setNote({ error: true, text: formError(e)?.message ?? t('errorGeneric') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="row notify"
      aria-busy={busy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <NotifySelect value={kind} onChange={setKind} disabled={busy} />
      {!signedIn && kind !== 'none' && (
        <div class="field">
          <label for={id}>{t('emailLabel')}</label>
          <input id={id} type="email" autocomplete="email" maxLength={254} value={email} disabled={busy} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
      )}
      {kind !== 'none' && (
        <div class="buttons">
          <button type="submit" class="secondary" disabled={busy}>
            {t('notifySubmit')}
          </button>
        </div>
      )}
      {note && (
        <p class={note.error ? 'error' : 'status'} role="status">
          {note.text}
        </p>
      )}
    </form>
  );
}
