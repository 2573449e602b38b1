// The links phase: too many links, links to denied domains (or to any domain off the
// allow-list, when a site runs one), URL shorteners (never fetched), comments that are nothing
// but links, and links disguised so no filter sees them ("example dot com", "hxxp://",
// "example[.]com", fullwidth letters). Every link and disguise is a reason with its span.
import MarkdownIt from 'markdown-it';
import { foldedOf, type Decision, type Phase, type PhaseInput, type Reason } from '../phase.ts';
import { forEachHintedRun } from '../runs.ts';
import type { LinkSettings, RuleAction } from '../settings.ts';
import { decide } from './actions.ts';
import { hostOf, matchDomain, normalizeDomain } from './domains.ts';
import { SHORTENER_DOMAINS } from './shorteners.ts';

export interface FoundLink {
  /** [start, end) in the original text, UTF-16 code units. */
  span: [number, number];
  url: string;
  host: string;
}

// The renderer links only URLs with a scheme; a bare "cheap-pills.shop" is still an advert a
// reader can type, so this matcher also finds bare domains.
export const linkify = new MarkdownIt().linkify;
linkify.set({ fuzzyLink: true, fuzzyIP: true, fuzzyEmail: false });
linkify.tlds(['xyz', 'top', 'online', 'site', 'club', 'click', 'link', 'live', 'store', 'app', 'dev', 'icu', 'buzz', 'fun', 'win', 'bid', 'loan', 'vip', 'work', 'cam', 'monster', 'rest', 'bar', 'casino', 'bet', 'porn', 'sex', 'sexy', 'dating'], true);

// Every link linkify finds has "//" (a scheme, or protocol-relative) or a dot inside a host
// ("example.com", "10.0.0.1"); most comments have neither.
const MAYBE_LINK = /\.[^\s.]|\/\//;
const MAYBE_LINKS = new RegExp(MAYBE_LINK.source, 'g');

/** Unicode Z and Cc (linkify's src_ZCc): no link holds one, nor starts or ends but beside one or an end of the text. */
function isLinkBreak(c: number): boolean {
  return c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

type LinkMatch = NonNullable<ReturnType<typeof linkify.match>>[number];

/**
 * linkify's matches in the text, as matching the whole text gives them, with offsets in it.
 * Its fuzzy search is the costly part of the phase and its cost grows with the text, so only
 * the runs between breaks that could hold a link are given to it, each alone.
 */
export function linkMatches(text: string): LinkMatch[] {
  const found: LinkMatch[] = [];
  forEachHintedRun(text, MAYBE_LINKS, isLinkBreak, (start, end) => {
    for (const match of linkify.match(text.slice(start, end)) ?? []) {
      found.push({ ...match, index: match.index + start, lastIndex: match.lastIndex + start });
    }
  });
  return found;
}

/** Links in the text: URLs with a scheme, and bare domains ("example.com/x", "www.example.org"). */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of linkMatches(text)) {
    if (match.schema === 'mailto:') continue;
    const host = hostOf(match.url);
    if (!host) continue;
    if (match.schema === '' && !plausibleBareDomain(match.raw, host)) continue;
    links.push({ span: [match.index, match.lastIndex], url: match.url, host });
  }
  return links;
}

/** "good point.No way" and "all morning.Work was" are missing spaces, not links: a bare
 * domain counts with "www.", a path, a numeric host, or an ending written in lower case (or a
 * host all in capitals: "CHEAP-WATCHES.COM"). */
function plausibleBareDomain(raw: string, host: string): boolean {
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (/^www\./i.test(raw) || raw.includes('/') || /^\d+$/.test(tld)) return true;
  const rawHost = raw.replace(/[/?#:].*$/, '');
  const rawTld = rawHost.slice(rawHost.lastIndexOf('.') + 1);
  return rawTld === rawTld.toLowerCase() || rawHost === rawHost.toUpperCase();
}

// Endings that are not English words, for spotting "example dot com" in prose.
const TLDS = 'com|net|org|info|biz|xyz|top|ru|cn|uk|io|ly|gl|gd|cc|tk|ml|ga|cf|gq|pw|su|ws|online|site|club|click|link|shop|store|app|icu|buzz|porn|casino|bet|vip|loan';
const FOLDED_TLD = new Set(TLDS.split('|'));
// Words before "dot com" that make it prose: "the dot com bubble", "a dot com".
const PROSE_BEFORE = new Set(['the', 'a', 'an', 'polka', 'big', 'old', 'early', 'first', 'this', 'that', 'of', 'and']);

const DEFANGED_SCHEME = /\bh(?:xx|XX|\*\*|\[t\]\[t\]|__)ps?(?:\[:\]|:)\/\//g;
const DISGUISED_DOT = /\b[\p{L}\p{N}-]{2,}\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|<dot>)\s*[\p{L}\p{N}-]{2,}/giu;
// "example . com", "example .com", "example. com/path": lower-case endings only, since a
// sentence ends with a dot and the next may start with "Com…".
const SPACED_DOT = new RegExp(String.raw`\b[\p{L}\p{N}-]{2,}(?:\s+\.\s*(?:${TLDS})\b|\.\s+(?:${TLDS})(?=/))`, 'gu');
/** What SPACED_DOT cannot match without: a space before a dot, or a dot, spaces and an ending with a path. */
const SPACED_DOT_HINT = /\s\.|\.\s+[a-z]+\//;

/** Disguised links, as spans of the original text. */
export function findObfuscated(input: PhaseInput): Array<{ span: [number, number]; kind: string }> {
  const text = input.text;
  const found: Array<{ span: [number, number]; kind: string }> = [];
  // Each pattern runs only where the character it cannot match without is present: most
  // comments have none of them, and the Unicode-aware patterns are the slow part of the phase.
  if (text.includes('//')) for (const m of text.matchAll(DEFANGED_SCHEME)) found.push({ span: [m.index, m.index + m[0].length], kind: 'defanged scheme' });
  if (/[[({<](?:\.|dot)[\])}>]/i.test(text)) for (const m of text.matchAll(DISGUISED_DOT)) found.push({ span: [m.index, m.index + m[0].length], kind: 'disguised dot' });
  if (SPACED_DOT_HINT.test(text)) for (const m of text.matchAll(SPACED_DOT)) found.push({ span: [m.index, m.index + m[0].length], kind: 'spaced dot' });

  // "example dot com" through any disguise folding sees through (spacing, leet, look-alikes).
  const folded = foldedOf(input);
  const words = folded.text.includes('dot') ? [...folded.text.matchAll(/[^ ]+/g)] : [];
  for (let i = 1; i + 1 < words.length; i++) {
    if (words[i][0] !== 'dot' || !FOLDED_TLD.has(words[i + 1][0])) continue;
    const label = words[i - 1][0];
    if (label.length < 2 || PROSE_BEFORE.has(label)) continue;
    const from = words[i - 1].index;
    const to = words[i + 1].index + words[i + 1][0].length - 1;
    found.push({ span: [folded.start[from], folded.end[to]], kind: '"dot" spelled out' });
  }

  // Compatibility forms (fullwidth "ｅｘａｍｐｌｅ．ｃｏｍ") that only read as a link once normalised;
  // most non-ASCII text (accents, other scripts, emoji) is normalised already and has none.
  if (/[^\x00-\x7f]/.test(text) && mayReadAsLink(text.normalize('NFKC'), text)) {
    const { normal, origin } = nfkcWithOffsets(text);
    const plain = new Set(findLinks(text).map((l) => l.span[0]));
    for (const link of findLinks(normal)) {
      const start = origin[link.span[0]];
      if (plain.has(start)) continue;
      found.push({ span: [start, origin[link.span[1]]], kind: 'look-alike characters' });
    }
  }
  return dropOverlaps(found);
}

/** Normalising changed the text in a way that may have made a link of it. */
function mayReadAsLink(normal: string, text: string): boolean {
  return normal !== text && MAYBE_LINK.test(normal);
}

/** NFKC, code point by code point, with each normalised offset's original offset. */
function nfkcWithOffsets(text: string): { normal: string; origin: number[] } {
  let normal = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const piece = String.fromCodePoint(cp).normalize('NFKC');
    for (let k = 0; k < piece.length; k++) origin.push(i);
    normal += piece;
    i += width;
  }
  origin.push(text.length);
  return { normal, origin };
}

function dropOverlaps<T extends { span: [number, number] }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const out: T[] = [];
  for (const item of sorted) {
    const last = out.at(-1);
    if (last && item.span[0] < last.span[1]) continue;
    out.push(item);
  }
  return out;
}

/** Words (two or more letters) outside the links, markdown link syntax aside. */
function wordsOutside(text: string, links: FoundLink[]): number {
  let rest = '';
  let at = 0;
  for (const link of links) {
    rest += text.slice(at, link.span[0]) + ' ';
    at = link.span[1];
  }
  rest += text.slice(at);
  return rest.match(/\p{L}{2,}/gu)?.length ?? 0;
}

interface CompiledLists {
  allow: Set<string>;
  deny: Set<string>;
  shorteners: Set<string>;
}

const compiled = new WeakMap<LinkSettings, CompiledLists>();

function listsOf(settings: LinkSettings): CompiledLists {
  let lists = compiled.get(settings);
  if (!lists) {
    const set = (domains: readonly string[]) => new Set(domains.map(normalizeDomain).filter((d): d is string => d !== null));
    lists = { allow: set(settings.allow), deny: set(settings.deny), shorteners: set([...SHORTENER_DOMAINS, ...settings.shortenerDomains]) };
    compiled.set(settings, lists);
  }
  return lists;
}

export const linksPhase: Phase = {
  name: 'links',
  run(input, ctx) {
    const settings = ctx.settings.links;
    if (!settings.enabled || input.author?.trusted) return { reasons: [] };
    const { allow, deny, shorteners } = listsOf(settings);
    const text = input.text;
    const reasons: Reason[] = [];
    let decision: Decision | undefined;
    const fire = (action: RuleAction, reason: Omit<Reason, 'phase' | 'category'>) => {
      if (action === 'allow') return;
      reasons.push({ phase: 'links', category: 'link', ...reason });
      decision = decide(decision, action);
    };

    const links = findLinks(text);
    let counted = 0;
    for (const link of links) {
      const denied = matchDomain(link.host, deny);
      if (denied) {
        fire(settings.denyAction, { rule: 'links.denied', span: link.span, detail: `${link.host} is on the deny list (${denied})` });
        continue;
      }
      if (matchDomain(link.host, allow)) continue;
      counted++;
      const shortener = matchDomain(link.host, shorteners);
      if (shortener) fire(settings.shorteners, { rule: 'links.shortener', span: link.span, detail: `${link.host} is a URL shortener; where it leads is hidden` });
      else fire(settings.unlisted, { rule: 'links.unlisted', span: link.span, detail: `${link.host} is not on the allow list` });
    }
    if (counted > settings.max) {
      fire(settings.tooMany, { rule: 'links.too-many', score: counted, detail: `${counted} links; the site allows ${settings.max}` });
    }
    if (links.length > 0 && wordsOutside(text, links) < 3) {
      fire(settings.linkOnly, { rule: 'links.link-only', span: [0, text.length], detail: 'the comment is nothing but links' });
    }
    for (const hit of findObfuscated(input)) {
      if (links.some((l) => l.span[0] < hit.span[1] && hit.span[0] < l.span[1] && hit.kind !== 'defanged scheme')) continue;
      fire(settings.obfuscated, { rule: 'links.obfuscated', span: hit.span, detail: `disguised link (${hit.kind}): "${text.slice(...hit.span)}"` });
    }
    return { reasons, decision };
  },
};
