// Shared by the classic scripts (embed.js, count.js): find our own <script> tag and the
// server base URL it was loaded from. Kept tiny: it is inlined into both bundles.

/** The <script> element that loaded `file`: document.currentScript, else by its src. */
export function ownScript(file: string): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const scripts = document.querySelectorAll<HTMLScriptElement>('script[src]');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const s = scripts[i]!;
    if (new URL(s.src, location.href).pathname.endsWith('/' + file)) return s;
  }
  return null;
}

/** Server base URL (no trailing slash) from a script URL: https://x/c/embed.js → https://x/c */
export function baseOf(script: HTMLScriptElement): string {
  return new URL('.', script.src).href.replace(/\/$/, '');
}

/** Run fn once the DOM is parsed (async scripts may run before the container exists). */
export function whenReady(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}
