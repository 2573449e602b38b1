// support.js: the goal bar as its own tiny classic script, no comment widget needed.
//   <div data-colloquy-support data-site="demo"></div>
//   <script src="https://comments.example.com/support.js" async></script>
// Each element gets a shadow root with the bar (same markup as the server-rendered one, which
// stays in the light DOM for readers without JavaScript). data-block adds the "Support us"
// block; data-locale picks the number format (default: the page's lang, then the browser's).
// The bar refreshes every minute while the page is visible: see docs/DECISIONS.md.
import { BAR_CSS, barHtml, type CampaignView } from '../../src/support/bar-view.ts';
import { safeLocale } from '../../src/support/format.ts';
import { baseOf, ownScript, whenReady } from '../widget/script.ts';
import { fetchCampaign } from './campaign.ts';

const POLL_MS = 60_000;
const script = ownScript('support.js');

function mount(host: HTMLElement, base: string): void {
  const d = host.dataset;
  const site = d.site || script?.dataset.site;
  if (!site || host.shadowRoot) return;
  const locale = safeLocale(d.locale || document.documentElement.lang || navigator.language);
  const q = `site=${encodeURIComponent(site)}`;
  let root: ShadowRoot | null = null;
  let bar: HTMLElement;
  let last = '';

  const render = (c: CampaignView): void => {
    if (!root) {
      // Only now: with no campaign, or offline, the server-rendered content stays as it is.
      root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${BAR_CSS}</style><div></div><div></div>`;
      bar = root.children[1] as HTMLElement;
      if (d.block !== undefined) {
        const block = root.children[2] as HTMLElement;
        fetch(`${base}/api/v1/support/block?${q}&locale=${encodeURIComponent(locale)}`)
          .then((r) => (r.ok ? r.json() : null))
          .then((b: { html: string } | null) => b && (block.innerHTML = b.html));
      }
    }
    const markup = barHtml(c, locale, Date.now());
    if (markup !== last) bar.innerHTML = last = markup;
  };

  const load = (): void => void fetchCampaign(base, site).then((c) => c && render(c));

  load();
  setInterval(() => document.visibilityState === 'visible' && load(), POLL_MS);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && load());
}

if (script) {
  const base = baseOf(script);
  whenReady(() => document.querySelectorAll<HTMLElement>('[data-colloquy-support]').forEach((el) => mount(el, base)));
}
