// The only SQL for staff users, their roles per site and their console sessions.
import type { Db } from '../platform/db.ts';
import type { StaffRole, StaffSessionsTable, StaffUsersTable } from './tables.ts';

export type StaffUserRow = StaffUsersTable;

export function createStaffStore(db: Db) {
  return {
    findByEmail(email: string): Promise<StaffUserRow | undefined> {
      return db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst();
    },

    findById(id: string): Promise<StaffUserRow | undefined> {
      return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    list(): Promise<StaffUserRow[]> {
      return db.selectFrom('staff_users').selectAll().orderBy('email').execute();
    },

    /** False when the e-mail is taken. */
    async insert(user: StaffUserRow): Promise<boolean> {
      const result = await db.insertInto('staff_users').values(user).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async update(id: string, changes: Partial<Pick<StaffUserRow, 'password_hash' | 'global_admin' | 'disabled'>>, at: number): Promise<void> {
      await db.updateTable('staff_users').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
    },

    rolesOf(userIds: string[]): Promise<Array<{ user_id: string; site_id: string; role: StaffRole }>> {
      if (userIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('staff_roles').selectAll().where('user_id', 'in', userIds).orderBy('site_id').execute();
    },

    async setRoles(userId: string, roles: Array<{ site: string; role: StaffRole }>): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('staff_roles').where('user_id', '=', userId).execute();
        if (roles.length) await trx.insertInto('staff_roles').values(roles.map((r) => ({ user_id: userId, site_id: r.site, role: r.role }))).execute();
      });
    },

    async insertSession(session: StaffSessionsTable): Promise<void> {
      await db.insertInto('staff_sessions').values(session).execute();
    },

    /** The live session with this token hash and its user, if neither is revoked, expired or disabled. */
    findSession(tokenHash: string, now: number) {
      return db
        .selectFrom('staff_sessions')
        .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
        .select(['staff_sessions.id as session_id', 'staff_sessions.expires_at', 'staff_users.id', 'staff_users.email', 'staff_users.global_admin'])
        .where('staff_sessions.token_hash', '=', tokenHash)
        .where('staff_sessions.revoked_at', 'is', null)
        .where('staff_sessions.expires_at', '>', now)
        .where('staff_users.disabled', '=', 0)
        .executeTakeFirst();
    },

    async revokeSession(id: string, at: number): Promise<void> {
      await db.updateTable('staff_sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },

    async revokeSessionsOf(userId: string, at: number, except?: string): Promise<void> {
      let query = db.updateTable('staff_sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (except) query = query.where('id', '!=', except);
      await query.execute();
    },

    /** Drops sessions that ended long ago, so the table does not grow forever. */
    async sweepSessions(before: number): Promise<void> {
      await db.deleteFrom('staff_sessions').where('expires_at', '<', before).execute();
    },
  };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
