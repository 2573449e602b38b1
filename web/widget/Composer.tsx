// New comment or reply: text, name (required), e-mail (optional, never shown).
import type { Ref } from 'preact';
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import { BodyField } from './BodyField.tsx';
import { Thread } from './context.ts';
import { errorFor, formError, type FormError } from './formError.ts';
import { t } from './i18n/t.ts';
import { NotifySelect } from './NotifyOf.tsx';
import { load, save } from './storage.ts';
import type { NotifyChoice } from './types.ts';

const AUTHOR = 'colloquy:author';
type Author = { name: string; email: string };

interface Props {
  /** Reply target; absent for a top-level comment. */
  parent?: { id: string; name: string };
  /** Close the (reply) composer; returnFocus false after posting, when focus goes to the new comment. */
  onClose?(returnFocus?: boolean): void;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** The signed-in reader's name: the name and e-mail fields are not shown. */
  signedInAs?: string;
}

export function Composer({ parent, onClose, inputRef, signedInAs }: Props) {
  const { actions, announce, focusComment } = useContext(Thread);
  const [author, setAuthor] = useState<Author>(() => ({ name: '', email: '', ...load<Partial<Author>>(AUTHOR, {}) }));
  const [body, setBody] = useState('');
  const [notify, setNotify] = useState<NotifyChoice>('none');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<FormError>(null);
  const own = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const id = useId();
  const replyTo = parent?.id;

  useEffect(() => {
    if (replyTo) own.current?.focus();
  }, [replyTo]);

  /** Fields are disabled while posting, which drops focus: put it back on the field at fault. */
  const refocus = (): void => {
    setTimeout(() => {
      const f = form.current;
      (f?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? f?.querySelector('textarea'))?.focus();
    });
  };

  async function submit(): Promise<void> {
    if (posting) return;
    const name = signedInAs ?? author.name.trim();
    const check: FormError = !body.trim()
      ? { field: 'body', message: t('bodyRequired') }
      : !name
        ? { field: 'name', message: t('nameRequired') }
        : notify !== 'none' && !signedInAs && !author.email.trim()
          ? { field: 'email', message: t('notifyNeedsEmail') }
          : null;
    setError(check);
    if (check) {
      refocus();
      return announce(check.message);
    }
    setPosting(true);
    try {
      const email = author.email.trim();
      const hp = honeypot.current?.value || undefined;
      const res = await actions.post({ parentId: parent?.id, author: { name, email: email || undefined }, body, notify: notify === 'none' ? undefined : notify, hp }, parent?.id ?? null);
      if (!signedInAs) save(AUTHOR, { name, email });
      const published = res.status === 'approved' || res.status === 'pending';
      if (!published) {
        setError({ field: 'form', message: t('postedRejected') });
        refocus();
        return announce(t('postedRejected'));
      }
      setBody('');
      announce(t(res.status === 'approved' ? 'posted' : 'postedPending') + (notify !== 'none' && !signedInAs ? ` ${t('notifyCheckInbox')}` : ''));
      focusComment(res.comment.id);
      onClose?.(false);
    } catch (e) {
      const err = formError(e);
      setError(err);
      refocus();
      if (err) announce(err.message);
    } finally {
      setPosting(false);
    }
  }

  const field = (key: 'name' | 'email', label: string, type: 'text' | 'email', hint?: string) => {
    const err = errorFor(error, key);
    return (
      <div class="field">
        <label for={`${id}-${key}`}>
          {label}
          {hint && <span class="muted"> ({hint})</span>}
        </label>
        <input
          id={`${id}-${key}`}
          // (cast: Preact's input types are a union keyed on literal `type` values)
          type={type as 'text'}
          value={author[key]}
          required={key === 'name'}
          autocomplete={key}
          maxLength={key === 'name' ? 100 : 254}
          disabled={posting}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-${key}-err` : undefined}
          onInput={(e) => setAuthor({ ...author, [key]: e.currentTarget.value })}
        />
        {err && (
          <p class="error" id={`${id}-${key}-err`}>
            {err}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      ref={form}
      class={parent ? 'composer reply' : 'composer'}
      aria-busy={posting}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <BodyField
        label={parent ? t('replyLabel', { name: parent.name }) : t('composerLabel')}
        value={body}
        disabled={posting}
        error={errorFor(error, 'body')}
        onInput={setBody}
        onSubmit={() => void submit()}
        inputRef={parent ? own : inputRef}
        placeholder={t('placeholder')}
      />
      <div class="row">
        {!signedInAs && field('name', t('nameLabel'), 'text')}
        {!signedInAs && field('email', t('emailLabel'), 'email', t('emailHint'))}
        <NotifySelect value={notify} onChange={setNotify} disabled={posting} />
        <div class="buttons">
          {onClose && (
            <button type="button" class="secondary" onClick={() => onClose()} disabled={posting}>
              {t('cancel')}
            </button>
          )}
          <button type="submit" class="primary" disabled={posting}>
            {posting ? t('posting') : t(parent ? 'submitReply' : 'submit')}
          </button>
        </div>
      </div>
      {errorFor(error, 'form') && <p class="error">{errorFor(error, 'form')}</p>}
      {/* Honeypot: people never see or reach it; form fillers do. */}
      <input ref={honeypot} name="hp" type="text" class="sr-only" aria-hidden="true" tabIndex={-1} autocomplete="off" defaultValue="" />
    </form>
  );
}
