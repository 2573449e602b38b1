// Which picture an account shows. Gravatar only where the reader allowed it (its URL carries
// a hash of the e-mail); otherwise an identicon we draw, keyed by a hash of the account id
// that reveals nothing about the reader.
import { createHash } from 'node:crypto';
import { keyedHash } from '../platform/secrets.ts';
import type { AccountRow } from './store.ts';

export const IDENTICON_PATH = '/avatar/';

export function gravatarUrl(email: string): string {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return `https://www.gravatar.com/avatar/${hash}?s=80&d=identicon`;
}

/** Relative to this server: the widget resolves it against the API's origin. */
export function identiconUrl(secret: string, accountId: string): string {
  return `${IDENTICON_PATH}${keyedHash(secret, 'avatar', accountId).slice(0, 24)}.svg`;
}

export function avatarOf(secret: string, account: Pick<AccountRow, 'id' | 'email' | 'avatar_mode' | 'avatar_url'>): string {
  if (account.avatar_url) return account.avatar_url;
  if (account.avatar_mode === 'gravatar' && account.email) return gravatarUrl(account.email);
  return identiconUrl(secret, account.id);
}
