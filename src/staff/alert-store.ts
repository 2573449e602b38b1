// The only SQL for moderator_alerts: each staff member's alert choices per site, and who is to
// hear of a new held comment or report (a live account that still has a role on the site).
import type { Db } from '../platform/db.ts';
import type { AlertMode, ModeratorAlertsTable } from './tables.ts';

export type AlertRow = ModeratorAlertsTable;
export type AlertTopic = 'pending' | 'reports';

export interface AlertWatcher {
  userId: string;
  email: string;
  mode: AlertMode;
}

export function createAlertStore(db: Db) {
  return {
    ofUser(userId: string): Promise<AlertRow[]> {
      return db.selectFrom('moderator_alerts').selectAll().where('user_id', '=', userId).execute();
    },

    async save(row: AlertRow): Promise<void> {
      const { user_id: _user, site_id: _site, ...changes } = row;
      await db.insertInto('moderator_alerts').values(row).onConflict((oc) => oc.columns(['user_id', 'site_id']).doUpdateSet(changes)).execute();
    },

    /** Staff who want `topic` on the site: not disabled, and a global admin or holding a role there. */
    watchers(siteId: string, topic: AlertTopic): Promise<AlertWatcher[]> {
      return db
        .selectFrom('moderator_alerts as a')
        .innerJoin('staff_users as u', 'u.id', 'a.user_id')
        .select(['u.id as userId', 'u.email as email', 'a.mode as mode'])
        .where('a.site_id', '=', siteId)
        .where(`a.${topic}`, '=', 1)
        .where('u.disabled', '=', 0)
        .where((eb) =>
          eb.or([
            eb('u.global_admin', '=', 1),
            eb.exists(eb.selectFrom('staff_roles as r').select('r.user_id').whereRef('r.user_id', '=', 'u.id').whereRef('r.site_id', '=', 'a.site_id')),
          ]),
        )
        .orderBy('u.id')
        .execute();
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
