// Light/dark resolution. Explicit light/dark wins; "auto" follows the host page
// (<html class="dark">, data-theme="dark", color-scheme: dark) and then prefers-color-scheme.
import type { ThemeOption } from './options.ts';

export type Theme = 'light' | 'dark';

function hostTheme(): Theme | null {
  const html = document.documentElement;
  const attr = html.getAttribute('data-theme') ?? html.getAttribute('data-color-scheme');
  if (html.classList.contains('dark') || attr === 'dark') return 'dark';
  if (html.classList.contains('light') || attr === 'light') return 'light';
  const scheme = getComputedStyle(html).colorScheme.trim();
  return scheme === 'dark' || scheme === 'only dark' ? 'dark' : scheme === 'light' || scheme === 'only light' ? 'light' : null;
}

export function resolveTheme(option: ThemeOption, media: MediaQueryList): Theme {
  if (option !== 'auto') return option;
  return hostTheme() ?? (media.matches ? 'dark' : 'light');
}

/** Call apply now and whenever the effective theme may change; returns a stop function. */
export function watchTheme(option: () => ThemeOption, apply: (theme: Theme) => void): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const update = (): void => apply(resolveTheme(option(), media));
  update();
  media.addEventListener('change', update);
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'data-color-scheme', 'style'] });
  return () => {
    media.removeEventListener('change', update);
    observer.disconnect();
  };
}
