// The signed-in reader of one site: a bearer token in the host page's own storage (first-party,
// so it works with third-party cookies blocked), how the page hands us a sign-in (an e-mailed
// link's #colloquy-token=…, or the publisher's SSO token), and nothing else.
import { load, save } from './storage.ts';

export interface Session {
  token: string;
  expiresAt: string;
  name: string;
  /** The publisher's user id when signed in by SSO: a different user on the page means sign in again. */
  sub?: string;
}

const key = (site: string) => `colloquy:auth:${site}`;

export function session(site: string): Session | null {
  const s = load<Session | null>(key(site), null);
  return s && typeof s.token === 'string' && Date.parse(s.expiresAt) > Date.now() ? s : null;
}

export function keep(site: string, s: Session | null): void {
  save(key(site), s);
}

/** The token of an e-mailed sign-in link the page was opened with, taken out of the address bar. */
export function linkToken(): string | null {
  const m = /[#&]colloquy-token=([\w.-]+)/.exec(location.hash);
  if (!m) return null;
  const rest = location.hash.replace(m[0], '').replace(/^#&?/, '');
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  return m[1]!;
}

declare global {
  interface Window {
    colloquySso?: string;
  }
}

/** The publisher's SSO JWT (data-sso on the script tag, or window.colloquySso) and its subject. */
export function ssoToken(fromScript: string | undefined): { jwt: string; sub: string } | null {
  const jwt = fromScript || window.colloquySso;
  if (!jwt) return null;
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return { jwt, sub: String(payload.sub) };
  } catch {
    return null;
  }
}
