// Live updates: new comments are counted (shown on demand, content never jumps);
// edits, deletions and votes trigger a quiet, debounced refresh of the first page; a changed
// campaign goes to onCampaign (the goal bar), keep it stable (a dispatch).
import { useEffect } from 'preact/hooks';
import type { Api } from './api.ts';
import { subscribe } from './live.ts';
import type { ThreadActions } from './useThread.ts';

const REFRESH_DELAY = 2000;
const NOTHING = (): void => {};

export function useLive(api: Api, actions: ThreadActions, enabled: boolean, onCampaign: () => void = NOTHING): void {
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = subscribe(api.eventsUrl(), (event, id) => {
      if (event === 'comment.created' || event === 'comment.approved') return actions.arrived(id);
      if (event === 'campaign.updated') return onCampaign();
      // Events were lost meanwhile, a campaign change among them perhaps: redraw the bar too.
      if (event === 'reset') onCampaign();
      clearTimeout(timer);
      timer = setTimeout(() => void actions.refresh().catch(() => {}), REFRESH_DELAY);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [api, actions, enabled, onCampaign]);
}
