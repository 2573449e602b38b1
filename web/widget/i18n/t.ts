// t(): look up a catalogue string, choose the plural form from params.count, fill {placeholders}.
import * as en from './en.ts';

type Catalogue = typeof en;
type Keys = keyof Catalogue;
type Plural<K> = K extends `${infer B}_${'one' | 'other'}` ? B : never;
export type TextKey = Exclude<Keys, `${string}_${'one' | 'other'}`>;
export type PluralKey = Plural<Keys>;
export type Params = Record<string, string | number>;
type Strings = Record<string, string>;

export function format(template: string, params?: Params): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
}

/** A t() over a catalogue (or the part of one a small bundle needs). */
export function translator(catalogue: Strings & { locale: string }) {
  const rules = new Intl.PluralRules(catalogue.locale);
  function tr(key: TextKey, params?: Params): string;
  function tr(key: PluralKey, params: Params & { count: number }): string;
  function tr(key: string, params?: Params): string {
    const count = params?.count;
    const text =
      typeof count === 'number'
        ? (catalogue[`${key}_${rules.select(count)}`] ?? catalogue[`${key}_other`])
        : catalogue[key];
    return format(text ?? key, params);
  }
  return tr;
}

export const locale: string = en.locale;
export const t = /* @__PURE__ */ translator(en);
