// GET /api/v1/altcha/challenge?site=ID: a fresh signed ALTCHA challenge for the widget to
// solve before a guest posts. Register with
//   await http.register(altchaRoutes, { altcha, resolveSite: (request, id) => siteForRequest(sites, request, id) });
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AltchaChallenge } from './altcha.ts';

export interface AltchaRoutesDeps {
  altcha: { challenge(siteId?: string): Promise<AltchaChallenge> };
  /** Checks the site exists and the calling page may use it (throws a 404 or 403 AppError);
   * the challenge is then bound to that site. */
  resolveSite?: (request: FastifyRequest, siteId: string) => Promise<unknown>;
}

const Query = {
  type: 'object',
  properties: { site: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['site'],
  additionalProperties: false,
} as const;

export async function altchaRoutes(app: FastifyInstance, deps: AltchaRoutesDeps): Promise<void> {
  app.get('/api/v1/altcha/challenge', {
    schema: {
      tags: ['moderation'],
      summary: 'An ALTCHA proof-of-work challenge for a guest comment (solve it, send the solution as `altcha`)',
      querystring: Query,
    },
  }, async (request, reply) => {
    const { site } = request.query as { site: string };
    if (deps.resolveSite) await deps.resolveSite(request, site);
    const challenge = await deps.altcha.challenge(site);
    // Each challenge is single-use: never cached, never shared.
    reply.header('Cache-Control', 'no-store');
    return challenge;
  });
}
