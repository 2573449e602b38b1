// embed.js: the tiny loader. Finds its <script>, reads data-* options, attaches an open
// shadow root to the container and imports widget.js from the same server. Light DOM
// (server-rendered thread for crawlers / no-JS) stays in place, hidden by the shadow root.
import type { MountOptions, ThemeOption } from './options.ts';
import { baseOf, ownScript, whenReady } from './script.ts';

interface Widget {
  mount(root: ShadowRoot, options: MountOptions): void;
}

function canonical(): URL | null {
  const link = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  try {
    return link?.href ? new URL(link.href, location.href) : null;
  } catch {
    return null;
  }
}

function options(script: HTMLScriptElement): MountOptions | null {
  const d = script.dataset;
  if (!d.site) return null;
  const canon = canonical();
  const here = new URL(location.href);
  here.hash = '';
  const theme = d.theme === 'light' || d.theme === 'dark' ? d.theme : 'auto';
  return {
    base: baseOf(script),
    site: d.site,
    page: d.page || (canon ?? here).pathname,
    url: d.url || (canon ?? here).href,
    title: d.title || document.title,
    theme: theme satisfies ThemeOption,
    sso: d.sso,
    inline: d.inline,
    inlineRoot: d.inlineRoot,
    support: d.support,
  };
}

const script = ownScript('embed.js');
if (script) {
  // document.currentScript is only set now; the rest waits for the DOM (canonical link, container).
  whenReady(() => {
    const opts = options(script);
    const host = document.querySelector(script.dataset.container || '#colloquy') ?? document.querySelector('[data-colloquy]');
    if (!opts || !host || host.shadowRoot) return;
    const root = host.attachShadow({ mode: 'open' });
    import(/* @vite-ignore */ `${opts.base}/widget.js`).then(
      (w: Widget) => w.mount(root, opts),
      (e: unknown) => console.error('colloquy: widget failed to load', e),
    );
  });
}
