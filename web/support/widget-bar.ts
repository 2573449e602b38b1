// The goal bar inside the comment widget: a chunk of its own, which the widget imports only
// when the site has a campaign. The same tree, styles and number formats as support.js.
import { BAR_CSS, barTree, type CampaignView } from '../../src/support/bar-view.ts';
import { safeLocale } from '../../src/support/format.ts';
import { adoptCss, toDom } from './dom.ts';

const styled = new WeakSet<Node>();

/** Replaces what `target` holds with the bar, in the page's language (as support.js picks it). */
export function drawBar(target: Element, campaign: CampaignView): void {
  const root = target.getRootNode();
  if ((root instanceof ShadowRoot || root instanceof Document) && !styled.has(root)) {
    adoptCss(root, BAR_CSS);
    styled.add(root);
  }
  const locale = safeLocale(document.documentElement.lang || navigator.language);
  target.replaceChildren(toDom(barTree(campaign, locale, Date.now())));
}
