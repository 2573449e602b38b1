// The visitor's rights over their own comments, kept in localStorage `colloquy:edit`:
// commentId → { token, until (epoch ms), body (Markdown source, to prefill the editor) }.
import { load, save } from './storage.ts';

const KEY = 'colloquy:edit';
type Entry = { token: string; until: number; body?: string };
type Tokens = Record<string, Entry>;

let cache: Tokens | null = null;

function all(): Tokens {
  return (cache ??= load<Tokens>(KEY, {}));
}

function write(tokens: Tokens): void {
  cache = tokens;
  save(KEY, tokens);
}

export function remember(id: string, token: string, until: number, body: string): void {
  const now = Date.now();
  const tokens: Tokens = {};
  for (const [k, v] of Object.entries(all())) if (v.until > now) tokens[k] = v;
  tokens[id] = { token, until, body };
  write(tokens);
}

/** The token while the edit window is open, else null. */
export function editToken(id: string, now = Date.now()): string | null {
  const entry = all()[id];
  return entry && entry.until > now ? entry.token : null;
}

/** The Markdown the visitor wrote (the API returns only rendered HTML). */
export function source(id: string): string | undefined {
  return all()[id]?.body;
}

export function setSource(id: string, body: string): void {
  const entry = all()[id];
  if (entry) write({ ...all(), [id]: { ...entry, body } });
}

export function forget(id: string): void {
  const { [id]: _gone, ...rest } = all();
  write(rest);
}
