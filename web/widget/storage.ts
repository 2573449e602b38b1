// localStorage with a memory fallback (storage may be blocked in third-party contexts).
const memory = new Map<string, string>();

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function load<T>(key: string, fallback: T): T {
  let raw: string | null | undefined = memory.get(key);
  try {
    raw = store()?.getItem(key) ?? raw;
  } catch {
    // blocked: memory only
  }
  if (raw == null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function save(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    store()?.setItem(key, raw);
  } catch {
    // quota or blocked: memory copy is kept
  }
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let visitor: string | null = null;

/** The anonymous visitor token: 32 random bytes, base64url, created once. */
export function visitorToken(): string {
  if (visitor) return visitor;
  const key = 'colloquy:visitor';
  const kept = load<unknown>(key, null);
  visitor = typeof kept === 'string' && kept.length >= 43 ? kept : base64url(crypto.getRandomValues(new Uint8Array(32)));
  if (visitor !== kept) save(key, visitor);
  return visitor;
}
