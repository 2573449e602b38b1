// The audit log of a site (admins): who did what to which target, newest first. The API
// filters by moderator and target; action and dates filter the loaded entries here.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { changes } from './auditDiff.ts';
import { useConsole } from './context.ts';
import { t, tr } from './i18n/t.ts';
import { Time } from './Time.tsx';
import type { AuditEntry } from './types.ts';

/** Ids the API filters by (16 characters, time-sortable); anything else is not sent. */
const ID = /^[0-9A-Z]{16}$/;

const ACTIONS = [
  'comment.approve', 'comment.reject', 'comment.spam', 'comment.delete', 'comment.shadow', 'ban.create', 'ban.lift',
  'report.uphold', 'report.dismiss', 'settings.update', 'staff.create', 'staff.roles', 'session.signin', 'session.signout',
];

export function Audit() {
  const { api, site, user } = useConsole();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [actor, setActor] = useState('');
  const [target, setTarget] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actors, setActors] = useState<Map<string, string>>(new Map([[user.id, user.email]]));

  const load = useCallback(
    async (cursor: string | null) => {
      setStatus('loading');
      try {
        const page = await api.audit(site.id, { actor: actor || undefined, target: ID.test(target.trim()) ? target.trim() : undefined }, cursor);
        setEntries((list) => (cursor ? [...list, ...page.entries] : page.entries));
        setNext(page.nextCursor);
        setActors((m) => {
          const copy = new Map(m);
          for (const e of page.entries) if (e.actor) copy.set(e.actor.id, e.actor.email);
          return copy;
        });
        setStatus('ready');
      } catch (e) {
        setError(e instanceof Error ? e.message : t('errorGeneric'));
        setStatus('error');
      }
    },
    [api, site.id, actor, target],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const shown = useMemo(() => {
    const start = from ? Date.parse(`${from}T00:00:00`) : -Infinity;
    const end = to ? Date.parse(`${to}T23:59:59.999`) : Infinity;
    return entries.filter((e) => (!action || e.action === action) && Date.parse(e.at) >= start && Date.parse(e.at) <= end);
  }, [entries, action, from, to]);

  if (site.role !== 'admin') return <p class="status">{t('adminOnly')}</p>;

  return (
    <section class="audit" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('auditTitle', { site: site.name })}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} role="search" aria-label={t('auditFilters')}>
        <label class="field">
          <span>{t('auditActor')}</span>
          <select value={actor} onChange={(e) => setActor((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('auditAnyone')}</option>
            {[...actors].map(([id, email]) => (
              <option key={id} value={id}>
                {email}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('auditAction')}</span>
          <select value={action} onChange={(e) => setAction((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('auditAnyAction')}</option>
            {[...new Set([...ACTIONS, ...entries.map((e) => e.action)])].map((a) => (
              <option key={a} value={a}>
                {tr('audit', a)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('auditFrom')}</span>
          <input type="date" value={from} max={to || undefined} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('auditTo')}</span>
          <input type="date" value={to} min={from || undefined} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('auditTarget')}</span>
          <input
            type="search"
            value={target}
            placeholder={t('auditTargetHint')}
            aria-invalid={target.trim() && !ID.test(target.trim()) ? 'true' : undefined}
            aria-describedby="audit-target-error"
            onChange={(e) => setTarget((e.currentTarget as HTMLInputElement).value)}
          />
          <p class="field-error" id="audit-target-error">
            {target.trim() && !ID.test(target.trim()) ? t('auditTargetInvalid') : ''}
          </p>
        </label>
      </form>
      {status === 'error' && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <div class="table-wrap">
        <table class="audit-table">
          <caption class="sr-only">{t('auditCaption', { count: shown.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('auditWhen')}</th>
              <th scope="col">{t('auditActor')}</th>
              <th scope="col">{t('auditAction')}</th>
              <th scope="col">{t('auditTarget')}</th>
              <th scope="col">{t('auditChange')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>
                  <Time iso={e.at} />
                </td>
                <td>{e.actor?.email ?? t('system')}</td>
                <td>
                  <span class="chip">{tr('audit', e.action)}</span>
                </td>
                <td>
                  {e.target ? (
                    <>
                      <span class="muted">{e.target.type}</span> <code>{e.target.id}</code>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td class="change">
                  <ul class="changes">
                    {changes(e.before, e.after).map((c) => (
                      <li key={c.path}>
                        {c.path && <code class="path">{c.path}</code>} {c.before && <code class="before">{c.before}</code>}
                        {c.before && ' → '}
                        <code class="after">{c.after}</code>
                      </li>
                    ))}
                  </ul>
                  {e.note && <div class="muted">{e.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status === 'ready' && !shown.length && <p class="status">{t('auditEmpty')}</p>}
      {status === 'loading' && <p class="status">{t('loading')}</p>}
      {next && status === 'ready' && (
        <button type="button" class="secondary wide" onClick={() => void load(next)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}

