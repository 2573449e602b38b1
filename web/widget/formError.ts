// Map an API error to the form field it names (author.name → name, author.email → email,
// anything else → the text), so the message shows next to that field.
import { ApiError } from './api.ts';
import { t } from './i18n/t.ts';

export type Field = 'name' | 'email' | 'body' | 'form';
export type FormError = { field: Field; message: string } | null;

export function formError(e: unknown): FormError {
  if (!(e instanceof ApiError)) return { field: 'form', message: t('errorGeneric') };
  const f = e.field ?? '';
  const field: Field = /email/i.test(f) ? 'email' : /name|author/i.test(f) ? 'name' : /body|text/i.test(f) ? 'body' : 'form';
  return { field, message: e.message };
}

export const errorFor = (error: FormError, field: Field): string | null =>
  error?.field === field ? error.message : null;
