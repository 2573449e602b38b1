// Reads a publisher's article for the console (placing inline questions), on the server,
// because a browser may not read another origin's page. The URL comes from staff, and a site's
// admin is not necessarily the operator, so this is guarded against server-side request forgery:
//   - only http(s) URLs on one of the site's listed origins (not "*"), without credentials;
//   - every address the host name resolves to, checked at connection time (so a DNS answer that
//     changes between check and use cannot slip through), must be public: loopback, private,
//     link-local (cloud metadata), CGNAT, multicast and reserved ranges are refused unless the
//     operator allows private addresses (INLINE_FETCH_PRIVATE, for intranets and tests);
//   - redirects are followed by hand, at most three, each checked again;
//   - HTML only, 2 MB at most, 8 seconds in all; no cookies or credentials are sent.
// The HTML goes back to the console as a JSON string and is never rendered: see
// web/admin/article.ts for how its text is read.
import { lookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { AppError, badRequest } from '../platform/errors.ts';

const MAX_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 8000;
const MAX_REDIRECTS = 3;

const blocked = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** True for an address the server may not be made to reach on staff's behalf. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family === 0 || blocked.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

const refused = (message: string) => badRequest('address_not_allowed', message, 'url');
const unavailable = (message: string) => new AppError(422, 'article_unavailable', message, 'url');

export interface FetchOptions {
  /** May the URL be fetched at all: its origin is one of the site's. */
  allowed(url: URL): boolean;
  allowPrivate: boolean;
}

export interface FetchedArticle {
  url: string;
  html: string;
}

class Blocked extends Error {}

export async function fetchArticle(start: string, options: FetchOptions): Promise<FetchedArticle> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let url = URL.parse(start);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw badRequest('invalid_url', 'url must be an http(s) URL', 'url');
    if (url.username || url.password) throw badRequest('invalid_url', 'url must not carry credentials', 'url');
    if (!options.allowed(url)) throw badRequest('origin_not_allowed', `${url.origin} is not one of the site's origins`, 'url');
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    // Node connects to an IP literal without a lookup: check it here.
    if (isIP(literal) && !options.allowPrivate && isPrivateAddress(literal)) throw refused(`${literal} is a private or reserved address`);
    const res = await get(url, options.allowPrivate, signal);
    const location = res.headers.location;
    if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
      res.resume();
      url = URL.parse(location, url);
      continue;
    }
    if (res.statusCode !== 200) {
      res.resume();
      throw unavailable(`The article answered ${res.statusCode}`);
    }
    const type = res.headers['content-type'] ?? '';
    if (!/^(text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      res.resume();
      throw unavailable(`The article is ${type || 'of no stated type'}, not HTML`);
    }
    return { url: url.href, html: decode(await body(res), type) };
  }
  throw unavailable(`More than ${MAX_REDIRECTS} redirects`);
}

function get(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<IncomingMessage> {
  const guardedLookup = (hostname: string, opts: object, callback: (...args: any[]) => void) => {
    lookup(hostname, { ...opts, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const bad = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (bad || !addresses.length) return callback(new Blocked(`${hostname} resolves to ${bad?.address ?? 'nothing'}, a private or reserved address`));
      if ((opts as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup: guardedLookup as never, signal, agent: false, headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'Colloquy (reading an article to place inline questions)' } }, resolve);
    req.on('error', (error) => {
      if (error instanceof Blocked) reject(refused(error.message));
      else if (signal.aborted) reject(unavailable('The article took too long to answer'));
      else reject(unavailable(`The article could not be read (${(error as NodeJS.ErrnoException).code ?? 'network error'})`));
    });
  });
}

function body(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        res.destroy();
        reject(unavailable(`The article is larger than ${MAX_BYTES / 1024 / 1024} MB`));
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', () => reject(unavailable('The article could not be read to the end')));
  });
}

function decode(bytes: Buffer, type: string): string {
  const charset = /charset="?([\w-]+)/i.exec(type)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
