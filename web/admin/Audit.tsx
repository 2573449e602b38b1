// The audit log of a site (admins): who did what to which target, newest first. Every filter
// (moderator, action or family, target, a comment's author, dates) is the API's, so paging
// through a filtered log finds every match, not just those among the entries loaded.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { changes } from './auditDiff.ts';
import { useConsole } from './context.ts';
import { t, tr } from './i18n/t.ts';
import { Time } from './Time.tsx';
import type { AuditEntry, AuditFilter } from './types.ts';
import { useLoadTickets } from './useLoadTickets.ts';
import { FilterInput } from './FilterInput.tsx';

/** Ids the API filters by (16 characters, time-sortable); anything else is not sent. */
const ID = /^[0-9A-Z]{16}$/;

/** Families first (every action of a kind), then single actions (staff and session ones are not per site). */
const FAMILIES = ['comment', 'ban', 'report'];
const ACTIONS = [
  'comment.approve', 'comment.reject', 'comment.spam', 'comment.delete', 'comment.shadow', 'comment.hold', 'ban.create', 'ban.lift',
  'report.uphold', 'report.dismiss', 'settings.update',
];

/** A local calendar day ("2025-11-27") as the instant it starts, `days` later. */
function dayStart(day: string, days = 0): string | undefined {
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setDate(d.getDate() + days);
  return d.toISOString();
}

const idOrNothing = (value: string): string | undefined => (ID.test(value.trim()) ? value.trim() : undefined);

export function Audit() {
  const { api, site, user } = useConsole();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [actor, setActor] = useState('');
  const [target, setTarget] = useState('');
  const [author, setAuthor] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actors, setActors] = useState<Map<string, string>>(new Map([[user.id, user.email]]));
  const takeTicket = useLoadTickets();

  const load = useCallback(
    async (cursor: string | null) => {
      const current = takeTicket(cursor !== null);
      setStatus('loading');
      // The "to" day is included: entries before the next day starts.
      const filter: AuditFilter = {
        actor: actor || undefined, action: action || undefined, target: idOrNothing(target), author: idOrNothing(author),
        from: from ? dayStart(from) : undefined, to: to ? dayStart(to, 1) : undefined,
      };
      try {
        const page = await api.audit(site.id, filter, cursor);
        if (!current()) return;
        setEntries((list) => (cursor ? [...list, ...page.entries] : page.entries));
        setNext(page.nextCursor);
        setActors((m) => {
          const copy = new Map(m);
          for (const e of page.entries) copy.set(e.actor.id, e.actor.email);
          return copy;
        });
        setStatus('ready');
      } catch (e) {
        if (!current()) return;
        setError(e instanceof Error ? e.message : t('errorGeneric'));
        setStatus('error');
      }
    },
    [api, site.id, actor, action, target, author, from, to, takeTicket],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

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
            {FAMILIES.map((f) => (
              <option key={f} value={f}>
                {tr('auditFamily', f)}
              </option>
            ))}
            {ACTIONS.map((a) => (
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
        <IdField label={t('auditTarget')} hint={t('auditTargetHint')} value={target} onChange={setTarget} />
        <IdField label={t('auditAuthor')} hint={t('auditAuthorHint')} value={author} onChange={setAuthor} />
      </form>
      {status === 'error' && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      <div class="table-wrap">
        <table class="audit-table">
          <caption class="sr-only">{t('auditCaption', { count: entries.length })}</caption>
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
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <Time iso={e.at} />
                </td>
                <td>{e.actor.email}</td>
                <td>
                  <span class="chip">{tr('audit', e.action)}</span>
                </td>
                <td>
                  <span class="muted">{e.target.type}</span> <code>{e.target.id}</code>
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
      {status === 'ready' && !entries.length && <p class="status">{t('auditEmpty')}</p>}
      {status === 'loading' && <p class="status">{t('loading')}</p>}
      {next && status === 'ready' && (
        <button type="button" class="secondary wide" onClick={() => void load(next)}>
          {t('loadMore')}
        </button>
      )}
    </section>
  );
}


/** A filter by id: sent once it is a whole id (16 letters and digits); anything else is flagged, not sent. */
function IdField({ label, hint, value, onChange }: { label: string; hint: string; value: string; onChange: (v: string) => void }) {
  const bad = !!value.trim() && !ID.test(value.trim());
  const errorId = `audit-${label.replace(/\W+/g, '-').toLowerCase()}-error`;
  return (
    <label class="field">
      <span>{label}</span>
      <FilterInput value={value} placeholder={hint} aria-invalid={bad ? 'true' : undefined} aria-describedby={errorId} onCommit={onChange} />
      <p class="field-error" id={errorId}>
        {bad ? t('auditTargetInvalid') : ''}
      </p>
    </label>
  );
}
