// Serves the built widget files (dist/public) from memory: they are small and hot.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

export async function staticRoutes(app: FastifyInstance, options: { dir: string }) {
  if (!existsSync(options.dir)) {
    app.log.warn({ dir: options.dir }, 'widget not built: run `npm run build`');
    return;
  }
  for (const name of readdirSync(options.dir, { recursive: true }) as string[]) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(options.dir, name));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    // Fixed names (embed.js is what publishers paste), so cache briefly and revalidate.
    app.get(`/${name.split('\\').join('/')}`, { schema: { hide: true } }, async (request, reply) => {
      reply.header('Content-Type', type).header('ETag', etag).header('Cache-Control', 'public, max-age=300');
      reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(body);
    });
  }
}
