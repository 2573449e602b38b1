// The reader's "Notify of" subscriptions (per thread, and replies to them anywhere), each
// with its own Unsubscribe button.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import type { MeApi } from './me.ts';
import { ItemList, Part } from './Part.tsx';
import { useTask } from './useTask.ts';
import type { MySubscription } from './types.ts';

const describe = (s: MySubscription) => (s.kind === 'replies' ? t('subscribedReplies') : t('subscribedThread', { title: s.title ?? s.page ?? '' }));

function details(s: MySubscription): string {
  const parts = [s.mode === 'digest' ? t('dailyDigest') : '', s.confirmed ? '' : t('awaitingConfirmation')].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function MySubscriptions({ me }: { me: MeApi }) {
  const [subs, setSubs] = useState<MySubscription[] | null>(null);
  const { busy, note, run } = useTask();

  useEffect(() => void run(async () => setSubs((await me.subscriptions()).subscriptions)), [me, run]);

  const stop = (s: MySubscription) =>
    run(async () => {
      await me.unsubscribe(s.id);
      setSubs((list) => list && list.filter((x) => x.id !== s.id));
      return t('unsubscribed', { what: describe(s) });
    });

  return (
    <Part id="colloquy-my-subscriptions" title={t('mySubscriptions')} busy={busy} note={note}>
      <ItemList
        items={subs}
        empty={t('subscriptionsEmpty')}
        render={(s) => (
          <li key={s.id} class="my-subscription">
            <span>
              {describe(s)}
              <span class="muted">{details(s)}</span>
            </span>
            <button type="button" class="secondary" disabled={busy} aria-label={`${t('unsubscribe')}: ${describe(s)}`} onClick={() => void stop(s)}>
              {t('unsubscribe')}
            </button>
          </li>
        )}
      />
    </Part>
  );
}
