// Small HTTP client for the public API, shared by the integration suites: one place that
// knows the routes, headers and shapes, so each test reads as what a reader does.
import { randomBytes } from 'node:crypto';
import type { CommentView } from '../../src/comments/view.ts';
import type { TestServer } from './server.ts';

export const SITE = 'demo';
export const ALLOWED_ORIGIN = 'https://publisher.example';

// The server's own view type: the tests read exactly what the API declares.
export type Comment = CommentView;

export interface ThreadPage {
  thread: { id: string | null; page: string; url: string | null; title: string | null; commentCount: number; closed: boolean };
  comments: Comment[];
  nextCursor: string | null;
}

export interface ApiError {
  error: { code: string; message: string; field?: string };
}

export interface Response<T = any> {
  status: number;
  headers: Headers;
  /** The success shape, or on a 4xx the error shape: tests check the status first. */
  body: T & ApiError;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

/** A fresh browser identity, as the widget would create and keep. */
export function newVisitor(): string {
  return randomBytes(18).toString('base64url');
}

/** A page key no other test uses, so tests sharing a server never see each other's comments. */
let pages = 0;
export function newPage(label = 'page'): string {
  return `${label}-${++pages}-${randomBytes(3).toString('hex')}`;
}

export function createApi(server: TestServer) {
  async function request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(server.url + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: any = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body, text };
  }

  function query(params: Record<string, string | number | string[] | undefined>): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
    }
    return search.toString();
  }

  interface PostInput {
    page: string;
    body?: string;
    name?: string;
    email?: string;
    parentId?: string;
    site?: string;
    url?: string;
    title?: string;
    visitor?: string;
    headers?: Record<string, string>;
  }

  function post(input: PostInput) {
    const headers: Record<string, string> = { ...input.headers };
    if (input.visitor) headers['x-colloquy-visitor'] = input.visitor;
    const author: { name: string; email?: string } = { name: input.name ?? 'Reader' };
    if (input.email !== undefined) author.email = input.email;
    const body: Record<string, unknown> = { site: input.site ?? SITE, page: input.page, author, body: input.body ?? 'A comment' };
    for (const key of ['parentId', 'url', 'title'] as const) if (input[key] !== undefined) body[key] = input[key];
    return request<{ comment: Comment; status: string; editToken: string }>('POST', '/api/v1/comments', { body, headers });
  }

  /** Posts and insists on 201: for setting up a thread rather than testing the post itself. */
  async function comment(input: PostInput) {
    const res = await post(input);
    if (res.status !== 201) throw new Error(`POST /api/v1/comments → ${res.status}: ${res.text}`);
    return { ...res.body.comment, editToken: res.body.editToken };
  }

  function list(page: string, params: { sort?: string; cursor?: string; limit?: number; site?: string } = {}, headers: Record<string, string> = {}) {
    const q = query({ site: params.site ?? SITE, page, sort: params.sort, cursor: params.cursor, limit: params.limit });
    return request<ThreadPage>('GET', `/api/v1/comments?${q}`, { headers });
  }

  return {
    request,
    query,
    post,
    comment,
    reply: (parent: { id: string }, input: PostInput) => comment({ ...input, parentId: parent.id }),

    list,

    /** Every top-level comment of a page, page by page, following nextCursor. */
    async listAll(page: string, params: { sort?: string; limit?: number } = {}): Promise<Comment[][]> {
      const pagesSeen: Comment[][] = [];
      let cursor: string | undefined;
      do {
        const res = await list(page, { ...params, cursor });
        if (res.status !== 200) throw new Error(`GET comments → ${res.status}: ${res.text}`);
        pagesSeen.push(res.body.comments);
        cursor = res.body.nextCursor ?? undefined;
      } while (cursor);
      return pagesSeen;
    },

    replies(id: string, params: { cursor?: string; limit?: number } = {}) {
      return request<{ comments: Comment[]; nextCursor: string | null }>('GET', `/api/v1/comments/${id}/replies?${query(params)}`);
    },

    vote(id: string, value: number, visitor?: string) {
      const headers: Record<string, string> = visitor ? { 'x-colloquy-visitor': visitor } : {};
      return request<{ score: number; up: number; down: number; value: number }>('PUT', `/api/v1/comments/${id}/vote`, { body: { value }, headers });
    },

    edit(id: string, body: string, editToken?: string) {
      return request<{ comment: Comment; status: string }>('PATCH', `/api/v1/comments/${id}`, { body: { body }, headers: editToken ? { 'x-edit-token': editToken } : {} });
    },

    remove(id: string, editToken?: string) {
      return request<{ comment: Comment }>('DELETE', `/api/v1/comments/${id}`, { headers: editToken ? { 'x-edit-token': editToken } : {} });
    },

    me(page: string, visitor?: string) {
      return request('GET', `/api/v1/me?${query({ site: SITE, page })}`, { headers: visitor ? { 'x-colloquy-visitor': visitor } : {} });
    },

    counts(pageKeys: string[], headers: Record<string, string> = {}) {
      return request<{ counts: Record<string, number> }>('GET', `/api/v1/counts?${query({ site: SITE, page: pageKeys })}`, { headers });
    },

    embed(page: string, params: { sort?: string; cursor?: string } = {}) {
      return request<string>('GET', `/embed/thread?${query({ site: SITE, page, ...params })}`);
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** Depth-first walk of a nested comment list, in display order. */
export function flatten(comments: Comment[]): Comment[] {
  return comments.flatMap((c) => [c, ...flatten(c.replies)]);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
