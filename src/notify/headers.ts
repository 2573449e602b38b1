// What goes into a mail header: one line, nothing a header could be split on. Names, thread
// titles and site names come from readers and publishers; a CR or LF in a Subject would let
// them add headers (Bcc:) or a body of their own. Applied when a message is queued and again
// when it is sent, whoever queued it.

// C0/C1 controls (CR, LF, NUL…) and the Unicode line and paragraph separators.
const BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** One line: every control character and line break becomes a space. */
export function headerSafe(value: string): string {
  return value.replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();
}

// One plain address: no whitespace, quotes, angle brackets, commas or semicolons, which
// are what would add a second recipient or a display name nobody checked.
const ADDRESS = /^[^\s@<>()",;:\\[\]]{1,64}@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

export function isAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

/** Extra headers as given, each name checked and each value one line. */
export function safeHeaders(headers: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new Error(`"${name}" is not a header name`);
    out[name] = headerSafe(String(value));
  }
  return out;
}
