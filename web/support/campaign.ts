// The site's current campaign, as readers get it (GET /api/v1/campaigns/current); null when
// there is none or the server cannot be reached. Shared by support.js and the widget's bar.
import type { CampaignView } from '../../src/support/bar-view.ts';

export function fetchCampaign(base: string, site: string): Promise<CampaignView | null> {
  return fetch(`${base}/api/v1/campaigns/current?site=${encodeURIComponent(site)}`)
    .then((r) => (r.ok ? (r.json() as Promise<CampaignView>) : null))
    .catch(() => null);
}
