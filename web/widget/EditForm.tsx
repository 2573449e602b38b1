// In-place editing of the visitor's own comment.
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { BodyField } from './BodyField.tsx';
import { Thread } from './context.ts';
import { source } from './editTokens.ts';
import { formError, type FormError } from './formError.ts';
import { t } from './i18n/t.ts';
import type { Comment } from './types.ts';

/** Prefill: the Markdown we kept when posting, else the rendered text. */
function initialText(c: Comment): string {
  const kept = source(c.id);
  if (kept !== undefined) return kept;
  const div = document.createElement('div');
  div.innerHTML = c.html.replace(/<\/(p|li|blockquote|pre)>/g, '$&\n');
  return (div.textContent ?? '').trim();
}

export function EditForm({ comment, onClose }: { comment: Comment; onClose(): void }) {
  const { actions, announce } = useContext(Thread);
  const [body, setBody] = useState(() => initialText(comment));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormError>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => input.current?.focus(), []);

  async function submit(): Promise<void> {
    if (saving) return;
    if (!body.trim()) return setError({ field: 'body', message: t('bodyRequired') });
    setSaving(true);
    try {
      await actions.edit(comment.id, body);
      announce(t('updated'));
      onClose();
    } catch (e) {
      const err = formError(e);
      setError(err);
      if (err) announce(err.message);
      setSaving(false);
      setTimeout(() => input.current?.focus());
    }
  }

  return (
    <form
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <BodyField
        label={t('editLabel')}
        value={body}
        disabled={saving}
        error={error?.message ?? null}
        onInput={setBody}
        onSubmit={() => void submit()}
        inputRef={input}
      />
      <div class="buttons">
        <button type="button" class="secondary" onClick={() => onClose()} disabled={saving}>
          {t('cancel')}
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
