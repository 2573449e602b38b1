// t(): look up a console string, choose the plural form from params.count, fill {placeholders}.
// Same conventions as the widget's catalogue (web/widget/i18n/t.ts): flat keys, _one/_other.
import * as en from './en.ts';

type Keys = keyof typeof en;
export type TextKey = Exclude<Keys, `${string}_${'one' | 'other'}` | 'locale'>;
export type PluralKey = Keys extends infer K ? (K extends `${infer B}_${'one' | 'other'}` ? B : never) : never;
export type Params = Record<string, string | number>;

const catalogue = en as unknown as Record<string, string>;
const rules = new Intl.PluralRules(en.locale);

export function format(template: string, params?: Params): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
}

export function t(key: TextKey, params?: Params): string;
export function t(key: PluralKey, params: Params & { count: number }): string;
export function t(key: string, params?: Params): string {
  const count = params?.count;
  const text =
    typeof count === 'number' ? (catalogue[`${key}_${rules.select(count)}`] ?? catalogue[`${key}_other`]) : catalogue[key];
  return format(text ?? key, params);
}

/** A catalogue string chosen at run time (a queue, status or action name); falls back to the key. */
export function tr(prefix: string, name: string): string {
  return catalogue[`${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`] ?? name;
}

export const locale: string = en.locale;
