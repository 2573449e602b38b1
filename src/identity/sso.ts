// Publisher SSO: the host site signs a short-lived JWT about its signed-in user and the widget
// passes it on. We accept exactly HS256 with the site's secret, or RS256/ES256 with a key from
// the site's JWKS; the audience must be the site; the token must be current and short-lived.
// Anything else (alg none, another algorithm, an HS256 token where the site uses JWKS, a key
// that does not match) is refused, and says why.
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { AppError, badRequest } from '../platform/errors.ts';
import { cleanText } from '../comments/text.ts';
import type { Site } from '../sites/service.ts';
import { cleanName, type SsoProfile } from './accounts.ts';
import { requireEmail } from './email.ts';
import type { SsoKeys } from './sso-keys.ts';
import type { Role } from './tables.ts';

const ASYMMETRIC = ['RS256', 'ES256'];
const ROLES: Role[] = ['reader', 'moderator', 'admin'];
const CLOCK_SKEW_S = 30;

const refused = (reason: string) => new AppError(401, 'invalid_sso_token', `The SSO token was refused: ${reason}`, 'token');
const badClaim = (claim: string, problem: string) => badRequest('invalid_claim', `SSO claim "${claim}" ${problem}`, 'token');

function explain(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof errors.JWTExpired) return refused('it has expired or is older than the longest lifetime allowed');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused(`its audience (aud) is not this site`);
    return refused(`claim "${error.claim}" is ${error.reason === 'missing' ? 'missing' : 'not valid'}`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return refused("its signature does not match the site's key");
  if (error instanceof errors.JWKSNoMatchingKey) return refused("no key in the site's JWKS matches it");
  if (error instanceof errors.JOSEAlgNotAllowed) return refused('its algorithm is not accepted');
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return new AppError(502, 'jwks_unavailable', "The site's JWKS could not be fetched; try again", 'token');
  }
  if (error instanceof errors.JOSEError || error instanceof TypeError) return refused('it is not a well-formed signed JWT');
  // Fetching the JWKS failed (network): the publisher's side, not the reader's request.
  return new AppError(502, 'jwks_unavailable', "The site's JWKS could not be fetched; try again", 'token');
}

/** A token that passed every check: who it names, and what replay blocking needs. */
export interface VerifiedSso {
  profile: SsoProfile;
  /** The token's id, when the publisher gave one: such a token is exchanged once (sso-replay.ts). */
  jti: string | null;
  /** Expiry, epoch seconds. */
  exp: number;
}

function verified(payload: JWTPayload, maxLifetime: number): VerifiedSso {
  const profile = profileOf(payload, maxLifetime);
  const { jti } = payload as Record<string, unknown>;
  if (jti === undefined || jti === null) return { profile, jti: null, exp: payload.exp! };
  if (typeof jti !== 'string' || !jti || jti.length > 255 || /[\u0000-\u001F\u007F-\u009F]/.test(jti) || cleanText(jti) !== jti) {
    throw badClaim('jti', 'must be a token id of 1 to 255 plain characters');
  }
  return { profile, jti, exp: payload.exp! };
}

/** The claims we map to an account, checked and cleaned. */
function profileOf(payload: JWTPayload, maxLifetime: number): SsoProfile {
  const { sub, name, email, avatar, role, exp, iat } = payload as Record<string, unknown>;
  // Lifetime: exp is required and at most maxLifetime after an iat that is not in the future,
  // so no token accepted now stays valid longer than maxLifetime (plus the clock skew).
  if (typeof exp !== 'number' || typeof iat !== 'number') throw refused('claims "exp" and "iat" are required');
  if (exp - iat > maxLifetime) throw refused(`it lives ${exp - iat} s; at most ${maxLifetime} s is allowed`);
  if (iat > Date.now() / 1000 + CLOCK_SKEW_S) throw refused('it was issued in the future');
  if (typeof sub !== 'string' || !sub || sub.length > 255 || cleanText(sub) !== sub) throw badClaim('sub', 'must be a user id of 1 to 255 plain characters');
  if (typeof name !== 'string') throw badClaim('name', 'must be a string');
  let clean: string;
  try {
    clean = cleanName(name, 'token');
  } catch {
    throw badClaim('name', 'must be 1 to 80 characters of text');
  }
  const profile: SsoProfile = { sub, name: clean, email: null, avatar: null, role: 'reader' };
  if (email !== undefined && email !== null && email !== '') {
    if (typeof email !== 'string') throw badClaim('email', 'must be a string');
    try {
      profile.email = requireEmail(email, 'token');
    } catch {
      throw badClaim('email', 'is not one e-mail address');
    }
  }
  if (avatar !== undefined && avatar !== null && avatar !== '') {
    if (typeof avatar !== 'string' || avatar.length > 2048 || !/^https:\/\/[^\s"'<>\\]+$/.test(avatar)) throw badClaim('avatar', 'must be an https URL');
    profile.avatar = avatar;
  }
  if (role !== undefined && role !== null) {
    if (!ROLES.includes(role as Role)) throw badClaim('role', `must be one of ${ROLES.join(', ')}`);
    profile.role = role as Role;
  }
  return profile;
}

export function createSsoVerifier(keys: SsoKeys, maxLifetime: number) {
  return {
    async verify(site: Site, token: string): Promise<VerifiedSso> {
      const secret = keys.secret(site);
      const jwks = keys.jwks(site);
      if (!secret && !jwks) throw new AppError(403, 'sso_not_configured', `Site "${site.id}" has no SSO configured`, 'site');
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw refused('it is not a well-formed signed JWT');
      }
      try {
        const options = { audience: site.id, requiredClaims: ['sub', 'name', 'exp', 'iat'], clockTolerance: CLOCK_SKEW_S, maxTokenAge: maxLifetime + CLOCK_SKEW_S };
        // The algorithm picks the key, and each key accepts only its own algorithms: an HS256
        // token can never be checked against a public key, nor an RS256 one against a secret.
        if (alg === 'HS256' && secret) return verified((await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload, maxLifetime);
        if (alg && ASYMMETRIC.includes(alg) && jwks) return verified((await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })).payload, maxLifetime);
      } catch (error) {
        throw explain(error);
      }
      const accepted = [secret ? 'HS256' : null, jwks ? 'RS256, ES256' : null].filter(Boolean).join(', ');
      throw refused(`algorithm ${JSON.stringify(alg ?? null)} is not accepted for this site (${accepted})`);
    },
  };
}

export type SsoVerifier = ReturnType<typeof createSsoVerifier>;
