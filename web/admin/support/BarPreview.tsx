// The goal bar exactly as readers will see it: the tree support.js and the server draw
// (src/support/bar-view.ts), made into DOM nodes and text nodes, never parsed markup.
import { useEffect, useRef } from 'preact/hooks';
import { barTree } from '../../../src/support/bar-view.ts';
import { toDom } from '../../support/dom.ts';
import { consoleLocale } from './money.ts';
import type { Campaign } from './types.ts';

export function BarPreview({ campaign, label }: { campaign: Campaign | null; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current) box.current.replaceChildren(...(campaign ? [toDom(barTree(campaign, consoleLocale(), Date.now()))] : []));
  }, [campaign]);
  return <section class="panel bar-preview" aria-label={label} ref={box} />;
}
