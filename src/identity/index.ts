// The identity module put together: accounts, sessions, magic links, SSO, privacy. app.ts
// builds it once and hands its parts to the routes and to the comments module.
import type { FastifyRequest } from 'fastify';
import type { ActorAccount } from '../comments/service.ts';
import type { Db } from '../platform/db.ts';
import type { RateLimiter } from '../platform/rate-limit.ts';
import type { SiteService } from '../sites/service.ts';
import { createAccounts, type CommentRestyler } from './accounts.ts';
import { createMagicLinks } from './magic-link.ts';
import type { EnqueueEmail } from './mailer.ts';
import { createPrivacy, type AddressNotifications, type AuthoredComments } from './privacy.ts';
import { createSessions, type Authenticated } from './sessions.ts';
import { createSsoKeys, type SsoKeyConfig } from './sso-keys.ts';
import { createSsoReplayGuard } from './sso-replay.ts';
import { createSsoVerifier } from './sso.ts';
import { createIdentityStore } from './store.ts';

export interface IdentityConfig extends SsoKeyConfig {
  secret: string;
  sessionDays: number;
  magicLinkMinutes: number;
  ssoMaxLifetime: number;
}

export interface IdentityDeps {
  db: Db;
  sites: SiteService;
  comments: CommentRestyler & AuthoredComments;
  notifications: AddressNotifications;
  enqueueEmail: EnqueueEmail;
  limiter: RateLimiter | null;
  config: IdentityConfig;
  now?: () => number;
}

export function createIdentity({ db, sites, comments, notifications, enqueueEmail, limiter, config, now = Date.now }: IdentityDeps) {
  const store = createIdentityStore(db);
  const accounts = createAccounts({ store, comments, secret: config.secret, now });
  const sessions = createSessions({ store, sessionDays: config.sessionDays, now });
  const magicLinks = createMagicLinks({ store, accounts, sessions, sites, enqueueEmail, limiter, minutes: config.magicLinkMinutes, now });
  const sso = createSsoVerifier(createSsoKeys(config), config.ssoMaxLifetime);
  const ssoReplays = createSsoReplayGuard({ store, now });
  const privacy = createPrivacy({ store, accounts, comments, notifications, now });

  return {
    accounts,
    sessions,
    magicLinks,
    sso,
    ssoReplays,
    privacy,
    /** The account's "Notify of" subscriptions, found by its address. */
    notifications,
    secret: config.secret,

    /** The signed-in reader of a request, as the comments module sees them; null for guests. */
    async actorOf(request: FastifyRequest): Promise<ActorAccount | null> {
      const found: Authenticated | null = await sessions.authenticate(request.headers.authorization);
      return found && accounts.actor(found.account);
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
