// Tokens in e-mailed links. Unsubscribe links are signed, not stored: they must work for as
// long as the e-mail sits in an inbox, and the signature binds the recipient and what the
// link stops, so no link can be edited into someone else's. Confirm links carry a random
// token whose hash is stored with an expiry.
import { timingSafeEqual } from 'node:crypto';
import { isId } from '../platform/ids.ts';
import { keyedHash, newToken, sha256 } from '../platform/secrets.ts';

/** What an unsubscribe link stops: one subscription (by id), or everything from the site. */
export type UnsubscribeScope = string | 'all';

export interface UnsubscribeClaim {
  recipientId: string;
  scope: UnsubscribeScope;
}

function mac(secret: string, recipientId: string, scope: string): string {
  return keyedHash(secret, 'unsubscribe', `${recipientId}\0${scope}`);
}

export function unsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  return `${claim.recipientId}.${claim.scope}.${mac(secret, claim.recipientId, claim.scope)}`;
}

/** The claim of a genuine token, or null for anything else (forged, altered, malformed). */
export function readUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const [recipientId, scope, signature, extra] = token.split('.');
  if (extra !== undefined || !isId(recipientId) || !(scope === 'all' || isId(scope)) || !signature) return null;
  const expected = Buffer.from(mac(secret, recipientId, scope));
  const presented = Buffer.from(signature);
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return null;
  return { recipientId, scope };
}

/** A new double opt-in token and the hash to store. */
export function confirmToken(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: sha256(token) };
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The stored hash for a presented confirm token, or null when it cannot be one of ours. */
export function confirmHash(token: string): string | null {
  return TOKEN.test(token) ? sha256(token) : null;
}
