// Who is acting on the discussion: a browser (visitor key), an address (IP hash) and, when
// signed in, an account. Comments and votes are filed under one key per author or voter.
import { AppError } from '../platform/errors.ts';
import type { Site } from '../sites/service.ts';

/** Who is acting: keyed hashes of the browser's visitor token and of the client IP. */
export interface Actor {
  visitorKey: string | null;
  ipHash: string | null;
  /** Keyed hash of the client's network (IPv4 /24, IPv6 /48), for prefix bans; absent when unknown. */
  ipPrefixHash?: string | null;
  /** Facts of the request that external classifiers may be given; never stored. */
  request?: { ip?: string; userAgent?: string; referrer?: string; pageUrl?: string };
  /** Origin of a cross-origin browser request; undefined when same-origin or not a browser. */
  origin?: string;
  /** A signed-in reader (Authorization: Bearer); absent or null for guests. */
  account?: ActorAccount | null;
}

/** What the comments module needs of a signed-in reader; the identity module resolves it. */
export interface ActorAccount {
  id: string;
  /** Accounts and their tokens belong to one site. */
  siteId: string;
  name: string;
  email: string | null;
  avatar: string;
  role: 'reader' | 'moderator' | 'admin';
}

/** The key an author's comments and a voter's votes are filed under: the account's, else the browser's. */
export function actorKey(actor: Pick<Actor, 'visitorKey' | 'account'>): string | null {
  return actor.account ? `account:${actor.account.id}` : actor.visitorKey;
}

/** actorKey, after checking a signed-in reader's token belongs to `site`. */
export function keyOn(actor: Actor, site: Site): string | null {
  if (actor.account && actor.account.siteId !== site.id) {
    throw new AppError(401, 'invalid_token', 'This sign-in belongs to another site', 'Authorization');
  }
  return actorKey(actor);
}
