// The site's fundraising goal bar at the top of the thread. Its drawing code (the same as
// support.js's) is a separate chunk, loaded only when the site has a campaign, so threads of
// sites without one pay nothing for it. `version` changes when the live stream says the
// campaign changed (a donation landed): the bar is fetched and drawn again.
import { useEffect, useRef } from 'preact/hooks';
import { fetchCampaign } from '../support/campaign.ts';

interface Props {
  base: string;
  site: string;
  version: number;
}

export function SupportBar({ base, site, version }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    void fetchCampaign(base, site).then(async (campaign) => {
      if (!campaign || !current) return;
      const bar = await import('../support/widget-bar.ts');
      if (current && box.current) bar.drawBar(box.current, campaign);
    });
    return () => {
      current = false;
    };
  }, [base, site, version]);

  return <div class="support" ref={box} />;
}
