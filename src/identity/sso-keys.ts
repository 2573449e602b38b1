// Where a site's SSO keys come from: an HS256 secret from the environment (SSO_SECRET_<SITE>,
// else SSO_SECRET), or the publisher's JWKS URL from the site's settings. JWKS are cached per
// URL; a token whose key id is not in the cache makes jose fetch the set again (no more often
// than the cooldown), which is how a publisher's key rotation reaches us.
import { createRemoteJWKSet, type RemoteJWKSet } from 'jose';
import { ssoSecretVariable } from '../config.ts';
import type { Site } from '../sites/service.ts';

export interface SsoKeyConfig {
  ssoSecret: string | null;
  ssoSiteSecrets: Record<string, string>;
  jwksCooldown: number;
}

const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

export function createSsoKeys(config: SsoKeyConfig) {
  const sets = new Map<string, RemoteJWKSet>();

  return {
    /** The HS256 key for the site, or null when the environment gives it none. */
    secret(site: Site): Uint8Array | null {
      const value = config.ssoSiteSecrets[ssoSecretVariable(site.id)] ?? config.ssoSecret;
      return value ? new TextEncoder().encode(value) : null;
    },

    /** The cached key set of the site's JWKS URL, or null when it has none. */
    jwks(site: Site): RemoteJWKSet | null {
      const url = site.settings.ssoJwksUrl;
      if (!url) return null;
      let set = sets.get(url);
      if (!set) {
        if (sets.size > 1000) sets.clear();
        set = createRemoteJWKSet(new URL(url), { cooldownDuration: config.jwksCooldown * 1000, cacheMaxAge: JWKS_MAX_AGE_MS, timeoutDuration: JWKS_TIMEOUT_MS });
        sets.set(url, set);
      }
      return set;
    },
  };
}

export type SsoKeys = ReturnType<typeof createSsoKeys>;
