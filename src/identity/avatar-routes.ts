// Identicons at /avatar/:hash.svg: the same picture for the same hash forever, so cacheable for a year.
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { identiconSvg } from './identicon.ts';
import { AvatarParams } from './schema.ts';

export async function avatarRoutes(app: FastifyInstance): Promise<void> {
  app.get('/avatar/:hash.svg', { schema: { tags: ['accounts'], summary: 'A generated identicon', params: AvatarParams } }, async (request, reply) => {
    const { hash } = request.params as Static<typeof AvatarParams>;
    return reply
      .type('image/svg+xml')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('Cross-Origin-Resource-Policy', 'cross-origin')
      .send(identiconSvg(hash));
  });
}
