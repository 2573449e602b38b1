// An author's identities as typed keys, and the network prefix of an IP address. Bans,
// duplicates and premoderation all speak of "the same author" through these keys.
import { isIPv4, isIPv6 } from 'node:net';
import type { AuthorIdentity } from '../phase.ts';

export type IdentityKind = 'account' | 'email' | 'visitor' | 'ip' | 'ip-prefix';

export interface IdentityKey {
  kind: IdentityKind;
  value: string;
}

/** The author's identities, strongest first. E-mail is lower-cased and trimmed. */
export function identityKeys(author: AuthorIdentity | undefined): IdentityKey[] {
  if (!author) return [];
  const keys: IdentityKey[] = [];
  if (author.accountId) keys.push({ kind: 'account', value: author.accountId });
  const email = author.email?.trim().toLowerCase();
  if (email) keys.push({ kind: 'email', value: email });
  if (author.visitorKey) keys.push({ kind: 'visitor', value: author.visitorKey });
  if (author.ipHash) keys.push({ kind: 'ip', value: author.ipHash });
  if (author.ipPrefixHash) keys.push({ kind: 'ip-prefix', value: author.ipPrefixHash });
  return keys;
}

/** One string per key, for maps and sets: "visitor:abc". */
export function keyString(key: IdentityKey): string {
  return `${key.kind}:${key.value}`;
}

/** A guest: no signed-in account. */
export function isGuest(author: AuthorIdentity | undefined): boolean {
  return !author?.accountId;
}

/**
 * The network an address belongs to, for bans on a whole range and for counting one
 * household or office once: IPv4 /24 ("203.0.113.0/24"), IPv6 /48 ("2001:db8:1::/48").
 * IPv4-mapped IPv6 ("::ffff:203.0.113.9") counts as IPv4. Null for anything else. Hash the
 * result with the server secret before storing it (keyedHash(secret, 'ip-prefix', prefix)).
 */
export function ipPrefix(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return null;
  const groups = expandIPv6(address.replace(/%.*$/, ''));
  if (!groups) return null;
  return `${groups.slice(0, 3).map((g) => parseInt(g, 16).toString(16)).join(':')}::/48`;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail becomes two groups). */
function expandIPv6(address: string): string[] | null {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
}
