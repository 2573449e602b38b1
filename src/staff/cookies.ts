// Just enough cookie handling for the console session: read one cookie, write Set-Cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface CookieOptions {
  path: string;
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${o.path}`,
    `Max-Age=${Math.max(0, Math.floor(o.maxAge))}`,
    'SameSite=Strict',
    o.httpOnly ? 'HttpOnly' : '',
    o.secure ? 'Secure' : '',
  ].filter(Boolean).join('; ');
}

export function setCookies(reply: FastifyReply, cookies: string[]): void {
  reply.header('Set-Cookie', cookies);
}
