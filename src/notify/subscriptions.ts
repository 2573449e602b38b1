// "Notify of": subscribing (double opt-in for guests), confirming and unsubscribing. No HTTP
// here; subscription-routes.ts translates requests into these calls.
import { cleanText } from '../comments/text.ts';
import { AppError, badRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { isAddress } from './headers.ts';
import { enqueueEmail, type Executor } from './outbox.ts';
import type { RecipientRow, SubscriptionRow, SubscriptionStore } from './subscription-store.ts';
import type { SubscriptionKind, SubscriptionMode } from './tables.ts';
import { fill } from './templates/fill.ts';
import { confirmEmail } from './templates/render.ts';
import { confirmHash, confirmToken, readUnsubscribeToken, unsubscribeToken, type UnsubscribeScope } from './tokens.ts';

export type NotifyChoice = 'none' | 'thread' | 'replies' | 'both';

export interface SubscribeRequest {
  site: Site;
  /** The thread's page key (stored form) and title, for kind thread and for the e-mail. */
  page: string;
  /** Default: the thread's title, or the page key before the thread exists. */
  title?: string;
  email: string;
  kinds: SubscriptionKind[];
  mode: SubscriptionMode;
  chain: boolean;
  /** The address is proven (a signed-in reader's own): no confirmation e-mail. */
  verified: boolean;
}

export interface SubscriptionDeps {
  store: SubscriptionStore;
  sites: SiteService;
  /** Thread titles for the pages that describe a subscription. */
  titleOf(siteId: string, pageKey: string): Promise<string>;
  secret: string;
  publicUrl: string;
  confirmHours: number;
  now: () => number;
}

const hour = 3_600_000;

export function kindsOf(choice: NotifyChoice): SubscriptionKind[] {
  return choice === 'both' ? ['thread', 'replies'] : choice === 'none' ? [] : [choice];
}

/** The cleaned address, or a 400 naming `field`. */
export function requireAddress(value: string, field: string): string {
  const email = cleanText(value).trim();
  if (!email) throw badRequest('empty', `${field} must not be empty`, field);
  if (!isAddress(email)) throw badRequest('invalid_email', `${field} is not an e-mail address`, field);
  return email;
}

const invalidLink = () => badRequest('invalid_link', 'This link is not valid; it may have been changed or cut short', 'token');

export function createSubscriptions(deps: SubscriptionDeps) {
  const { store, secret, publicUrl } = deps;
  const link = (path: string, token: string) => `${publicUrl}/api/v1/subscriptions/${path}?token=${encodeURIComponent(token)}`;

  function unsubscribeUrl(recipientId: string, scope: UnsubscribeScope): string {
    return link('unsubscribe', unsubscribeToken(secret, { recipientId, scope }));
  }

  async function describe(siteId: string, sub: Pick<SubscriptionRow, 'kind' | 'page_key'>): Promise<string> {
    if (sub.kind === 'replies') return fill('whatReplies');
    return fill('whatThread', { title: await deps.titleOf(siteId, sub.page_key!) });
  }

  /** The genuine claim of an unsubscribe token with its recipient, or a 4xx. */
  async function claimOf(token: string) {
    const claim = readUnsubscribeToken(secret, token);
    if (!claim) throw invalidLink();
    const recipient = await store.findRecipient(claim.recipientId);
    if (!recipient) throw notFound('not_subscribed', 'This address is not subscribed to anything here');
    const sub = claim.scope === 'all' ? undefined : await store.findSubscription(claim.scope);
    // A signed link names a subscription of its own recipient; anything else is not ours.
    if (sub && sub.recipient_id !== recipient.id) throw invalidLink();
    const site = await deps.sites.require(recipient.site_id);
    const what = claim.scope === 'all' ? fill('whatAll') : sub ? await describe(site.id, sub) : fill('whatGone');
    return { claim, recipient, sub, site, what };
  }

  /** Subscribes; a guest's address gets a confirmation e-mail first (in `ex`'s transaction). */
  async function subscribe(ex: Executor, req: SubscribeRequest): Promise<'subscribed' | 'confirmation_sent'> {
    const at = deps.now();
    const recipient = await store.ensureRecipient(ex, req.site.id, req.email, at);
    const base = (kind: SubscriptionKind): SubscriptionRow => ({
      id: newId(at), site_id: req.site.id, recipient_id: recipient.id, kind,
      page_key: kind === 'thread' ? req.page : null, scope: kind === 'thread' ? `thread:${req.page}` : 'replies',
      mode: req.mode, chain: kind === 'replies' && req.chain ? 1 : 0,
      confirm_hash: null, confirm_expires_at: null, confirmed_at: null, created_at: at,
    });
    if (req.verified) {
      for (const kind of req.kinds) await store.save(ex, { ...base(kind), confirmed_at: at });
      await store.markConfirmed(ex, recipient.id, at);
      return 'subscribed';
    }
    const { token, hash } = confirmToken();
    const asked: SubscriptionRow[] = [];
    for (const kind of req.kinds) {
      const row = base(kind);
      // A confirmed subscription stays as it is: changing it would need the address's say.
      if ((await store.findByScope(ex, recipient.id, row.scope))?.confirmed_at) continue;
      asked.push(row);
      await store.save(ex, { ...row, confirm_hash: hash, confirm_expires_at: at + deps.confirmHours * hour });
    }
    if (asked.length) await sendConfirmation(ex, { ...req, title: req.title ?? req.page }, recipient, asked, token, hash);
    return 'confirmation_sent';
  }

  return {
    unsubscribeUrl,
    subscribe,

    /** subscribe() in a transaction of its own: the subscription and its e-mail, or neither. */
    async request(req: SubscribeRequest): Promise<'subscribed' | 'confirmation_sent'> {
      // Looked up first: on SQLite a read through another handle would wait for the transaction.
      const title = req.title ?? (await deps.titleOf(req.site.id, req.page));
      return store.transaction((trx) => subscribe(trx, { ...req, title }));
    },

    /** Opens a confirm link: its subscriptions start, and the address is proven. */
    async confirm(token: string): Promise<{ site: Site; what: string; already: boolean }> {
      const hash = confirmHash(token);
      const rows = hash ? await store.byConfirmHash(hash) : [];
      if (!rows.length) throw invalidLink();
      const site = await deps.sites.require(rows[0].site_id);
      const what = (await Promise.all(rows.map((row) => describe(site.id, row)))).join(', ');
      const waiting = rows.filter((row) => row.confirmed_at === null);
      if (!waiting.length) return { site, what, already: true };
      const at = deps.now();
      if (waiting.some((row) => (row.confirm_expires_at ?? 0) <= at)) {
        throw new AppError(410, 'link_expired', 'This confirmation link has expired; subscribe again to get a new one', 'token');
      }
      await store.transaction(async (trx) => {
        await store.confirm(trx, waiting.map((row) => row.id), at);
        await store.markConfirmed(trx, rows[0].recipient_id, at);
      });
      return { site, what, already: false };
    },

    /** What an unsubscribe link would stop, for the page that asks before it does. */
    async preview(token: string): Promise<{ site: Site; what: string; all: boolean; subscribed: boolean }> {
      const { claim, recipient, sub, site, what } = await claimOf(token);
      const subscribed = claim.scope === 'all' ? recipient.suppressed_at === null : !!sub;
      return { site, what, all: claim.scope === 'all', subscribed };
    },

    /**
     * Stops what the link names; opening it again changes nothing and says so. `origin` is a
     * browser's cross-origin caller: only the site's own pages may post here (mail clients send none).
     */
    async unsubscribe(token: string, origin: string | undefined): Promise<{ site: Site; what: string; all: boolean }> {
      const { claim, recipient, sub, site, what } = await claimOf(token);
      deps.sites.checkOrigin(site, origin);
      const at = deps.now();
      if (claim.scope === 'all') await store.transaction((trx) => store.suppress(trx, recipient.id, at));
      else if (sub) await store.remove(sub.id);
      return { site, what, all: claim.scope === 'all' };
    },
  };

  async function sendConfirmation(ex: Executor, req: SubscribeRequest & { title: string }, recipient: RecipientRow, rows: SubscriptionRow[], token: string, hash: string) {
    const what = rows.map((row) => (row.kind === 'replies' ? fill('whatReplies') : fill('whatThread', { title: req.title })));
    const mail = confirmEmail({
      site: req.site.name,
      what,
      link: link('confirm', token),
      hours: deps.confirmHours,
      unsubscribe: { allUrl: unsubscribeUrl(recipient.id, 'all') },
    });
    await enqueueEmail(ex, { to: recipient.email, ...mail, dedupeKey: `confirm:${hash}` });
  }
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
