// Links from stored data (a thread's URL came with a reader's first comment) are only links
// when they are http(s); anything else (javascript:, data:) is shown as text.
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
