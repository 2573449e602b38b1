// The Markdown textarea shared by the composer and the edit form: label, hint,
// Ctrl/Cmd+Enter to submit, error text tied to the field.
import type { Ref } from 'preact';
import { useId } from 'preact/hooks';
import { t } from './i18n/t.ts';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

interface Props {
  label: string;
  value: string;
  disabled: boolean;
  error: string | null;
  onInput(value: string): void;
  onSubmit(): void;
  inputRef?: Ref<HTMLTextAreaElement>;
  placeholder?: string;
}

export function BodyField({ label, value, disabled, error, onInput, onSubmit, inputRef, placeholder }: Props) {
  const id = useId();
  return (
    <div class="field">
      <label class="sr-only" for={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={inputRef}
        value={value}
        rows={3}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-err` : ''}`}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      />
      <p class="hint" id={`${id}-hint`}>
        <span>{t('markdownHint')}</span> <span>{t('shortcutHint', { key: t(MAC ? 'keyCmd' : 'keyCtrl') })}</span>
      </p>
      {error && (
        <p class="error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}
