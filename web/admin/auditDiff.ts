// What an audit entry changed, as short "path: before → after" lines: settings entries carry
// whole sections, so only the leaves that differ are listed. Pure; the view shows text.
export interface Change {
  path: string;
  before: string;
  after: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function short(value: unknown, max = 120): string {
  if (value === undefined) return '—';
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Lists added and removed entries of arrays of strings ("+zebrafish, −crypto"). */
function listChange(a: unknown[], b: unknown[]): string | null {
  const key = (x: unknown) => JSON.stringify(x);
  const had = new Set(a.map(key));
  const has = new Set(b.map(key));
  const added = b.filter((x) => !had.has(key(x)));
  const removed = a.filter((x) => !has.has(key(x)));
  if (added.length + removed.length > 20) return null;
  return [...added.map((x) => `+${short(x, 60)}`), ...removed.map((x) => `−${short(x, 60)}`)].join(', ');
}

export function changes(before: unknown, after: unknown, limit = 12): Change[] {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    // Something created (no before) or removed (no after) lists its fields.
    if (a == null && isObject(b)) a = {};
    if (b == null && isObject(a)) b = {};
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      const list = listChange(a, b);
      if (list !== null) {
        out.push({ path, before: '', after: list });
        return;
      }
    }
    out.push({ path, before: short(a), after: short(b) });
  };
  walk(before ?? undefined, after ?? undefined, '');
  return out;
}
