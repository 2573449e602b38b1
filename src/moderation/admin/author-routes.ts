// A comment's author: their other comments and standing on the site, and other identities
// that posted from the same IP addresses (sockpuppets).
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { authorRefOf } from '../../comments/moderation-store.ts';
import { adminComments } from './view.ts';
import { PREFIX, paged, tags, type AdminContext } from './context.ts';
import { CursorQuery, IdParams } from './schema.ts';

const BY = { key: 'visitor', email: 'email', ip: 'ip' } as const;
const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export async function authorRoutes(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  app.get(`${PREFIX}/comments/:id/author`, { schema: { tags, summary: "The comment's author: history, counts and bans", params: IdParams, querystring: CursorQuery } }, async (request) => {
    const { comment } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    const q = request.query as Static<typeof CursorQuery>;
    const limit = q.limit ?? 50;
    const identity = { accountId: comment.account_id ?? null, email: comment.author_email, visitorKey: comment.author_key?.startsWith('account:') ? null : comment.author_key, ipHash: comment.ip_hash };
    const author = { name: comment.author_name, email: comment.author_email, visitorKey: identity.visitorKey, ipHash: comment.ip_hash, accountId: identity.accountId };
    const ref = authorRefOf(comment);
    if (!ref) return { author, by: null, stats: { total: 0 }, bans: [], comments: [], nextCursor: null };
    const [rows, stats, bans] = await Promise.all([
      ctx.comments.byAuthor(comment.site_id, ref, q.cursor ?? null, limit + 1),
      ctx.comments.authorStats(comment.site_id, ref),
      ctx.bans.forAuthor(comment.site_id, identity),
    ]);
    const { page, nextCursor } = paged(rows, limit, (r) => r.id);
    const reported = (await ctx.reports.openTallies(page.map((r) => r.id))).size;
    const emails = await ctx.staff.emails(bans.map((b) => b.created_by));
    return {
      author,
      by: ref.by === 'key' && comment.account_id ? 'account' : BY[ref.by],
      stats: { ...stats, reported },
      bans: bans.map((b) => ctx.bans.view(b, emails)),
      comments: await adminComments(page, ctx.viewDeps),
      nextCursor,
    };
  });

  app.get(`${PREFIX}/comments/:id/sockpuppets`, { schema: { tags, summary: "Other identities seen on the author's IP addresses", params: IdParams } }, async (request) => {
    const { comment } = await ctx.comment(request, (request.params as Static<typeof IdParams>).id, 'moderator');
    const ref = authorRefOf(comment);
    const ips = ref ? await ctx.comments.ipHashesOf(comment.site_id, ref, 100) : [];
    if (comment.ip_hash && !ips.includes(comment.ip_hash)) ips.push(comment.ip_hash);
    const rows = await ctx.comments.identitiesOn(comment.site_id, ips, comment.author_key, 50);
    const names = await ctx.comments.namesOf(comment.site_id, rows.map((r) => r.author_key!));
    return {
      identities: rows.map((r) => {
        const mine = names.filter((n) => n.author_key === r.author_key);
        return {
          visitorKey: r.author_key,
          names: [...new Set(mine.map((n) => n.author_name))],
          emails: [...new Set(mine.flatMap((n) => (n.author_email ? [n.author_email] : [])))],
          comments: Number(r.comments),
          sharedIps: Number(r.shared_ips),
          firstSeen: iso(r.first_seen as number | null),
          lastSeen: iso(r.last_seen as number | null),
          statuses: { approved: Number(r.approved), pending: Number(r.pending), rejected: Number(r.rejected), spam: Number(r.spam) },
        };
      }),
    };
  });
}
