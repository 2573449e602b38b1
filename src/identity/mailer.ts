// The e-mail the identity module sends, and the outbox it goes through. The notifications
// module owns the outbox (src/notify/outbox.ts): the message is written in the same
// transaction as the sign-in link, and its worker delivers it.
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import { escapeHtml } from '../platform/html.ts';
import type { Database } from '../platform/schema.ts';
import type { OutgoingEmail } from '../notify/outbox.ts';

/** The signature of notify/outbox.ts's enqueueEmail, which app.ts passes in. */
export type EnqueueEmail = (db: Db | Transaction<Database>, email: OutgoingEmail) => Promise<unknown>;

/** One line with no characters a mail header could be split on. */
function headerSafe(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function magicLinkEmail(input: { to: string; siteName: string; link: string; minutes: number; id: string }): OutgoingEmail {
  const site = headerSafe(input.siteName) || 'the comments';
  const text = [
    'Hello,',
    '',
    `Open this link to sign in to the comments on ${site}:`,
    '',
    input.link,
    '',
    `It works once, within ${input.minutes} minutes. If you did not ask for it, ignore this e-mail: nothing happens without the link.`,
    '',
  ].join('\n');
  const html =
    `<p>Hello,</p><p>Open this link to sign in to the comments on ${escapeHtml(site)}:</p>` +
    `<p><a href="${escapeHtml(input.link)}">Sign in to ${escapeHtml(site)}</a></p>` +
    `<p>It works once, within ${input.minutes} minutes. If you did not ask for it, ignore this e-mail: nothing happens without the link.</p>`;
  return {
    to: input.to,
    subject: `Sign in to ${site}`,
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated' },
    dedupeKey: `magic-link:${input.id}`,
  };
}
