// Split tokens for sessions and sign-in links: `${id}.${secret}`. The id (not secret) finds
// the row; the secret is stored only as a hash and compared in constant time, so neither a
// database dump nor an index lookup's timing gives a token away.
import { newId } from '../platform/ids.ts';
import { newToken, sha256, tokenMatches } from '../platform/secrets.ts';

const SHAPE = /^([0-9A-Z]{16})\.([A-Za-z0-9_-]{43})$/;

export interface Issued {
  id: string;
  /** What the holder keeps: shown once, never stored. */
  token: string;
  hash: string;
}

export function issueToken(at: number): Issued {
  const id = newId(at);
  const secret = newToken(32);
  return { id, token: `${id}.${secret}`, hash: sha256(secret) };
}

/** The id and secret of a well-formed token, or null. */
export function splitToken(token: string): { id: string; secret: string } | null {
  const match = SHAPE.exec(token);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  return tokenMatches(secret, storedHash);
}
