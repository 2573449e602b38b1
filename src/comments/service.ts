// Rules of the discussion: threads, comments, replies, edits, deletions and votes.
// No HTTP here; routes.ts translates requests into these calls.
import type { Bus, CommentEvent } from '../platform/bus.ts';
import { badRequest, forbidden, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { newToken, sha256, tokenMatches } from '../platform/secrets.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { decodePathCursor, decodeRootCursor, encodePathCursor, encodeRootCursor } from './cursor.ts';
import { placeReply } from './placement.ts';
import { renderMarkdown } from './render.ts';
import type { CommentRow, CommentStore, Sort, ThreadRow } from './store.ts';
import { optionalText, requireText } from './text.ts';
import { buildTree, toView, type CommentView } from './view.ts';

export type Status = 'approved' | 'pending' | 'rejected' | 'spam';

export const limits = {
  body: 10_000,
  name: 80,
  email: 254,
  url: 2048,
  title: 300,
  pageKey: 500,
  pageSize: 100,
  repliesPerRoot: 20,
} as const;

/** Who is acting: keyed hashes of the browser's visitor token and of the client IP. */
export interface Actor {
  visitorKey: string | null;
  ipHash: string | null;
  /** Origin of a cross-origin browser request; undefined when same-origin or not a browser. */
  origin?: string;
}

export interface Draft {
  site: Site;
  thread: ThreadRow;
  parent: CommentRow | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  actor: Actor;
}

/** Decides a new comment's status. The moderation module (issue #3) provides the real one. */
export type Moderate = (draft: Draft) => Promise<{ status: Status }>;

export const approveAll: Moderate = async () => ({ status: 'approved' });

export interface NewComment {
  site: string;
  page: string;
  url?: string;
  title?: string;
  parentId?: string;
  author: { name: string; email?: string };
  body: string;
}

export interface ThreadPage {
  thread: { id: string | null; page: string; url: string | null; title: string | null; commentCount: number; closed: boolean };
  config: { maxDepth: number; editWindowSeconds: number; theme: string };
  comments: CommentView[];
  nextCursor: string | null;
}

export interface Deps {
  store: CommentStore;
  sites: SiteService;
  bus: Bus;
  moderate?: Moderate;
  now?: () => number;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

const parentNotFound = () => badRequest('parent_not_found', 'parentId is not a comment in this thread', 'parentId');

/** The stored form of a page key. Callers that key caches by page must use it too. */
export function pageKey(page: string): string {
  return requireText(page, { field: 'page', max: limits.pageKey });
}

export function createCommentService({ store, sites, bus, moderate = approveAll, now = Date.now }: Deps) {
  function publish(type: CommentEvent['type'], thread: ThreadRow, comment: CommentRow, extra: Record<string, unknown> = {}) {
    const at = now();
    bus.publish({
      id: newId(at), type, siteId: thread.site_id, threadId: thread.id, pageKey: thread.page_key,
      commentId: comment.id, status: comment.status, at,
      data: { commentId: comment.id, parentId: comment.parent_id, ...extra },
    });
  }

  /** The comment, its thread and site, after checking the caller's origin may use the site. */
  async function requireComment(id: string, actor: Pick<Actor, 'origin'>) {
    const comment = await store.findComment(id);
    const thread = comment && (await store.findThreadById(comment.thread_id));
    if (!comment || !thread) throw notFound('comment_not_found', 'No such comment');
    const site = await sites.require(thread.site_id);
    sites.checkOrigin(site, actor.origin);
    return { comment, thread, site };
  }

  /** Authorises an author's change: a valid edit token, within the site's edit window. */
  async function requireOwnComment(id: string, editToken: string | undefined, actor: Actor) {
    const found = await requireComment(id, actor);
    if (found.comment.deleted) throw notFound('comment_not_found', 'No such comment');
    if (!editToken || !tokenMatches(editToken, found.comment.edit_token_hash)) {
      throw forbidden('not_author', 'Only the author can change this comment');
    }
    if (now() - found.comment.created_at > found.site.settings.editWindowSeconds * 1000) {
      throw forbidden('edit_window_closed', 'The time to edit or delete this comment has passed');
    }
    return found;
  }

  return {
    async page(site: Site, page: string, sort: Sort, cursor: string | undefined, limit: number): Promise<ThreadPage> {
      const key = pageKey(page);
      const after = decodeRootCursor(cursor);
      const thread = await store.findThread(site.id, key);
      const config = { maxDepth: site.settings.maxDepth, editWindowSeconds: site.settings.editWindowSeconds, theme: site.settings.theme };
      if (!thread) {
        return { thread: { id: null, page: key, url: null, title: null, commentCount: 0, closed: false }, config, comments: [], nextCursor: null };
      }
      const roots = await store.listRoots(thread.id, sort, after, limit + 1);
      const hasMore = roots.length > limit;
      const pageRoots = roots.slice(0, limit);
      const replies = await store.listReplies(pageRoots.map((r) => r.id), limits.repliesPerRoot);
      const last = pageRoots.at(-1);
      return {
        thread: { id: thread.id, page: thread.page_key, url: thread.url, title: thread.title, commentCount: thread.comment_count, closed: thread.closed === 1 },
        config,
        comments: buildTree(pageRoots, replies),
        nextCursor: hasMore && last ? encodeRootCursor({ id: last.id, score: last.score }) : null,
      };
    },

    /** Replies under a top-level comment after `cursor`, flat, in conversation order. */
    async replies(rootId: string, cursor: string | undefined, limit: number, actor: Pick<Actor, 'origin'>) {
      const { comment } = await requireComment(rootId, actor);
      if (!comment.listed) throw notFound('comment_not_found', 'No such comment');
      const rows = await store.listSubtree(comment.root_id, decodePathCursor(cursor), limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { comments: page.map(toView), nextCursor: rows.length > limit && last ? encodePathCursor(last.path) : null };
    },

    async create(site: Site, input: NewComment, actor: Actor) {
      const authorName = requireText(input.author.name, { field: 'author.name', max: limits.name });
      const authorEmail = optionalText(input.author.email, { field: 'author.email', max: limits.email });
      if (authorEmail !== null && !EMAIL.test(authorEmail)) throw badRequest('invalid_email', 'author.email is not an e-mail address', 'author.email');
      const body = requireText(input.body, { field: 'body', max: limits.body, multiline: true });
      const url = optionalText(input.url, { field: 'url', max: limits.url });
      if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) throw badRequest('invalid_url', 'url must be an http(s) URL', 'url');
      const title = optionalText(input.title, { field: 'title', max: limits.title });

      // Refuse before ensureThread, which creates the thread and fills in its url and title:
      // a refused comment must change nothing.
      const key = pageKey(input.page);
      const existing = await store.findThread(site.id, key);
      if (existing?.closed) throw forbidden('thread_closed', 'This discussion is closed');

      let parent: CommentRow | null = null;
      if (input.parentId !== undefined) {
        parent = (await store.findComment(input.parentId)) ?? null;
        if (!parent || !existing || parent.thread_id !== existing.id || !parent.listed || parent.deleted) {
          throw parentNotFound();
        }
      }

      const at = now();
      const thread = await store.ensureThread({
        id: newId(at), site_id: site.id, page_key: key, url, title,
        closed: 0, comment_count: 0, created_at: at, updated_at: at,
      });

      const { status } = await moderate({ site, thread, parent, authorName, authorEmail, body, actor });
      const id = newId(at);
      const place = placeReply(id, parent, site.settings.maxDepth);
      const editToken = newToken();
      const comment: CommentRow = {
        id, thread_id: thread.id, site_id: site.id, ...place,
        author_name: authorName, author_email: authorEmail, author_key: actor.visitorKey, ip_hash: actor.ipHash,
        body, html: renderMarkdown(body), status, listed: status === 'approved' ? 1 : 0,
        score: 0, up: 0, down: 0, child_count: 0, deleted: 0, edit_token_hash: sha256(editToken),
        created_at: at, edited_at: null, deleted_at: null,
      };
      if (!(await store.insertComment(comment))) throw parentNotFound();
      publish('comment.created', thread, comment);
      return { comment: toView(comment), status, editToken };
    },

    async edit(id: string, input: { body: string }, editToken: string | undefined, actor: Actor) {
      const { comment, thread } = await requireOwnComment(id, editToken, actor);
      const body = requireText(input.body, { field: 'body', max: limits.body, multiline: true });
      const html = renderMarkdown(body);
      const at = now();
      await store.updateBody(id, body, html, at);
      const updated = { ...comment, body, html, edited_at: at };
      publish('comment.updated', thread, updated);
      return { comment: toView(updated) };
    },

    async remove(id: string, editToken: string | undefined, actor: Actor) {
      const { comment, thread } = await requireOwnComment(id, editToken, actor);
      const at = now();
      const result = await store.deleteComment(id, at);
      // A concurrent request deleted it first: answer as if it came second.
      if (!result) throw notFound('comment_not_found', 'No such comment');
      const { placeholder } = result;
      const deleted = { ...comment, deleted: 1, deleted_at: at };
      // removed: gone from the thread; otherwise it stays as a placeholder for its replies.
      publish('comment.deleted', thread, deleted, { removed: !placeholder });
      return { comment: toView(deleted), removed: !placeholder };
    },

    async vote(id: string, value: number, actor: Actor) {
      if (!actor.visitorKey) throw badRequest('visitor_required', 'Voting needs the X-Colloquy-Visitor header', 'X-Colloquy-Visitor');
      const { comment, thread } = await requireComment(id, actor);
      if (!comment.listed || comment.deleted) throw notFound('comment_not_found', 'No such comment');
      if (comment.author_key === actor.visitorKey) throw forbidden('own_comment', 'You cannot vote on your own comment');
      const tally = await store.vote(id, thread.id, actor.visitorKey, value, now());
      publish('comment.voted', thread, comment, tally);
      return { ...tally, value };
    },

    /** What is personal to one visitor on a page: their votes and their comments awaiting review. */
    async mine(site: Site, page: string, actor: Actor) {
      const thread = actor.visitorKey ? await store.findThread(site.id, pageKey(page)) : undefined;
      if (!thread || !actor.visitorKey) return { votes: {}, pending: [] };
      const [votes, pending] = await Promise.all([store.votesOf(thread.id, actor.visitorKey), store.pendingOf(thread.id, actor.visitorKey)]);
      return { votes, pending: pending.map((row) => ({ ...toView(row), status: row.status })) };
    },

    /** Counts keyed by the page keys as asked, so clients find them whatever their spelling. */
    async counts(site: Site, pages: string[]) {
      const keys = new Map(pages.map((page) => [page, pageKey(page)]));
      const stored = await store.counts(site.id, [...new Set(keys.values())]);
      return { counts: Object.fromEntries([...keys].map(([asked, key]) => [asked, stored[key]])) };
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
