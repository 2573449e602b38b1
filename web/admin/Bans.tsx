// Bans of a site: those in force (or all), lift one, or add one by e-mail by hand.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { BanLine } from './AuthorPanel.tsx';
import { useConsole } from './context.ts';
import { DURATIONS } from './durations.ts';
import { t, tr } from './i18n/t.ts';
import { Time } from './Time.tsx';
import type { Ban, BanMode } from './types.ts';
import { useLoadTickets } from './useLoadTickets.ts';

export function Bans() {
  const { api, site, toast } = useConsole();
  const [bans, setBans] = useState<Ban[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const takeTicket = useLoadTickets();

  const load = useCallback(
    async (cursor: string | null) => {
      const current = takeTicket(cursor !== null);
      setStatus('loading');
      try {
        const page = await api.bans(site.id, !all, cursor);
        if (!current()) return;
        setBans((list) => (cursor ? [...list, ...page.bans] : page.bans));
        setNext(page.nextCursor);
        setStatus('ready');
      } catch (e) {
        if (!current()) return;
        setError(e instanceof Error ? e.message : t('errorGeneric'));
        setStatus('error');
      }
    },
    [api, site.id, all, takeTicket],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const lift = async (ban: Ban) => {
    try {
      const { ban: lifted } = await api.liftBan(ban.id);
      setBans((list) => (all ? list.map((b) => (b.id === ban.id ? lifted : b)) : list.filter((b) => b.id !== ban.id)));
      toast({ message: t('banLifted', { label: ban.label }) });
    } catch (e) {
      toast({ kind: 'error', message: e instanceof Error ? e.message : t('errorGeneric') });
    }
  };

  return (
    <section class="bans" aria-labelledby="bans-title">
      <h1 id="bans-title">{t('bansTitle', { site: site.name })}</h1>
      <NewBan onCreated={(b) => setBans((list) => [b, ...list])} />
      <label class="field check">
        <input type="checkbox" checked={all} onChange={(e) => setAll((e.currentTarget as HTMLInputElement).checked)} />
        <span>{t('bansShowAll')}</span>
      </label>
      {status === 'error' && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {bans.length > 0 && (
        <ul class="ban-list wide">
          {bans.map((b) => (
            <li key={b.id}>
              <BanLine ban={b} />
              <span class="muted small">
                {' '}
                · {b.createdBy?.email ?? t('system')} <Time iso={b.createdAt} />
              </span>
              {b.active && (
                <button type="button" class="act" onClick={() => void lift(b)}>
                  {t('liftBan')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {status === 'ready' && !bans.length && <p class="status">{t('bansEmpty')}</p>}
      {status === 'loading' && <p class="status">{t('loading')}</p>}
      {next && status === 'ready' && (
        <button type="button" class="secondary wide" onClick={() => void load(next)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}

function NewBan({ onCreated }: { onCreated: (ban: Ban) => void }) {
  const { api, site, toast } = useConsole();
  const [email, setEmail] = useState('');
  const [mode, setMode] = useState<BanMode>('ban');
  const [duration, setDuration] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const value = email.trim().toLowerCase();
    if (!value) return setError({ field: 'value', message: t('bansNeedEmail') });
    if (!reason.trim()) return setError({ field: 'reason', message: t('banNeedReason') });
    try {
      const { ban } = await api.createBan({ site: site.id, kind: 'email', value, mode, durationSeconds: duration, reason: reason.trim(), label: value });
      onCreated(ban);
      setEmail('');
      setReason('');
      setError(null);
      toast({ message: t('bansCreated', { label: value }) });
    } catch (err) {
      const f = err instanceof ApiError && err.field ? (/reason/.test(err.field) ? 'reason' : 'value') : 'value';
      setError({ field: f, message: err instanceof Error ? err.message : t('errorGeneric') });
    }
  };
  const err = (f: string) => (error?.field === f ? <p class="field-error" id={`nb-${f}-error`}>{error.message}</p> : null);
  return (
    <form class="new-ban form" onSubmit={submit} noValidate aria-labelledby="new-ban-title">
      <h2 id="new-ban-title">{t('bansNew')}</h2>
      <div class="row">
        <label class="field">
          <span>{t('authorEmail')}</span>
          <input type="email" value={email} aria-invalid={error?.field === 'value' ? 'true' : undefined} aria-describedby="nb-value-error" onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)} />
          {err('value')}
        </label>
        <label class="field">
          <span>{t('banMode')}</span>
          <select value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as BanMode)}>
            <option value="ban">{tr('banMode', 'ban')}</option>
            <option value="shadow">{tr('banMode', 'shadow')}</option>
          </select>
        </label>
        <label class="field">
          <span>{t('banDuration')}</span>
          <select value={String(duration)} onChange={(e) => { const v = (e.currentTarget as HTMLSelectElement).value; setDuration(v === 'null' ? null : Number(v)); }}>
            {DURATIONS.map((d) => (
              <option key={d.key} value={String(d.seconds)}>
                {tr('duration', d.key)}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          <span>{t('banReason')}</span>
          <input type="text" value={reason} aria-invalid={error?.field === 'reason' ? 'true' : undefined} aria-describedby="nb-reason-error" onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} />
          {err('reason')}
        </label>
        <button type="submit" class="primary danger">
          {t('banSubmit')}
        </button>
      </div>
    </form>
  );
}
