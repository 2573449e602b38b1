// Comment spam: bait (money for nothing, work from home, investment and crypto pitches, pills,
// casinos...) plus a way out of the page (a link, a phone, WhatsApp or Telegram contact, an
// e-mail address, "DM me", "visit my site"). Each part is a reason with its span; the bait
// counts at most BAIT_CAP and the way out at most CHANNEL_CAP, so neither alone reaches the
// default hold level (0.6): a reader warning about a work-from-home scam, or citing a source
// with a link, is not spam. Both together are.
//
// Links, numbers and e-mail addresses are found in the original text (compatibility forms such
// as fullwidth letters read as ASCII first); the phrases go through the lexicon, so folding
// sees through "w h a t s a p p" and "b.i.t.c.o.i.n".
import { forEachHintedRun, isSpace } from '../../runs.ts';
import type { Doc, LexHit } from '../doc.ts';
import { round, type ScoreReason } from '../types.ts';

const BAIT_CAP = 0.55;
const CHANNEL_CAP = 0.45;

const TLD = 'com|net|org|biz|info|io|co|uk|us|xyz|shop|store|win|tv|live|pro|me|ly|site|online|club|top|app|vip|click|link|loan|ru|cn|tk|gd|gl|cc';
const URL = new RegExp(String.raw`\b(?:https?://|www\.)[^\s<>"']+|(?<![@\w.])(?:[a-z0-9][a-z0-9-]*\.)+(?:${TLD})\b(?:/[^\s<>"']*)?`, 'gi');
/** Where a link hides its destination, or opens a chat. */
const SHORTENERS = new Set(['bit.ly', 'tinyurl.com', 't.co', 'goo.gl', 'is.gd', 'ow.ly', 'cutt.ly', 'rb.gy', 'shorturl.at', 'tiny.cc', 't.me', 'wa.me', 'linktr.ee', 'rebrand.ly', 't.ly']);
/** "example[.]com", "example(dot)com", "bit . ly/x": a link written so filters miss it. */
const DEFANGED = new RegExp(String.raw`\b[\w-]{2,}\s*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\))\s*[\w-]{2,}|\b[\w-]{2,}\s+\.\s*(?:${TLD})/\S*|\b[\w-]{2,}\s*\.\s+(?:${TLD})/\S*`, 'gi');
/** What DEFANGED cannot match without: a bracketed dot, a space before a dot, or a dot, spaces and an ending with a path. */
const DEFANGED_HINT = /[[(](?:\.|dot)[\])]|\s\.|\.\s+[a-z]+\//i;
/** What every URL match holds: "//", "www.", or a dot before a letter (".com"). */
const URL_HINTS = /\/\/|www\.|\.[a-z]/gi;
const EMAIL = /[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;
/** Nine to fifteen digits in groups: a phone number, not a year or a price. */
const PHONE = /(?<![\w$£€,.])\+?\(?\d[\d\s().-]{7,20}\d(?![\w%,])/g;
const HANDLE = /(?<![\w.@/])@[a-z0-9_]{3,}/gi;
/** Money per unit of time: "$85 an hour", "£500 a day", "$9,000 a month", "$400 daily". */
const MONEY = /(?:[$£€]\s?\d[\d,.]*\s?k?|\b\d[\d,.]*\s?(?:dollars|pounds|euros|usd|gbp)\b)(?:\s*(?:\/|\ban?\b|\bper\b|\bevery\b|\beach\b)\s*(?:hour|hr|day|week|month)\b|\s*(?:daily|weekly|monthly|hourly)\b)/gi;
const DOLLARS = /\${3,}|\b\d{1,2}\s?% off\b/gi;
/** What MONEY and EARNED need when there is no currency sign; what EARNED and AUDIENCE need at all. */
const MONEY_WORDS = /dollars|pounds|euros|usd|gbp/i;
const EARN_WORDS = /made|mak|earn/i;
const AUDIENCE_WORDS = /followers|likes|subscribers|views/i;
/** "I made £4,000 last month", "earned $12k": a money claim without a unit of time. */
const EARNED = /\b(?:made|make|making|earned|earn|earning|earns)\s+(?:over\s+|up to\s+)?(?:[$£€]\s?\d[\d,.]*\s?k?|\d[\d,.]*\s?(?:dollars|pounds|euros)\b)/gi;
/** "for $5", "for just £9.99": a price. */
const PRICE = /\bfor (?:only |just )?[$£€]\s?\d/gi;
/** "5000 followers", "10k likes": audience for sale. */
const AUDIENCE = /\b\d[\d,.]*\s?k?\s+(?:followers|likes|subscribers|views)\b/gi;
/** Before a number or handle, words that make it a contact ("WhatsApp +44...", "call 0800..."). */
const CONTACT_BEFORE = /(?:whats\s?app|telegram|signal|viber|wechat|call|text|ring|phone|contact|message|dial|sms|email|e-mail)\W{0,3}(?:\w+\W{1,3}){0,3}$/i;

interface Part {
  group: 'bait' | 'channel';
  rule: string;
  span: [number, number];
  points: number;
  detail: string;
}

/** The text with fullwidth forms ("ｗｗｗ", "＄５００") read as ASCII, offsets unchanged. */
function plain(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/[/?#].*$/, '').replace(/^www\./i, '').toLowerCase();
}

function cap(parts: Part[], group: Part['group'], limit: number): ScoreReason[] {
  const out: ScoreReason[] = [];
  let total = 0;
  for (const part of parts.filter((p) => p.group === group).sort((a, b) => b.points - a.points)) {
    const points = round(Math.min(part.points, limit - total));
    if (points <= 0) break;
    total += points;
    const capped = points < part.points ? ` (capped: ${group} counts at most ${limit})` : '';
    out.push({ rule: part.rule, category: 'spam', span: part.span, points, detail: part.detail + capped });
  }
  return out;
}

export function spam(doc: Doc): ScoreReason[] {
  const original = doc.folded.original;
  const text = plain(original);
  const parts: Part[] = [];
  const lex = (hit: LexHit, group: Part['group'], rule: string, what: string) =>
    parts.push({ group, rule, span: hit.span, points: hit.weight, detail: `${what} "${original.slice(...hit.span)}" (${hit.term})` });

  // The bait first: without it there is no spam, and most comments stop here.
  for (const hit of doc.byTag('spam-bait')) lex(hit, 'bait', 'spam.bait', 'sales or get-rich phrase');
  // Amounts, prices and counts need a digit or a currency sign; each pattern also needs a
  // word or sign most comments lack, looked for first (these run on every comment).
  if (/[\d$£€]/.test(text)) {
    const currency = /[$£€]/.test(text);
    const named = MONEY_WORDS.test(text);
    for (const m of currency || named ? text.matchAll(MONEY) : []) {
      parts.push({ group: 'bait', rule: 'spam.money', span: [m.index, m.index + m[0].length], points: 0.4, detail: `money per unit of time: "${original.slice(m.index, m.index + m[0].length)}"` });
    }
    for (const m of text.includes('$$$') || text.includes('%') ? text.matchAll(DOLLARS) : []) {
      parts.push({ group: 'bait', rule: 'spam.money', span: [m.index, m.index + m[0].length], points: 0.3, detail: `"${m[0]}"` });
    }
    for (const m of (currency || named) && EARN_WORDS.test(text) ? text.matchAll(EARNED) : []) {
      parts.push({ group: 'bait', rule: 'spam.money', span: [m.index, m.index + m[0].length], points: 0.3, detail: `money claim: "${m[0]}"` });
    }
    for (const m of currency ? text.matchAll(PRICE) : []) {
      parts.push({ group: 'bait', rule: 'spam.bait', span: [m.index, m.index + m[0].length], points: 0.2, detail: `a price: "${m[0]}"` });
    }
    for (const m of AUDIENCE_WORDS.test(text) ? text.matchAll(AUDIENCE) : []) {
      parts.push({ group: 'bait', rule: 'spam.bait', span: [m.index, m.index + m[0].length], points: 0.35, detail: `audience for sale: "${m[0]}"` });
    }
  }
  for (const coin of doc.byTag('crypto')) {
    const pitch = doc.byTag('crypto-pitch').find((p) => doc.tokens[p.first].sentence === doc.tokens[coin.first].sentence);
    if (!pitch) continue;
    const span: [number, number] = [Math.min(coin.span[0], pitch.span[0]), Math.max(coin.span[1], pitch.span[1])];
    parts.push({ group: 'bait', rule: 'spam.investment', span, points: 0.35, detail: `investment pitch: "${coin.term}" with "${pitch.term}"` });
    break;
  }
  // Without a way out, bait is talk about a scam.
  if (parts.length === 0) return [];

  // The way out: links, contacts, calls to action.
  const links = new Map<string, number>();
  // A URL holds no space: the pattern runs only on the runs that could hold one.
  forEachHintedRun(text, URL_HINTS, isSpace, (start, end) => {
    for (const m of text.slice(start, end).matchAll(URL)) {
      const at = start + m.index;
      const host = hostOf(m[0]);
      const span: [number, number] = [at, at + m[0].length];
      const seen = links.get(m[0].toLowerCase()) ?? 0;
      links.set(m[0].toLowerCase(), seen + 1);
      if (seen === 1) parts.push({ group: 'channel', rule: 'spam.link', span, points: 0.2, detail: `the same link again: ${host}` });
      if (seen > 0) continue;
      const shortener = SHORTENERS.has(host);
      parts.push({ group: 'channel', rule: 'spam.link', span, points: shortener ? 0.35 : 0.2, detail: shortener ? `link through ${host}, which hides or leaves for another service` : `link to ${host}` });
      const before = /\b(?:visit|click|go to|sign up at|join at)\W{0,4}$/i.exec(text.slice(Math.max(0, at - 16), at));
      if (before) parts.push({ group: 'channel', rule: 'spam.call-to-action', span: [at - before[0].length, at], points: 0.2, detail: `"${before[0].trim()}" a link` });
    }
  });
  for (const m of DEFANGED_HINT.test(text) ? text.matchAll(DEFANGED) : []) {
    parts.push({ group: 'channel', rule: 'spam.link', span: [m.index, m.index + m[0].length], points: 0.35, detail: `link written to slip past filters: "${m[0]}"` });
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      parts.push({ group: 'channel', rule: 'spam.contact', span: [m.index, m.index + m[0].length], points: 0.25, detail: `e-mail address ${m[0]}` });
    }
    for (const m of text.matchAll(HANDLE)) {
      if (!CONTACT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue; // "@Margaret I agree" is a reply
      parts.push({ group: 'channel', rule: 'spam.contact', span: [m.index, m.index + m[0].length], points: 0.4, detail: `messaging handle ${m[0]}` });
    }
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 9 || digits > 15) continue;
    const asked = CONTACT_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index));
    parts.push({ group: 'channel', rule: 'spam.contact', span: [m.index, m.index + m[0].length], points: asked ? 0.4 : 0.2, detail: asked ? 'phone number to call or message' : 'phone number' });
  }
  for (const hit of doc.byTag('spam-app')) {
    parts.push({ group: 'channel', rule: 'spam.contact', span: hit.span, points: 0.15, detail: `move to a messaging app: "${original.slice(...hit.span)}"` });
  }
  for (const hit of doc.byTag('spam-cta')) lex(hit, 'channel', 'spam.call-to-action', 'call to action');

  // Without a way out, bait is talk about a scam (above); without bait, a way out is a citation.
  if (!parts.some((p) => p.group === 'channel')) return [];
  return [...cap(parts, 'bait', BAIT_CAP), ...cap(parts, 'channel', CHANNEL_CAP)];
}
