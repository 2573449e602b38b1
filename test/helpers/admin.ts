// Staff for tests: users made straight in the test's database (as the CLI would), and a client
// that signs in through the API and carries the session cookie and CSRF token like the console.
import { createStaffService, type SiteRole } from '../../src/staff/service.ts';
import { createStaffStore } from '../../src/staff/store.ts';
import type { TestServer } from './server.ts';

export const STAFF_PASSWORD = 'correct horse battery staple';
export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

let made = 0;

/** A staff user with a fresh e-mail; global admin, or the given roles per site. */
export async function createStaff(server: TestServer, roles: SiteRole[] | 'global', label = 'staff'): Promise<{ id: string; email: string }> {
  const staff = createStaffService({ store: createStaffStore(server.app.database.db), secret: TEST_SECRET, sessionHours: 12 });
  const email = `${label}-${++made}-${Date.now().toString(36)}@staff.example`;
  const user = await staff.create({ email, password: STAFF_PASSWORD, globalAdmin: roles === 'global', roles: roles === 'global' ? [] : roles });
  return { id: user.id, email };
}

export interface AdminResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface AdminClient {
  csrf: string;
  cookie: string;
  /** Sends with the session cookie, and with the CSRF token unless `csrf: false` or another token is given. */
  request<T = any>(method: string, path: string, body?: unknown, options?: { csrf?: string | false; headers?: Record<string, string> }): Promise<AdminResponse<T>>;
}

export async function send(server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AdminResponse> {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text, text };
}

/** The name=value pairs of every Set-Cookie, as a Cookie header would send them back. */
export function cookiesOf(headers: Headers): string {
  return headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export async function signIn(server: TestServer, email: string, password = STAFF_PASSWORD): Promise<AdminClient> {
  const res = await send(server, 'POST', '/api/v1/admin/session', { email, password });
  if (res.status !== 200) throw new Error(`sign-in → ${res.status}: ${res.text}`);
  const cookie = cookiesOf(res.headers);
  const csrf = res.body.csrfToken as string;
  return {
    csrf,
    cookie,
    request(method, path, body, options = {}) {
      const headers: Record<string, string> = { cookie, ...options.headers };
      if (options.csrf !== false) headers['x-csrf-token'] = options.csrf ?? csrf;
      return send(server, method, path, body, headers);
    },
  };
}

/** A staff user and their signed-in client in one step. */
export async function staffClient(server: TestServer, roles: SiteRole[] | 'global', label?: string) {
  const user = await createStaff(server, roles, label);
  return { ...user, client: await signIn(server, user.email) };
}
