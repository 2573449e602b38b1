// The small pages e-mailed links open (confirm, unsubscribe) for browsers (Accept: text/html),
// JSON for everything else (API clients, one-click POSTs). Errors keep their status either way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { errorBody } from '../platform/http.ts';
import { html, type Raw } from '../platform/html.ts';
import { fill } from './templates/fill.ts';

export function wantsJson(request: FastifyRequest): boolean {
  return !(request.headers.accept ?? '').includes('text/html');
}

export function sendPage(reply: FastifyReply, status: number, title: string, content: Raw): FastifyReply {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:0;background:#1a56db;color:#fff;cursor:pointer}</style>
</head><body><h1>${title}</h1>${content}</body></html>`;
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
    .type('text/html; charset=utf-8')
    .send(page.html);
}

/** Runs `action`; an AppError becomes a page (or JSON) with its status. */
export async function pageOrError(request: FastifyRequest, reply: FastifyReply, action: () => Promise<FastifyReply | object>): Promise<unknown> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (wantsJson(request)) return reply.code(error.status).send(errorBody(error.code, error.message, error.field));
    return sendPage(reply, error.status, fill('pageErrorTitle'), html`<p>${error.message}</p>`);
  }
}
