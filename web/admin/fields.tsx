// Settings form fields bound to a path in the draft; each shows the API's error for its path.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { t } from './i18n/t.ts';
import { fieldMatches, getPath, type Path } from './settingsForm.ts';
import type { Json, JsonObject } from './types.ts';

export interface FormContext {
  draft: JsonObject;
  set(path: Path, value: Json): void;
  error: { field?: string; message: string } | null;
  /** Changes on reload/save so text fields re-read their value. */
  generation: number;
}

export const Form = createContext<FormContext>(null as unknown as FormContext);

export const idOf = (path: Path): string => `f-${path.join('-')}`;
const errorId = (path: Path): string => `${idOf(path)}-error`;

function useField(path: Path) {
  const form = useContext(Form);
  const value = getPath(form.draft, path);
  const invalid = fieldMatches(form.error?.field, path);
  const a11y = {
    id: idOf(path),
    'data-path': ['settings', ...path].join('.'),
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': [invalid ? errorId(path) : '', `${idOf(path)}-hint`].join(' ').trim(),
  };
  return { form, value, invalid, a11y };
}

function FieldError({ path }: { path: Path }) {
  const form = useContext(Form);
  if (!form.error || !fieldMatches(form.error.field, path)) return null;
  return (
    <p class="field-error" id={errorId(path)}>
      {form.error.message}
    </p>
  );
}

function Hint({ path, children }: { path: Path; children?: ComponentChildren }) {
  return children ? (
    <p class="hint" id={`${idOf(path)}-hint`}>
      {children}
    </p>
  ) : null;
}

interface Base {
  path: Path;
  label: string;
  hint?: string;
}

export function NumberField({ path, label, hint, nullable, min, max, step }: Base & { nullable?: boolean; min?: number; max?: number; step?: number }) {
  const { form, value, a11y } = useField(path);
  return (
    <div class="field">
      <label for={a11y.id}>{label}</label>
      <input
        type="number"
        inputMode="decimal"
        {...a11y}
        min={min}
        max={max}
        step={step ?? 1}
        placeholder={nullable ? t('off') : undefined}
        value={typeof value === 'number' ? String(value) : typeof value === 'string' ? value : ''}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          form.set(path, raw === '' ? (nullable ? null : '') : Number.isFinite(Number(raw)) ? Number(raw) : raw);
        }}
      />
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} />
    </div>
  );
}

export function SelectField({ path, label, hint, options }: Base & { options: [string, string][] }) {
  const { form, value, a11y } = useField(path);
  return (
    <div class="field">
      <label for={a11y.id}>{label}</label>
      <select {...a11y} value={typeof value === 'string' ? value : ''} onChange={(e) => form.set(path, (e.currentTarget as HTMLSelectElement).value)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} />
    </div>
  );
}

export function CheckField({ path, label, hint }: Base) {
  const { form, value, a11y } = useField(path);
  return (
    <div class="field check">
      <label>
        <input type="checkbox" {...a11y} checked={value === true} onChange={(e) => form.set(path, (e.currentTarget as HTMLInputElement).checked)} />
        <span>{label}</span>
      </label>
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} />
    </div>
  );
}

export function RadioField({ path, label, hint, options }: Base & { options: [string, string, string?][] }) {
  const { form, value, invalid } = useField(path);
  return (
    <fieldset class="field radios" id={idOf(path)} data-path={['settings', ...path].join('.')} aria-invalid={invalid ? 'true' : undefined} tabIndex={-1}>
      <legend>{label}</legend>
      {options.map(([v, l, h]) => (
        <label key={v} class="choice">
          <input type="radio" name={idOf(path)} value={v} checked={value === v} onChange={() => form.set(path, v)} />
          <span>
            {l}
            {h && <small class="muted"> {h}</small>}
          </span>
        </label>
      ))}
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} />
    </fieldset>
  );
}

/** A list edited as lines; `parse`/`show` convert between the text and the stored list. */
export function LinesField({ path, label, hint, parse, show, rows = 6 }: Base & { parse: (text: string) => Json[]; show: (v: Json | undefined) => string; rows?: number }) {
  const { form, value, a11y } = useField(path);
  const [text, setText] = useState(() => show(value));
  const [gen, setGen] = useState(form.generation);
  if (gen !== form.generation) {
    // The draft was reloaded or saved: show what it holds now.
    setGen(form.generation);
    setText(show(value));
  }
  const count = Array.isArray(value) ? value.length : 0;
  return (
    <div class="field">
      <label for={a11y.id}>
        {label} <span class="muted">({t('entries', { count })})</span>
      </label>
      <textarea
        {...a11y}
        rows={rows}
        spellcheck={false}
        value={text}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLTextAreaElement).value;
          setText(next);
          form.set(path, parse(next));
        }}
      />
      <Hint path={path}>{hint}</Hint>
      <FieldError path={path} />
    </div>
  );
}

/** Thresholds per category: a row each, "hold at" and "reject at" (0–1, empty is off). */
export function ThresholdTable({ path, caption, keys }: { path: Path; caption: string; keys: string[] }) {
  return (
    <table class="thresholds">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('thresholdCategory')}</th>
          <th scope="col">{t('thresholdPending')}</th>
          <th scope="col">{t('thresholdRejected')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            {(['pending', 'rejected'] as const).map((level) => (
              <td key={level}>
                <ThresholdInput path={[...path, k, level]} label={`${k}: ${level === 'pending' ? t('thresholdPending') : t('thresholdRejected')}`} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ThresholdInput({ path, label }: { path: Path; label: string }) {
  const { form, value, a11y } = useField(path);
  return (
    <>
      <input
        type="number"
        inputMode="decimal"
        {...a11y}
        aria-label={label}
        min={0}
        max={1}
        step={0.05}
        placeholder={t('off')}
        value={typeof value === 'number' ? String(value) : ''}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          form.set(path, raw === '' ? null : Number(raw));
        }}
      />
      <FieldError path={path} />
    </>
  );
}

/** The labels a threshold table may name (the self-hosted model's; docs/ADMIN-API.md §9). */
const LABEL = /^[\w.:-]{1,64}$/;

/** Adds a row to a threshold table keyed by labels the site chooses (both thresholds off until set). */
export function LabelAdder({ path, label, existing }: { path: Path; label: string; existing: string[] }) {
  const form = useContext(Form);
  const [text, setText] = useState('');
  const name = text.trim();
  const bad = !!name && (!LABEL.test(name) || existing.includes(name));
  const add = () => {
    if (!name || bad) return;
    form.set([...path, name], { pending: null, rejected: null });
    setText('');
  };
  const id = `${idOf(path)}-new`;
  return (
    <div class="field row">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={text}
        aria-invalid={bad ? 'true' : undefined}
        aria-describedby={`${id}-hint`}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <button type="button" class="secondary" disabled={!name || bad} onClick={add}>
        {t('addLabel')}
      </button>
      <p class="hint" id={`${id}-hint`}>
        {t('labelHint')}
      </p>
    </div>
  );
}
