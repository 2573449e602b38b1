// The author of a comment: who they are, their numbers, active bans (liftable), other
// identities seen from the same IP (sockpuppets) and their comment history.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { CommentCard, type CardHandlers } from './CommentCard.tsx';
import { useConsole } from './context.ts';
import { Dialog } from './Dialog.tsx';
import { DURATIONS } from './durations.ts';
import { t, tr } from './i18n/t.ts';
import { Time } from './Time.tsx';
import type { AdminComment, AuthorHistory, Ban, Identity } from './types.ts';

interface Props extends Pick<CardHandlers, 'onAction' | 'onBan'> {
  c: AdminComment;
  /** Latest versions of comments the queue changed (so the history shows them too). */
  versions: ReadonlyMap<string, AdminComment>;
  onClose: () => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : t('errorGeneric'));

export function AuthorPanel({ c, versions, onClose, onAction, onBan }: Props) {
  const { api, toast } = useConsole();
  const [history, setHistory] = useState<AuthorHistory | null>(null);
  const [identities, setIdentities] = useState<Identity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const name = c.author.name || t('anonymous');

  useEffect(() => {
    let live = true;
    api.author(c.id).then((h) => live && setHistory(h), (e) => live && setError(message(e)));
    api.sockpuppets(c.id).then(
      (s) => live && setIdentities(s.identities),
      (e) => {
        if (!live) return;
        setIdentities([]);
        setError(message(e));
      },
    );
    return () => {
      live = false;
    };
  }, [api, c.id]);

  const loadMore = async () => {
    if (!history?.nextCursor) return;
    setMore(true);
    try {
      const next = await api.author(c.id, history.nextCursor);
      setHistory({ ...history, comments: [...history.comments, ...next.comments], nextCursor: next.nextCursor });
    } catch (e) {
      toast({ kind: 'error', message: message(e) });
    }
    setMore(false);
  };

  const lift = async (ban: Ban) => {
    try {
      const { ban: lifted } = await api.liftBan(ban.id);
      setHistory((h) => h && { ...h, bans: h.bans.map((b) => (b.id === ban.id ? lifted : b)) });
      toast({ message: t('banLifted', { label: ban.label }) });
    } catch (e) {
      toast({ kind: 'error', message: message(e) });
    }
  };

  const noop = () => {};
  return (
    <Dialog id="author-title" variant="drawer" title={t('authorTitle', { name })} onClose={onClose}>
      <div class="author-panel">
        <dl class="facts">
          <dt>{t('authorName')}</dt>
          <dd>{name}</dd>
          <dt>{t('authorEmail')}</dt>
          <dd>{c.author.email ?? <span class="muted">{t('none')}</span>}</dd>
          {history?.by && (
            <>
              <dt>{t('authorBy')}</dt>
              <dd>{tr('scope', history.by)}</dd>
            </>
          )}
        </dl>
        {error && <p class="error" role="alert">{error}</p>}
        {!history && !error && <p class="muted">{t('loading')}</p>}
        {history && (
          <>
            <ul class="stats" aria-label={t('authorStats')}>
              {Object.entries(history.stats).map(([k, v]) => (
                <li key={k} class={`stat ${k}`}>
                  <strong>{v}</strong> {tr('stat', k)}
                </li>
              ))}
            </ul>
            <section aria-labelledby="author-bans">
              <h3 id="author-bans">{t('authorBans')}</h3>
              {history.bans.length ? (
                <ul class="ban-list">
                  {history.bans.map((b) => (
                    <li key={b.id}>
                      <BanLine ban={b} />
                      {b.active && (
                        <button type="button" class="act" onClick={() => void lift(b)}>
                          {t('liftBan')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('authorNoBans')}</p>
              )}
            </section>
          </>
        )}
        <section aria-labelledby="author-puppets">
          <h3 id="author-puppets">{t('sockpuppets')}</h3>
          <p class="hint">{t('sockpuppetsHint')}</p>
          {identities === null ? (
            <p class="muted">{t('loading')}</p>
          ) : identities.length ? (
            <ul class="identities">
              {identities.map((id) => (
                <IdentityRow key={id.visitorKey} identity={id} site={c.site} of={name} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('sockpuppetsNone')}</p>
          )}
        </section>
        {history && (
          <section aria-labelledby="author-history">
            <h3 id="author-history">{t('authorHistory', { count: history.stats.total ?? history.comments.length })}</h3>
            <ol class="history">
              {history.comments.map((h) => {
                const v = versions.get(h.id) ?? h;
                return (
                  <li key={h.id}>
                    <CommentCard
                      c={v}
                      compact
                      current={false}
                      selected={false}
                      onAction={onAction}
                      onBan={onBan}
                      onAuthor={noop}
                      onResolve={noop}
                      onToggle={noop}
                      onFocus={noop}
                    />
                  </li>
                );
              })}
            </ol>
            {history.nextCursor && (
              <button type="button" class="secondary wide" disabled={more} onClick={() => void loadMore()}>
                {t('loadMore')}
              </button>
            )}
          </section>
        )}
      </div>
    </Dialog>
  );
}

export function BanLine({ ban }: { ban: Ban }) {
  return (
    <span class="ban-line">
      <span class={`badge ${ban.mode === 'shadow' ? 'shadow' : 'rejected'}`}>{tr('banMode', ban.mode)}</span>{' '}
      <strong>{tr('scope', ban.kind)}</strong> {ban.label}
      {ban.reason && <span class="muted"> · {ban.reason}</span>}
      <span class="muted">
        {' · '}
        {ban.liftedAt ? (
          <>
            {t('banLiftedAt')} <Time iso={ban.liftedAt} />
          </>
        ) : ban.expiresAt ? (
          <>
            {ban.active ? t('banUntil') : t('banExpired')} <Time iso={ban.expiresAt} />
          </>
        ) : (
          t('banPermanent')
        )}
      </span>
    </span>
  );
}

function IdentityRow({ identity, site, of }: { identity: Identity; site: string; of: string }) {
  const { api, toast } = useConsole();
  const [open, setOpen] = useState(false);
  const [duration, setDuration] = useState<number | null>(DURATIONS[2]!.seconds);
  const [reason, setReason] = useState('');
  const [banned, setBanned] = useState(false);
  const first = identity.names[0] ?? identity.visitorKey.slice(0, 8);
  const label = first.length > 24 ? `${first.slice(0, 23)}…` : first;
  const ban = async (e: Event) => {
    e.preventDefault();
    try {
      await api.createBan({
        site, kind: 'visitor', value: identity.visitorKey, mode: 'ban', durationSeconds: duration,
        reason: reason.trim() || t('sockpuppetReason', { name: of }), label: t('sockpuppetLabel', { name: label }),
      });
      setBanned(true);
      setOpen(false);
      toast({ message: t('identityBanned', { name: label }) });
    } catch (err) {
      toast({ kind: 'error', message: err instanceof ApiError ? err.message : t('errorGeneric') });
    }
  };
  return (
    <li class="identity">
      <div>
        <strong>{identity.names.join(', ') || t('anonymous')}</strong>
        {identity.emails.length > 0 && <span class="email"> {identity.emails.join(', ')}</span>}
      </div>
      <div class="muted small">
        {t('identityComments', { count: identity.comments })} · {t('identitySharedIps', { count: identity.sharedIps })} ·{' '}
        {Object.entries(identity.statuses).filter(([, n]) => n > 0).map(([s, n]) => `${tr('status', s)} ${n}`).join(', ')}
        {' · '}
        {identity.lastSeen && (
          <>
            {t('lastSeen')} <Time iso={identity.lastSeen} />
          </>
        )}
      </div>
      {banned ? (
        <span class="badge rejected">{t('banned')}</span>
      ) : open ? (
        <form class="inline-form" onSubmit={ban}>
          <label>
            <span class="sr-only">{t('banDuration')}</span>
            <select value={String(duration)} onChange={(e) => setDuration(parseDuration((e.currentTarget as HTMLSelectElement).value))}>
              {DURATIONS.map((d) => (
                <option key={d.key} value={String(d.seconds)}>
                  {tr('duration', d.key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span class="sr-only">{t('banReason')}</span>
            <input type="text" placeholder={t('banReason')} value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="act danger">
            {t('banSubmit')}
          </button>
          <button type="button" class="act" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button type="button" class="act" onClick={() => setOpen(true)}>
          {t('banIdentity', { name: label })}
        </button>
      )}
    </li>
  );
}

const parseDuration = (v: string): number | null => (v === 'null' ? null : Number(v));
