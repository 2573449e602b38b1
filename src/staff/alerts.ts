// Moderator alert preferences: per site, e-mail about new held comments and/or new reader
// reports, at once or in an hourly or daily digest. Every staff member chooses for the sites
// they have a role on; the notify module asks `watchers` whom to write to.
import { forbidden } from '../platform/errors.ts';
import type { AlertStore, AlertTopic, AlertWatcher } from './alert-store.ts';
import { roleOn, type StaffUser } from './service.ts';
import type { AlertMode, StaffRole } from './tables.ts';

export type { AlertMode, AlertTopic, AlertWatcher };
export const ALERT_MODES = ['immediate', 'hourly', 'daily'] as const satisfies readonly AlertMode[];

export interface AlertChoice {
  pending: boolean;
  reports: boolean;
  mode: AlertMode;
}

export interface SiteAlerts extends AlertChoice {
  site: string;
  role: StaffRole;
}

const OFF: AlertChoice = { pending: false, reports: false, mode: 'immediate' };

export function createStaffAlerts({ store, now = Date.now }: { store: AlertStore; now?: () => number }) {
  return {
    /** The user's choices on each of `siteIds` they have a role on (off where never chosen). */
    async of(user: StaffUser, siteIds: string[]): Promise<SiteAlerts[]> {
      const saved = new Map((await store.ofUser(user.id)).map((row) => [row.site_id, row]));
      return siteIds.flatMap((site) => {
        const role = roleOn(user, site);
        if (!role) return [];
        const row = saved.get(site);
        const choice = row ? { pending: row.pending === 1, reports: row.reports === 1, mode: row.mode } : OFF;
        return [{ site, role, ...choice }];
      });
    },

    /** Saves the user's choice for a site they have a role on (403 otherwise). */
    async set(user: StaffUser, siteId: string, choice: AlertChoice): Promise<void> {
      if (!roleOn(user, siteId)) throw forbidden('forbidden', `You may not do this on site "${siteId}"`);
      await store.save({ user_id: user.id, site_id: siteId, pending: choice.pending ? 1 : 0, reports: choice.reports ? 1 : 0, mode: choice.mode, updated_at: now() });
    },

    watchers: (siteId: string, topic: AlertTopic): Promise<AlertWatcher[]> => store.watchers(siteId, topic),
  };
}

export type StaffAlerts = ReturnType<typeof createStaffAlerts>;
