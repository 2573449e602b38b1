// The API v1 client: JSON over fetch, visitor header on every request, typed errors.
import { t } from './i18n/t.ts';
import { keep, session, type Session } from './auth.ts';
import { visitorToken } from './storage.ts';
import { altchaPayload } from './altcha.ts';
import type { PassageInfo, PlacedQuestion } from '../inline/bridge.ts';
import type { CommentsPage, Comment, Me, NewComment, NotifyChoice, Posted, RepliesPage, Sort, Vote, VoteResult } from './types.ts';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

type Query = Record<string, string | number | null | undefined>;

export interface Target {
  base: string;
  site: string;
  page: string;
  url: string;
  title: string;
}

export function createApi(target: Target) {
  const root = `${target.base}/api/v1`;
  const where = { site: target.site, page: target.page };

  function url(path: string, query: Query = {}): string {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, String(v));
    const s = q.toString();
    return `${root}${path}${s ? `?${s}` : ''}`;
  }

  async function request<T>(method: string, path: string, query?: Query, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = { 'X-Colloquy-Visitor': visitorToken() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Edit-Token'] = token;
    const signedIn = session(target.site);
    if (signedIn) headers.Authorization = `Bearer ${signedIn.token}`;
    let res: Response;
    try {
      res = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'network', t('errorNetwork'));
    }
    const data = (await res.json().catch(() => null)) as
      | (T & { error?: { code?: string; message?: string; field?: string } })
      | null;
    if (!res.ok || !data) {
      const e = data?.error;
      // Revoked or expired elsewhere: forget it, so the next request goes as a guest.
      if (res.status === 401 && signedIn) keep(target.site, null);
      throw new ApiError(res.status, e?.code ?? 'http', e?.message ?? t('errorGeneric'), e?.field);
    }
    return data;
  }

  const enc = encodeURIComponent;
  return {
    eventsUrl: () => url('/events', where),
    comments: (sort: Sort, cursor?: string | null, limit = 20) =>
      request<CommentsPage>('GET', '/comments', { ...where, sort, limit, cursor }),
    replies: (id: string, cursor?: string | null) =>
      request<RepliesPage>('GET', `/comments/${enc(id)}/replies`, { cursor, limit: 50 }),
    me: () => request<Me>('GET', '/me', where),
    passages: () => request<{ passages: PassageInfo[]; questions?: PlacedQuestion[] }>('GET', '/passages', where),
    passageComments: (passage?: string, limit = 50, cursor?: string | null) =>
      request<{ comments: Comment[]; nextCursor: string | null }>('GET', '/passages/comments', { ...where, passage, limit, cursor }),
    /** Guests solve an ALTCHA challenge first (signed-in readers need not); it works once, so solve right before posting. */
    async post(c: NewComment): Promise<Posted> {
      let altcha: string | undefined;
      if (!session(target.site)) {
        try {
          altcha = await altchaPayload(target.base, target.site);
        } catch {
          throw new ApiError(0, 'network', t('errorNetwork'));
        }
      }
      return request<Posted>('POST', '/comments', undefined, { ...where, url: target.url, title: target.title, ...c, altcha });
    },
    edit: (id: string, body: string, token: string) =>
      request<{ comment: Comment }>('PATCH', `/comments/${enc(id)}`, undefined, { body }, token),
    remove: (id: string, token: string) =>
      request<{ comment: Comment }>('DELETE', `/comments/${enc(id)}`, undefined, undefined, token),
    vote: (id: string, value: Vote) => request<VoteResult>('PUT', `/comments/${enc(id)}/vote`, undefined, { value }),
    subscribe: (s: { kind: NotifyChoice; email?: string }) =>
      request<{ status: 'subscribed' | 'confirmation_sent' }>('POST', '/subscriptions', undefined, { ...where, ...s }),
    magicLink: (email: string) => request('POST', '/auth/magic-link', undefined, { site: target.site, email, returnUrl: location.href.split('#')[0] }),
    verify: (token: string) => request<SignedIn>('POST', '/auth/verify', undefined, { token }),
    sso: (token: string) => request<SignedIn>('POST', '/auth/sso', undefined, { site: target.site, token }),
    signOut: () => request('DELETE', '/auth/session'),
    /** Any other route, with the same headers and errors: the lazily loaded profile view builds its calls on it. */
    call: request,
  };
}

export type Api = ReturnType<typeof createApi>;

export interface SignedIn {
  token: string;
  expiresAt: string;
  account: { name: string };
}

export const asSession = (r: SignedIn, sub?: string): Session => ({ token: r.token, expiresAt: r.expiresAt, name: r.account.name, sub });
