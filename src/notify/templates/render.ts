// The notification e-mails, each as plain text and HTML from one layout. Everything that
// came from a reader or publisher (names, titles, comment text, the site's name) is escaped
// in the HTML; header values are made one line by enqueueEmail and again by the mailer.
import { html, raw, type Raw } from '../../platform/html.ts';
import { fill, type Params, type TextKey } from './fill.ts';

export interface Unsubscribe {
  /** Stops what this e-mail is about (one subscription); absent when it is about no subscription. */
  thisUrl?: string;
  /** Stops all e-mail from the site to this address. */
  allUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  fromName: string;
}

/** A comment as an e-mail quotes it. */
export interface Quoted {
  name: string;
  /** The Markdown source: shown as text, never as HTML. */
  body: string;
  title: string;
  link: string | null;
}

interface Layout {
  site: string;
  subject: string;
  intro: string;
  /** Each with an optional heading and notes (a moderator alert's reasons) above it. */
  quotes: Array<{ heading?: string; notes?: string[]; quote: Quoted }>;
  action?: { label: string; url: string };
  why: string;
  unsubscribe: Unsubscribe;
}

const EXCERPT = 600;

function excerpt(body: string): string {
  const chars = [...body.trim()];
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('').trimEnd()}…` : chars.join('');
}

function paragraphs(text: string): Raw {
  return html`${text.split('\n').map((line, i) => html`${i ? raw('<br>') : ''}${line}`)}`;
}

function compose(layout: Layout): RenderedEmail {
  const { site, unsubscribe } = layout;
  const stopThis = unsubscribe.thisUrl ? [`${fill('unsubscribeThis')}: ${unsubscribe.thisUrl}`] : [];
  const text = [
    layout.intro,
    '',
    ...layout.quotes.flatMap(({ heading, notes = [], quote }) => [
      ...(heading ? [heading] : []),
      ...notes.map((note) => `  • ${note}`),
      ...excerpt(quote.body).split('\n').map((line) => `> ${line}`),
      ...(quote.link ? [quote.link] : []),
      '',
    ]),
    ...(layout.action ? [`${layout.action.label}: ${layout.action.url}`, ''] : []),
    '-- ',
    layout.why,
    ...stopThis,
    `${fill('unsubscribeAll', { site })}: ${unsubscribe.allUrl}`,
    '',
  ].join('\n');

  const body = html`<!doctype html><html><body style="margin:0;padding:24px;background:#f6f6f6;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:8px">
<p style="margin:0 0 16px;font-weight:600">${site}</p>
<p>${paragraphs(layout.intro)}</p>
${layout.quotes.map(({ heading, notes = [], quote }) => html`${heading ? html`<p style="margin:16px 0 4px">${heading}</p>` : ''}${notes.length ? html`<ul style="margin:0 0 8px;padding-left:20px;color:#444">${notes.map((note) => html`<li>${note}</li>`)}</ul>` : ''}<blockquote style="margin:0 0 8px;padding:8px 12px;border-left:3px solid #ccc;color:#333">${paragraphs(excerpt(quote.body))}</blockquote>${quote.link ? html`<p style="margin:0 0 16px"><a href="${quote.link}">${fill('readAndReply')}</a></p>` : ''}`)}
${layout.action ? html`<p><a href="${layout.action.url}" style="display:inline-block;padding:10px 16px;background:#1a56db;color:#fff;border-radius:6px;text-decoration:none">${layout.action.label}</a></p>` : ''}
<hr style="border:0;border-top:1px solid #eee;margin:24px 0 12px">
<p style="font-size:13px;color:#666">${layout.why}<br>
${unsubscribe.thisUrl ? html`<a href="${unsubscribe.thisUrl}" style="color:#666">${fill('unsubscribeThis')}</a> · ` : ''}<a href="${unsubscribe.allUrl}" style="color:#666">${fill('unsubscribeAll', { site })}</a></p>
</div></body></html>`;

  return {
    subject: layout.subject,
    text,
    html: body.html,
    fromName: site,
    headers: {
      // RFC 8058: a mail client may POST "List-Unsubscribe=One-Click" to the URL, no page in between.
      'List-Unsubscribe': `<${unsubscribe.thisUrl ?? unsubscribe.allUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
  };
}

const t = (key: TextKey, params: Params) => fill(key, params);

export function confirmEmail(input: { site: string; what: string[]; link: string; hours: number; unsubscribe: Unsubscribe }): RenderedEmail {
  const { site } = input;
  return compose({
    site,
    subject: t('confirmSubject', { site }),
    intro: [t('confirmIntro', { site }), ...input.what.map((w) => `• ${w}`)].join('\n'),
    quotes: [],
    action: { label: t('confirmAction', {}), url: input.link },
    why: t('confirmIgnore', { hours: input.hours }),
    unsubscribe: { allUrl: input.unsubscribe.allUrl },
  });
}

export type Reason = 'reply' | 'conversation' | 'thread';

const SUBJECT: Record<Reason, TextKey> = { reply: 'replySubject', conversation: 'conversationSubject', thread: 'threadSubject' };
const INTRO: Record<Reason, TextKey> = { reply: 'replyIntro', conversation: 'conversationIntro', thread: 'threadIntro' };

export function commentEmail(input: { site: string; reason: Reason; comment: Quoted; unsubscribe: Unsubscribe }): RenderedEmail {
  const { site, reason, comment } = input;
  const params = { site, name: comment.name, title: comment.title };
  return compose({
    site,
    subject: t(SUBJECT[reason], params),
    intro: t(INTRO[reason], params),
    quotes: [{ quote: comment }],
    why: t('footerWhy', { site, what: reason === 'thread' ? t('whatThread', params) : t('whatReplies', params) }),
    unsubscribe: input.unsubscribe,
  });
}

export function approvedEmail(input: { site: string; comment: Quoted; unsubscribe: Unsubscribe }): RenderedEmail {
  const { site, comment } = input;
  return compose({
    site,
    subject: t('approvedSubject', { site }),
    intro: t('approvedIntro', { title: comment.title }),
    quotes: [{ quote: { ...comment, link: null } }],
    action: comment.link ? { label: t('viewComment', {}), url: comment.link } : undefined,
    why: t('footerWhyAll', { site }),
    unsubscribe: { allUrl: input.unsubscribe.allUrl },
  });
}

export function digestEmail(input: { site: string; day: string; items: Quoted[]; unsubscribe: Unsubscribe }): RenderedEmail {
  const { site, items } = input;
  return compose({
    site,
    subject: t('digestSubject', { site, count: items.length }),
    intro: t('digestIntro', { site, day: input.day }),
    quotes: items.map((quote) => ({ heading: t('digestItem', { name: quote.name, title: quote.title }), quote })),
    why: t('footerWhyAll', { site }),
    unsubscribe: { allUrl: input.unsubscribe.allUrl },
  });
}

/** What happened to a comment that a moderator is alerted of. */
export interface AlertEvent {
  type: 'held' | 'reported';
  /** The pipeline's reasons for a hold; the reader's reason (and note) for a report. */
  reasons: string[];
}

/** One comment in a moderator alert: the comment, what happened to it, and where to act. */
export interface AlertItem {
  quote: Quoted;
  events: AlertEvent[];
  queueUrl: string;
}

const HEADING: Record<AlertEvent['type'], TextKey> = { held: 'alertHeldHeading', reported: 'alertReportedHeading' };

function alertQuote(item: AlertItem) {
  const params = { name: item.quote.name, title: item.quote.title };
  return {
    heading: item.events.map((e) => t(HEADING[e.type], params)).join(' · '),
    notes: item.events.flatMap((e) => e.reasons),
    quote: item.quote,
  };
}

export function alertEmail(input: { site: string; item: AlertItem; settingsUrl: string; allUrl: string }): RenderedEmail {
  const { site, item } = input;
  const [event] = item.events;
  const params = { site, name: item.quote.name, title: item.quote.title };
  const held = event?.type === 'held';
  return compose({
    site,
    subject: t(held ? 'alertHeldSubject' : 'alertReportedSubject', params),
    intro: [t(held ? 'alertHeldIntro' : 'alertReportedIntro', params), t('alertWhy', {})].join('\n'),
    quotes: [{ notes: item.events.flatMap((e) => e.reasons), quote: item.quote }],
    action: { label: t('alertOpenQueue', {}), url: item.queueUrl },
    why: t('alertFooter', { site, url: input.settingsUrl }),
    unsubscribe: { allUrl: input.allUrl },
  });
}

export function alertDigestEmail(input: { site: string; period: string; items: AlertItem[]; total: number; settingsUrl: string; allUrl: string }): RenderedEmail {
  const { site, items } = input;
  return compose({
    site,
    subject: t('alertDigestSubject', { site, count: input.total }),
    intro: t('alertDigestIntro', { site, period: input.period }),
    quotes: items.map(alertQuote),
    action: items[0] ? { label: t('alertOpenQueue', {}), url: items[0].queueUrl } : undefined,
    why: t('alertFooter', { site, url: input.settingsUrl }),
    unsubscribe: { allUrl: input.allUrl },
  });
}
