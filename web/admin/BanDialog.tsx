// Ban or suspend a comment's author: mode (ban / shadow-ban), duration, scope (which of the
// comment's identities), reason, and what to do with this comment.
import { useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { Dialog } from './Dialog.tsx';
import { DURATIONS } from './durations.ts';
import { t, tr } from './i18n/t.ts';
import type { Action, AdminComment, BanKind, BanMode, BanRequest } from './types.ts';

interface Props {
  c: AdminComment;
  onClose: () => void;
  onSubmit: (request: BanRequest) => Promise<void>;
}

const SCOPES: { kind: BanKind; has: (c: AdminComment) => boolean }[] = [
  { kind: 'visitor', has: (c) => !!c.author.visitorKey },
  { kind: 'email', has: (c) => !!c.author.email },
  { kind: 'ip', has: (c) => !!c.author.ipHash },
  { kind: 'ip-prefix', has: (c) => !!c.author.ipHash },
  { kind: 'account', has: (c) => !!c.author.accountId },
];

export function BanDialog({ c, onClose, onSubmit }: Props) {
  const available = SCOPES.filter((s) => s.has(c)).map((s) => s.kind);
  const [mode, setMode] = useState<BanMode>('ban');
  const [duration, setDuration] = useState<number | null>(DURATIONS[2]!.seconds);
  const [kinds, setKinds] = useState<BanKind[]>(available.filter((k) => k === 'visitor' || k === 'email' || k === 'account'));
  const [reason, setReason] = useState('');
  const [then, setThen] = useState<'default' | Action | 'none'>('default');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const name = c.author.name || t('anonymous');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!kinds.length) return setError({ field: 'kinds', message: t('banNeedScope') });
    if (!reason.trim()) return setError({ field: 'reason', message: t('banNeedReason') });
    setBusy(true);
    setError(null);
    try {
      const action = then === 'default' ? undefined : then === 'none' ? null : then;
      await onSubmit({ kinds, mode, durationSeconds: duration, reason: reason.trim(), ...(action !== undefined ? { action } : {}) });
    } catch (err) {
      const field = err instanceof ApiError && err.field ? (/reason/.test(err.field) ? 'reason' : /kind/.test(err.field) ? 'kinds' : 'form') : 'form';
      setError({ field, message: err instanceof Error ? err.message : t('errorGeneric') });
      setBusy(false);
    }
  };

  const fieldError = (f: string) =>
    error?.field === f ? (
      <p class="field-error" id={`ban-${f}-error`}>
        {error.message}
      </p>
    ) : null;

  return (
    <Dialog id="ban-title" title={t('banTitle', { name })} onClose={onClose}>
      <form class="form ban-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('banMode')}</legend>
          {(['ban', 'shadow'] as const).map((m) => (
            <label key={m} class="choice">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>
                {tr('banMode', m)} <small class="muted">{tr('banModeHint', m)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('banDuration')}</legend>
          <div class="pills">
            {DURATIONS.map((d) => (
              <label key={d.key} class="pill">
                <input type="radio" name="duration" checked={duration === d.seconds} onChange={() => setDuration(d.seconds)} />
                <span>{tr('duration', d.key)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset aria-describedby={error?.field === 'kinds' ? 'ban-kinds-error' : undefined}>
          <legend>{t('banScope')}</legend>
          {SCOPES.map(({ kind }) => {
            const has = available.includes(kind);
            return (
              <label key={kind} class={`choice${has ? '' : ' unavailable'}`}>
                <input
                  type="checkbox"
                  disabled={!has}
                  checked={kinds.includes(kind)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    setKinds((list) => (on ? [...list, kind] : list.filter((k) => k !== kind)));
                  }}
                />
                <span>
                  {tr('scope', kind)} <small class="muted">{has ? scopeHint(c, kind) : t('scopeMissing')}</small>
                </span>
              </label>
            );
          })}
          {fieldError('kinds')}
        </fieldset>
        <label class="field">
          <span>{t('banReason')}</span>
          <input
            type="text"
            maxLength={500}
            value={reason}
            aria-invalid={error?.field === 'reason' ? 'true' : undefined}
            aria-describedby={error?.field === 'reason' ? 'ban-reason-error' : undefined}
            onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
          />
          {fieldError('reason')}
        </label>
        <label class="field">
          <span>{t('banThen')}</span>
          <select value={then} onChange={(e) => setThen((e.currentTarget as HTMLSelectElement).value as typeof then)}>
            <option value="default">{mode === 'ban' ? t('banThenDefaultBan') : t('banThenDefaultShadow')}</option>
            <option value="spam">{t('banThenSpam')}</option>
            <option value="delete">{t('banThenDelete')}</option>
            <option value="none">{t('banThenNone')}</option>
          </select>
        </label>
        {fieldError('form')}
        <div class="form-actions">
          <button type="submit" class="primary danger" disabled={busy}>
            {mode === 'ban' ? t('banSubmit') : t('shadowSubmit')}
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function scopeHint(c: AdminComment, kind: BanKind): string {
  if (kind === 'email') return c.author.email ?? '';
  if (kind === 'ip-prefix') return t('scopePrefixHint');
  if (kind === 'ip') return t('scopeIpHint');
  if (kind === 'visitor') return t('scopeVisitorHint');
  return c.author.accountId ?? '';
}
