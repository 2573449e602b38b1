// Looks a string up in the catalogue and fills its {placeholders}; plural keys end in _one
// or _other and are chosen by params.count.
import { en, type Catalogue } from './en.ts';

type Plural<K> = K extends `${infer B}_${'one' | 'other'}` ? B : never;
export type TextKey = Exclude<keyof Catalogue, `${string}_${'one' | 'other'}`> | Plural<keyof Catalogue>;
export type Params = Record<string, string | number>;

const catalogue: Record<string, string> = en;
const plurals = new Intl.PluralRules('en');

export function fill(key: TextKey, params: Params = {}): string {
  const template = catalogue[key] ?? catalogue[`${key}_${plurals.select(Number(params.count)) === 'one' ? 'one' : 'other'}`] ?? key;
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}
