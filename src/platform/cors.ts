// Cross-origin access for the public API. Each route enforces its site's allowed
// origins (403 otherwise) before anything happens; no cookies are used, so reflecting
// the Origin here exposes nothing a disallowed page could abuse.
import type { FastifyInstance, FastifyRequest } from 'fastify';

const ALLOWED_HEADERS = 'Content-Type, X-Colloquy-Visitor, X-Edit-Token, Authorization, Last-Event-ID';

export function installCors(app: FastifyInstance, prefix = '/api/'): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(prefix)) return;
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', 'ETag, Retry-After');
    if (request.method === 'OPTIONS') {
      reply
        .header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE')
        .header('Access-Control-Allow-Headers', ALLOWED_HEADERS)
        .header('Access-Control-Max-Age', '600')
        .code(204)
        .send();
    }
  });
}

/**
 * The Origin of a cross-origin browser request, or undefined for same-origin requests
 * and non-browser clients, which no origin list restricts.
 */
export function crossOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === 'null' ? origin : undefined;
  try {
    return new URL(origin).host === request.headers.host ? undefined : origin;
  } catch {
    return origin;
  }
}
