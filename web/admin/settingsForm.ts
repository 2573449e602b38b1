// Pure helpers of the settings form: read and write by path, the partial update to send, term
// lists as one-per-line text, and which field an API error names.
import type { Json, JsonObject } from './types.ts';

export type Path = readonly string[];

export function getPath(obj: Json | undefined, path: Path): Json | undefined {
  let at: Json | undefined = obj;
  for (const key of path) {
    if (!at || typeof at !== 'object' || Array.isArray(at)) return undefined;
    at = at[key];
  }
  return at;
}

export function setPath(obj: JsonObject, path: Path, value: Json): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return obj;
  const child = obj[key];
  const inner = child && typeof child === 'object' && !Array.isArray(child) ? child : {};
  return { ...obj, [key]: rest.length ? setPath(inner, rest, value) : value };
}

const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to PUT: top-level keys that changed, and under `moderation` each changed section whole
 * (the server merges objects at every depth and replaces lists, docs/ADMIN-API.md §9, so a
 * whole section is as good as its changed leaves and keeps the request readable in the audit).
 */
export function changedSettings(saved: JsonObject, draft: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(draft)) {
    const a = saved[key];
    const b = draft[key];
    if (same(a, b)) continue;
    if (key === 'moderation' && b && typeof b === 'object' && !Array.isArray(b)) {
      const base = a && typeof a === 'object' && !Array.isArray(a) ? a : {};
      const part: JsonObject = {};
      for (const k of Object.keys(b)) if (!same(base[k], b[k])) part[k] = b[k]!;
      out[key] = part;
    } else {
      out[key] = b!;
    }
  }
  return out;
}

const MODES = new Set(['word', 'stem', 'prefix', 'suffix', 'any']);

/** A term list as text: one per line; a term with options as "term | match | category". */
export function termsToText(list: Json | undefined): string {
  if (!Array.isArray(list)) return '';
  return list
    .map((item) => {
      if (typeof item === 'string') return item;
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.term === 'string') {
        return [item.term, item.match, item.category].filter((x): x is string => typeof x === 'string' && x !== '').join(' | ');
      }
      return '';
    })
    .filter(Boolean)
    .join('\n');
}

/** The inverse of termsToText: blank lines dropped, spaces trimmed, options parsed. */
export function textToTerms(text: string): Json[] {
  const out: Json[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line.split('|').map((p) => p.trim());
    const term = parts[0];
    if (!term) continue;
    if (parts.length === 1) {
      out.push(term);
      continue;
    }
    const item: JsonObject = { term };
    for (const p of parts.slice(1)) {
      if (!p) continue;
      if (MODES.has(p)) item.match = p;
      else item.category = p;
    }
    out.push(Object.keys(item).length === 1 ? term : item);
  }
  return out;
}

/** Plain lists (domains, allow-list words): one per line. */
export function linesToList(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function listToLines(list: Json | undefined): string {
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').join('\n') : '';
}

/** Does an API error's `field` ("settings.moderation.terms.banned.3") belong to this field? */
export function fieldMatches(errorField: string | undefined, path: Path): boolean {
  if (!errorField) return false;
  const mine = ['settings', ...path].join('.');
  const theirs = errorField.replace(/^\//, '').replace(/\//g, '.').replace(/\[(\d+)\]/g, '.$1');
  return theirs === mine || theirs.startsWith(`${mine}.`);
}
