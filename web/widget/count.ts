// count.js: fills every [data-colloquy-count="<page key>"] element with "N comments",
// asking /api/v1/counts in batches of at most 50 page keys.
import { comments_one, comments_other, locale } from './i18n/en.ts';
import { translator } from './i18n/t.ts';
import { baseOf, ownScript, whenReady } from './script.ts';

const BATCH = 50;
const t = translator({ locale, comments_one, comments_other });
const script = ownScript('count.js');
const site = script?.dataset.site;

function fill(base: string, keys: string[], elements: Element[]): void {
  const q = new URLSearchParams({ site: site! });
  for (const k of keys) q.append('page', k);
  fetch(`${base}/api/v1/counts?${q}`)
    .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
    .then((body: { counts: Record<string, number> }) => {
      for (const el of elements) {
        const n = body.counts[el.getAttribute('data-colloquy-count')!];
        if (typeof n === 'number') el.textContent = t('comments', { count: n });
      }
    })
    .catch(() => {});
}

if (script && site) {
  whenReady(() => {
    const elements = Array.from(document.querySelectorAll('[data-colloquy-count]'));
    const keys = [...new Set(elements.map((el) => el.getAttribute('data-colloquy-count')!))].filter(Boolean);
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      fill(baseOf(script), batch, elements.filter((el) => batch.includes(el.getAttribute('data-colloquy-count')!)));
    }
  });
}
