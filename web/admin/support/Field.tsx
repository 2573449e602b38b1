// One labelled input of the support forms, with its hint and the API's error for it
// (the error's `field` names it), wired for screen readers.
import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  grow?: boolean;
  children: ComponentChildren;
}

export function Field({ id, label, hint, error, grow, children }: Props) {
  return (
    <div class={grow ? 'field grow' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Attributes tying an input to its Field's hint and error. */
export function described(id: string, error: string | null | undefined, hint = false) {
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].join(' ').trim() || undefined,
  };
}

/** The form field an API error names: "/goal", "goal" or "links.0.url" → "goal" / "links". */
export const fieldOf = (field: string | undefined): string => (field ?? '').replace(/^\//, '').split(/[./[]/)[0] ?? '';

/** The value of the input an event came from. */
export const valueOf = (e: Event): string => (e.currentTarget as HTMLInputElement).value;
