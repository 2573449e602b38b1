// Sign-in by e-mailed link. Asking always answers the same whether or not the address has an
// account (a link signs in or signs up alike), so nobody can probe for readers. The link goes
// to the article the reader was on, with the token in the fragment (never sent to any server,
// never in logs); the widget there exchanges it once for a bearer token.
import { AppError, badRequest } from '../platform/errors.ts';
import { enforce, type Limit, type RateLimiter } from '../platform/rate-limit.ts';
import { sha256 } from '../platform/secrets.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { cleanName, type Accounts } from './accounts.ts';
import { emailKey, requireEmail } from './email.ts';
import { magicLinkEmail, type EnqueueEmail } from './mailer.ts';
import type { Sessions } from './sessions.ts';
import type { IdentityStore } from './store.ts';
import { issueToken, secretMatches, splitToken } from './tokens.ts';

/** The fragment parameter the widget looks for on the page the link opens. */
export const LINK_PARAM = 'colloquy-token';

const minute = 60_000;
const LIMITS = {
  email: [{ name: 'magic:email:10m', max: 3, windowMs: 10 * minute }, { name: 'magic:email:d', max: 10, windowMs: 1440 * minute }],
  ip: [{ name: 'magic:ip:h', max: 30, windowMs: 60 * minute }],
  visitor: [{ name: 'magic:visitor:h', max: 10, windowMs: 60 * minute }],
} satisfies Record<string, Limit[]>;

export interface MagicLinkDeps {
  store: IdentityStore;
  accounts: Accounts;
  sessions: Sessions;
  sites: SiteService;
  enqueueEmail: EnqueueEmail;
  limiter: RateLimiter | null;
  minutes: number;
  now: () => number;
}

export interface LinkRequest {
  email: string;
  returnUrl?: string;
  name?: string;
}

const invalidLink = () => badRequest('invalid_link', 'This sign-in link is not valid; ask for a new one', 'token');

/**
 * Where the link may send the reader: a page on one of the site's listed origins. A site open
 * to every origin (*) cannot name a safe one, or anyone could have links sent to their page.
 */
function linkTarget(site: Site, returnUrl: string | undefined): URL {
  const listed = site.origins.filter((origin) => origin !== '*');
  if (returnUrl === undefined) {
    if (!listed.length) throw badRequest('return_url_required', `Site "${site.id}" lists no origin to send a sign-in link to; pass returnUrl`, 'returnUrl');
    return new URL(`${listed[0]}/`);
  }
  const url = URL.parse(returnUrl);
  if (!url || !/^https?:$/.test(url.protocol) || !listed.includes(url.origin)) {
    throw badRequest('invalid_return_url', `returnUrl must be a page on one of the origins site "${site.id}" lists`, 'returnUrl');
  }
  return url;
}

export function createMagicLinks({ store, accounts, sessions, sites, enqueueEmail, limiter, minutes, now }: MagicLinkDeps) {
  return {
    async request(site: Site, input: LinkRequest, who: { ipHash: string; visitorKey: string | null }): Promise<void> {
      const email = requireEmail(input.email, 'email');
      const name = input.name === undefined ? null : cleanName(input.name, 'name');
      const target = linkTarget(site, input.returnUrl);
      if (limiter) {
        // Keyed by a hash: the limiter's store (Redis) never holds the address.
        const emailId = sha256(`${site.id}\0${emailKey(email)}`);
        await enforce(limiter, [...LIMITS.email.map((l): [Limit, string] => [l, emailId]), ...LIMITS.ip.map((l): [Limit, string] => [l, who.ipHash]), ...LIMITS.visitor.map((l): [Limit, string | null] => [l, who.visitorKey])]);
      }
      const at = now();
      const { id, token, hash } = issueToken(at);
      target.hash = `${LINK_PARAM}=${token}`;
      await store.transaction(async (trx) => {
        await store.insertMagicLink({ id, site_id: site.id, email, email_lower: emailKey(email), name, token_hash: hash, created_at: at, expires_at: at + minutes * minute, used_at: null }, trx);
        await enqueueEmail(trx, magicLinkEmail({ to: email, siteName: site.name, link: target.href, minutes, id }));
      });
    },

    /** Exchanges a link's token, once and in time, for a bearer session on the link's site. */
    async verify(token: string, origin: string | undefined) {
      const parts = splitToken(token);
      if (!parts) throw invalidLink();
      const link = await store.findMagicLink(parts.id);
      const matches = secretMatches(parts.secret, link?.token_hash ?? '-'.repeat(43));
      if (!link || !matches) throw invalidLink();
      const site = await sites.require(link.site_id);
      sites.checkOrigin(site, origin);
      const used = () => new AppError(410, 'link_used', 'This sign-in link was already used; ask for a new one', 'token');
      const expired = () => new AppError(410, 'link_expired', 'This sign-in link has expired; ask for a new one', 'token');
      if (link.used_at !== null) throw used();
      if (link.expires_at <= now()) throw expired();
      const { account, session } = await store.transaction(async (trx) => {
        // Only one exchange of a link can claim it, however many arrive at once.
        if (!(await store.claimMagicLink(link.id, now(), trx))) throw used();
        const account = await accounts.forEmail(site.id, link.email, link.name, trx);
        return { account, session: await sessions.issue(account, 'magic-link', trx) };
      });
      return { ...session, account: accounts.profile(account) };
    },
  };
}

export type MagicLinks = ReturnType<typeof createMagicLinks>;
