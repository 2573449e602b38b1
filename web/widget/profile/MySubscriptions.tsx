// The reader's "Notify of" subscriptions (per thread, and replies to them anywhere), each
// with its own Unsubscribe button.
import { useEffect, useState } from 'preact/hooks';
import { formError } from '../formError.ts';
import { t } from '../i18n/t.ts';
import type { MeApi } from './me.ts';
import { Note, type NoteValue } from './Note.tsx';
import type { MySubscription } from './types.ts';

const describe = (s: MySubscription) => (s.kind === 'replies' ? t('subscribedReplies') : t('subscribedThread', { title: s.title ?? s.page ?? '' }));

function details(s: MySubscription): string {
  const parts = [s.mode === 'digest' ? t('dailyDigest') : '', s.confirmed ? '' : t('awaitingConfirmation')].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function MySubscriptions({ me }: { me: MeApi }) {
  const [subs, setSubs] = useState<MySubscription[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<NoteValue>(null);

  useEffect(() => {
    me.subscriptions().then((r) => setSubs(r.subscriptions), (e) => setNote({ error: true, text: formError(e)!.message }));
  }, [me]);

  async function stop(s: MySubscription): Promise<void> {
    setBusy(true);
    try {
      await me.unsubscribe(s.id);
      setSubs((list) => list && list.filter((x) => x.id !== s.id));
      setNote({ error: false, text: t('unsubscribed', { what: describe(s) }) });
    } catch (e) {
      setNote({ error: true, text: formError(e)!.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="profile-part" aria-labelledby="colloquy-my-subscriptions" aria-busy={busy}>
      <h3 id="colloquy-my-subscriptions">{t('mySubscriptions')}</h3>
      {subs && !subs.length && <p class="muted">{t('subscriptionsEmpty')}</p>}
      {subs && subs.length > 0 && (
        <ul class="my-list">
          {subs.map((s) => (
            <li key={s.id} class="my-subscription">
              <span>
                {describe(s)}
                <span class="muted">{details(s)}</span>
              </span>
              <button type="button" class="secondary" disabled={busy} aria-label={`${t('unsubscribe')}: ${describe(s)}`} onClick={() => void stop(s)}>
                {t('unsubscribe')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Note note={note} />
    </section>
  );
}
