// What every admin route file needs: the services, and the checks that turn a request into a
// site or comment the signed-in user may act on (401 without a session, 403 without the role).
import type { FastifyRequest } from 'fastify';
import type { CommentModeration } from '../../comments/moderation.ts';
import type { CommentRow } from '../../comments/store.ts';
import { optionalText } from '../../comments/text.ts';
import { notFound } from '../../platform/errors.ts';
import type { Site, SiteService } from '../../sites/service.ts';
import type { StaffGuard } from '../../staff/guard.ts';
import type { StaffRole, StaffService, StaffUser } from '../../staff/service.ts';
import type { ActionService } from '../actions.ts';
import type { AuditService } from '../audit.ts';
import type { BanService } from '../bans.ts';
import type { DecisionStore } from '../decision-store.ts';
import type { ReportService } from '../reports.ts';
import type { ModerationService } from '../service.ts';
import { adminComments, type ViewDeps } from './view.ts';

export interface AdminDeps {
  guard: StaffGuard;
  staff: StaffService;
  sites: SiteService;
  comments: CommentModeration;
  moderation: ModerationService;
  bans: BanService;
  reports: ReportService;
  actions: ActionService;
  audit: AuditService;
  decisions: DecisionStore;
}

export const tags = ['admin'];
export const PREFIX = '/api/v1/admin';

export function adminContext(deps: AdminDeps) {
  const viewDeps: ViewDeps = { decisions: deps.decisions, reports: deps.reports, emails: (ids) => deps.staff.emails(ids) };

  return {
    ...deps,

    /** The site, if the user has `role` on it: 403 first, so others learn nothing of other sites. */
    async site(request: FastifyRequest, siteId: string, role: StaffRole): Promise<{ site: Site; user: StaffUser }> {
      const user = deps.guard.require(request, siteId, role);
      return { site: await deps.sites.require(siteId), user };
    },

    /** The comment, if the user has `role` on its site. */
    async comment(request: FastifyRequest, id: string, role: StaffRole): Promise<{ comment: CommentRow; user: StaffUser }> {
      deps.guard.session(request);
      const comment = await deps.comments.find(id);
      if (!comment) throw notFound('comment_not_found', 'No such comment');
      return { comment, user: deps.guard.require(request, comment.site_id, role) };
    },

    async views(ids: string[]) {
      return adminComments(await deps.comments.byIds(ids), viewDeps);
    },

    async view(id: string) {
      return (await this.views([id]))[0]!;
    },

    viewDeps,
  };
}

export type AdminContext = ReturnType<typeof adminContext>;

/** A staff note or reason: cleaned like any other text (NFC, no controls); empty means none. */
export function note(value: string | null | undefined, field = 'note'): string | null {
  return value === null || value === undefined ? null : optionalText(value, { field, max: 1000, multiline: true });
}

/** Pages of rows keyed by time-sortable ids: fetch limit + 1, the cursor is the last id shown. */
export function paged<T>(rows: T[], limit: number, idOf: (row: T) => string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? idOf(page.at(-1)!) : null };
}
