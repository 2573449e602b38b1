// Resolves the site a request names and checks that the calling page may use it.
import type { FastifyRequest } from 'fastify';
import { crossOrigin } from '../platform/cors.ts';
import type { Site, SiteService } from './service.ts';

export async function siteForRequest(sites: SiteService, request: FastifyRequest, id: string): Promise<Site> {
  const site = await sites.require(id);
  sites.checkOrigin(site, crossOrigin(request));
  return site;
}
