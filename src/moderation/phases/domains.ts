// Host names for the link rules: one normal form for list entries and for links, and
// "this domain or any subdomain of it" matching.

/** The normal form of a domain as a site lists it ("Example.COM", "*.example.com",
 * "https://www.example.com/path", "bücher.de") or null when it is not a host name:
 * lower-case, IDN as punycode, no scheme, port, path, leading "*." or "www.", or trailing dot. */
export function normalizeDomain(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (!value) return null;
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\*\./, '');
  const host = hostOf(`http://${value}`);
  if (!host) return null;
  return host.replace(/^www\./, '') || null;
}

/** The host of a URL in normal form (lower-case, punycode, no trailing dot), or null. */
export function hostOf(url: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed || !parsed.hostname) return null;
  const host = parsed.hostname.replace(/\.$/, '');
  // A host needs a dot (or is an IP literal): "localhost" and bare words are not links.
  if (!host.includes('.') && !host.startsWith('[')) return null;
  return host;
}

/** The listed domain that `host` is or is a subdomain of, if any. */
export function matchDomain(host: string, domains: ReadonlySet<string>): string | null {
  let candidate = host;
  for (;;) {
    if (domains.has(candidate)) return candidate;
    const dot = candidate.indexOf('.');
    if (dot < 0) return null;
    candidate = candidate.slice(dot + 1);
  }
}
