// The thank-you e-mail to a donor who left an address, queued through the notification outbox
// in the same transaction as the ledger entry: it goes out once the payment is committed,
// and a webhook never waits for SMTP.
import type { Transaction } from 'kysely';
import type { Db } from '../platform/db.ts';
import { escapeHtml } from '../platform/html.ts';
import type { Database } from '../platform/schema.ts';
import { formatMoney } from './format.ts';
import type { ThankYou, ThankYouMail } from './ledger.ts';

/** notify/outbox.ts's enqueueEmail, structurally (the same shape identity uses). */
export type EnqueueEmail = (db: Db | Transaction<Database>, email: { to: string; subject: string; text: string; html: string; headers?: Record<string, string>; dedupeKey: string }) => Promise<unknown>;

const oneLine = (text: string) => text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

export function thankYouEmail(mail: ThankYouMail) {
  const amount = formatMoney(mail.amount, mail.currency, 'en');
  const gift = mail.interval === 'month' ? `${amount} a month` : amount;
  const greeting = mail.donorName ? `Dear ${oneLine(mail.donorName)},` : 'Hello,';
  const campaign = oneLine(mail.campaignTitle);
  const text = [greeting, '', mail.text, '', `Your gift: ${gift} to “${campaign}”.`, ''].join('\n');
  const html = `<p>${escapeHtml(greeting)}</p>${mail.text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p>Your gift: ${escapeHtml(gift)} to “${escapeHtml(campaign)}”.</p>`;
  return { to: mail.to, subject: `Thank you for supporting ${campaign}`, text, html, headers: { 'Auto-Submitted': 'auto-generated' }, dedupeKey: `support-thanks:${mail.entryId}` };
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export function outboxThankYou(enqueue: EnqueueEmail): ThankYou {
  return async (tx, mail) => {
    // An address the outbox would refuse must not stop the payment being recorded.
    if (ADDRESS.test(mail.to)) await enqueue(tx.trx, thankYouEmail(mail));
  };
}
