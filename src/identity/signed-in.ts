// The one check every signed-in route makes: a live bearer token, used from a page its site allows.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { crossOrigin } from '../platform/cors.ts';
import { visitorKey } from '../platform/http.ts';
import type { SiteService } from '../sites/service.ts';
import type { Identity } from './index.ts';

export async function requireSignedIn(request: FastifyRequest, identity: Identity, sites: SiteService) {
  visitorKey(request, identity.secret);
  const found = await identity.sessions.authenticate(request.headers.authorization);
  if (!found) {
    throw new AppError(401, 'sign_in_required', 'Sign in first: send Authorization: Bearer <token>', 'Authorization', { 'WWW-Authenticate': 'Bearer' });
  }
  const site = await sites.require(found.account.site_id);
  sites.checkOrigin(site, crossOrigin(request));
  return { ...found, site };
}
