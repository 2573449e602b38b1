// The development mailbox (GET /api/v1/dev/mailbox, development only): messages the server
// would have sent. Its shape belongs to another module, so fields are read defensively and
// everything is shown as text.
import { useConsole } from './context.ts';
import { t } from './i18n/t.ts';
import { safeUrl } from './safeUrl.ts';
import { Time } from './Time.tsx';
import { useLoad } from './useLoad.ts';

type Message = Record<string, unknown>;

const str = (m: Message, ...keys: string[]): string | null => {
  for (const k of keys) {
    const v = m[k];
    if (typeof v === 'string' && v) return v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
  }
  return null;
};

export function messagesOf(data: unknown): Message[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? ((data as Record<string, unknown>).messages ?? (data as Record<string, unknown>).mail ?? (data as Record<string, unknown>).emails) : null;
  return Array.isArray(list) ? list.filter((m): m is Message => !!m && typeof m === 'object') : [];
}

export function Mailbox() {
  const { api } = useConsole();
  const { data: messages, error, reload: load } = useLoad(async () => messagesOf(await api.mailbox()), [api]);
  return (
    <section class="mailbox" aria-labelledby="mail-title">
      <div class="settings-head">
        <h1 id="mail-title">{t('mailboxTitle')}</h1>
        <button type="button" class="act" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      <p class="hint">{t('mailboxHint')}</p>
      {error && <p class="status error" role="alert">{error}</p>}
      {messages === null && !error && <p class="status">{t('loading')}</p>}
      {messages?.length === 0 && <p class="status">{t('mailboxEmpty')}</p>}
      <ol class="mail-list">
        {messages?.map((m, i) => {
          const when = str(m, 'date', 'at', 'createdAt', 'sentAt');
          return (
            <li key={str(m, 'id', 'messageId') ?? i} class="mail panel">
              <p class="mail-subject">
                <strong>{str(m, 'subject') ?? t('mailboxNoSubject')}</strong>
              </p>
              <p class="muted small">
                {t('mailboxTo')} {str(m, 'to', 'recipient') ?? '—'} · {t('mailboxFrom')} {str(m, 'from') ?? '—'}
                {when && (
                  <>
                    {' · '}
                    <Time iso={when} />
                  </>
                )}
              </p>
              <pre class="mail-text">
                <Linked text={str(m, 'text', 'body', 'content') ?? JSON.stringify(m, null, 2)} />
              </pre>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Plain text with its http(s) links clickable (sign-in links in development mail). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"']+)/g);
  return (
    <>
      {parts.map((part, i) => {
        const url = i % 2 ? safeUrl(part) : null;
        return url ? (
          <a key={i} href={url} target="_blank" rel="noopener noreferrer">
            {part}
          </a>
        ) : (
          part
        );
      })}
    </>
  );
}
