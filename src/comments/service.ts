// Rules of the discussion: threads, comments, replies, edits, deletions and votes.
// No HTTP here; routes.ts translates requests into these calls.
import type { Transaction } from 'kysely';
import type { Bus, CommentEvent } from '../platform/bus.ts';
import { badRequest, forbidden, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { newToken, sha256, tokenMatches } from '../platform/secrets.ts';
import type { Database } from '../platform/schema.ts';
import type { Site, SiteService } from '../sites/service.ts';
import { actorKey, keyOn, type Actor } from './actor.ts';
import { decodePathCursor, decodeRootCursor, encodePathCursor, encodeRootCursor } from './cursor.ts';
import { placeReply } from './placement.ts';
import { renderMarkdown } from './render.ts';
import type { CommentRow, CommentStore, Sort, ThreadRow } from './store.ts';
import { optionalText, requireText } from './text.ts';
import { commentEvent } from './events.ts';
import { editedStatus, editEvent, ownStatus, type Status, type Verdict } from './verdict.ts';
import { buildTree, toView, type CommentView } from './view.ts';
import { isVisible } from './visibility.ts';
import { anchorColumns, NO_ANCHOR, type AnchorInputValue } from '../inline/validate.ts';
import type { InlineSettings } from '../inline/settings.ts';

export type { Status, Verdict };

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

export { actorKey, type Actor, type ActorAccount } from './actor.ts';

export interface Draft {
  site: Site;
  thread: ThreadRow;
  parent: CommentRow | null;
  authorName: string;
  authorEmail: string | null;
  body: string;
  actor: Actor;
  /** The comment being edited; absent for a new comment. */
  editing?: CommentRow;
  /** Anti-bot fields of the POST body (honeypot `hp`, ALTCHA solution `altcha`); absent on edits. */
  bot?: { honeypot?: string | null; altcha?: string | null };
}

/** Decides a new or edited comment's status; moderation/service.ts provides the real one. It
 * may throw (403 thread_closed, 429) to refuse the comment outright, storing nothing. */
export type Moderate = (draft: Draft) => Promise<Verdict>;

export const approveAll: Moderate = async () => ({ status: 'approved' });

/** E-mail the author asks for with their comment (the notify module subscribes them). */
export type NotifyChoice = 'none' | 'thread' | 'replies' | 'both';

/** Durable side effects of a new comment, written in the transaction that inserts it (the outbox). */
export interface CommentEffects {
  created(trx: Transaction<Database>, change: { site: Site; thread: ThreadRow; comment: CommentRow; notify: NotifyChoice; reasons?: Verdict['reasons'] }): Promise<void>;
  /** In an edit's transaction: `status` is what the edit left the comment in. */
  edited?(trx: Transaction<Database>, change: { before: CommentRow; status: string; at: number; reasons?: Verdict['reasons'] }): Promise<void>;
}

export interface NewComment {
  site: string;
  page: string;
  url?: string;
  title?: string;
  parentId?: string;
  author: { name: string; email?: string };
  body: string;
  /** The widget's honeypot field: people leave it empty. */
  hp?: string;
  /** A solved ALTCHA challenge (base64 JSON payload). */
  altcha?: string;
  notify?: NotifyChoice;
  /** The passage of the article the comment is about (inline feedback; top-level comments only). */
  anchor?: AnchorInputValue;
}

export interface ThreadPage {
  thread: { id: string | null; page: string; url: string | null; title: string | null; commentCount: number; closed: boolean };
  config: { maxDepth: number; editWindowSeconds: number; theme: string; inline: InlineSettings };
  comments: CommentView[];
  nextCursor: string | null;
}

export interface Deps {
  store: CommentStore;
  sites: SiteService;
  bus: Bus;
  moderate?: Moderate;
  effects?: CommentEffects;
  now?: () => number;
}

const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

const parentNotFound = () => badRequest('parent_not_found', 'parentId is not a comment in this thread', 'parentId');

/** The stored form of a page key. Callers that key caches by page must use it too. */
export function pageKey(page: string): string {
  return requireText(page, { field: 'page', max: limits.pageKey });
}

export function createCommentService({ store, sites, bus, moderate = approveAll, effects, now = Date.now }: Deps) {
  function publish(type: CommentEvent['type'], thread: ThreadRow, comment: CommentRow, extra: Record<string, unknown> = {}) {
    bus.publish(commentEvent(type, { siteId: thread.site_id, threadId: thread.id, pageKey: thread.page_key }, comment, now(), extra));
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

  /** Authorises an author's change: their account or a valid edit token, within the site's edit window. */
  async function requireOwnComment(id: string, editToken: string | undefined, actor: Actor) {
    const found = await requireComment(id, actor);
    if (found.comment.deleted) throw notFound('comment_not_found', 'No such comment');
    keyOn(actor, found.site);
    const byAccount = !!actor.account && found.comment.account_id === actor.account.id;
    if (!byAccount && (!editToken || !tokenMatches(editToken, found.comment.edit_token_hash))) {
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
      const config = { maxDepth: site.settings.maxDepth, editWindowSeconds: site.settings.editWindowSeconds, theme: site.settings.theme, inline: site.settings.inline };
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
      const authorKey = keyOn(actor, site);
      // A signed-in reader writes under their account's name; the guest fields are ignored.
      const account = actor.account ?? null;
      const authorName = account ? account.name : requireText(input.author.name, { field: 'author.name', max: limits.name });
      const authorEmail = account ? account.email : optionalText(input.author.email, { field: 'author.email', max: limits.email });
      if (!account && authorEmail !== null && !EMAIL.test(authorEmail)) throw badRequest('invalid_email', 'author.email is not an e-mail address', 'author.email');
      const body = requireText(input.body, { field: 'body', max: limits.body, multiline: true });
      const url = optionalText(input.url, { field: 'url', max: limits.url });
      if (url !== null && !/^https?:\/\/[^\s]+$/i.test(url)) throw badRequest('invalid_url', 'url must be an http(s) URL', 'url');
      const title = optionalText(input.title, { field: 'title', max: limits.title });
      const notify = input.notify ?? 'none';
      if (notify !== 'none' && !authorEmail) throw badRequest('email_required', 'notify needs an e-mail address in author.email', 'author.email');
      const anchor = input.anchor === undefined ? NO_ANCHOR : anchorColumns(input.anchor, input.parentId !== undefined);

      // Refuse before ensureThread, which creates the thread and fills in its url and title:
      // a refused comment must change nothing.
      const key = pageKey(input.page);
      const existing = await store.findThread(site.id, key);
      if (existing?.closed) throw forbidden('thread_closed', 'This discussion is closed');

      let parent: CommentRow | null = null;
      if (input.parentId !== undefined) {
        parent = (await store.findComment(input.parentId)) ?? null;
        if (!parent || !existing || parent.thread_id !== existing.id || !parent.listed || !isVisible(parent)) {
          throw parentNotFound();
        }
      }

      const at = now();
      // Most comments go to a thread that exists and already knows its url and title.
      const complete = existing && (url === null || existing.url !== null) && (title === null || existing.title !== null);
      const thread = complete ? existing : await store.ensureThread({
        id: newId(at), site_id: site.id, page_key: key, url, title,
        closed: 0, comment_count: 0, created_at: at, updated_at: at,
      });

      const bot = { honeypot: input.hp ?? null, altcha: input.altcha ?? null };
      const verdict = await moderate({ site, thread, parent, authorName, authorEmail, body, actor, bot });
      const { status } = verdict;
      const shadow = verdict.shadow ? 1 : 0;
      const id = newId(at);
      const place = placeReply(id, parent, site.settings.maxDepth);
      const editToken = newToken();
      const comment: CommentRow = {
        id, thread_id: thread.id, site_id: site.id, ...place,
        author_name: authorName, author_email: authorEmail, author_key: authorKey, ip_hash: actor.ipHash, ip_prefix_hash: actor.ipPrefixHash ?? null,
        account_id: account?.id ?? null, author_avatar: account?.avatar ?? null,
        body, html: renderMarkdown(body), status, shadow, listed: isVisible({ status, shadow, deleted: 0 }) ? 1 : 0,
        score: 0, up: 0, down: 0, child_count: 0, deleted: 0, edit_token_hash: sha256(editToken),
        created_at: at, edited_at: null, deleted_at: null, pipeline_timings: verdict.pipelineTimings ?? null, ...anchor,
        // A reply is part of its conversation's passage: counted with it, shown without a quote.
        ...(parent?.anchor_key ? { anchor_key: parent.anchor_key } : {}),
      };
      // One transaction: the comment, its counters, the moderation decision, the outbox rows.
      const written = await store.insertComment(comment, async (trx) => {
        await verdict.write?.(trx, id);
        await effects?.created(trx, { site, thread, comment, notify, reasons: verdict.reasons });
      });
      if (!written) throw parentNotFound();
      await verdict.stored?.(id);
      publish('comment.created', thread, comment);
      return { comment: toView(comment), status: verdict.answer ?? ownStatus(comment), editToken };
    },

    async edit(id: string, input: { body: string }, editToken: string | undefined, actor: Actor) {
      const { comment, thread, site } = await requireOwnComment(id, editToken, actor);
      const body = requireText(input.body, { field: 'body', max: limits.body, multiline: true });
      // Edits pass the pipeline again: a published comment whose edit is held leaves the thread.
      const parent = comment.parent_id ? ((await store.findComment(comment.parent_id)) ?? null) : null;
      const verdict = await moderate({ site, thread, parent, authorName: comment.author_name, authorEmail: comment.author_email, body, actor, editing: comment });
      const at = now();
      const edit = { body, html: renderMarkdown(body), at, ...editedStatus(comment, verdict) };
      const updated = await store.saveEdit(comment, edit, async (trx) => {
        await verdict.write?.(trx, id);
        await effects?.edited?.(trx, { before: comment, status: edit.status, at, reasons: verdict.reasons });
      });
      await verdict.stored?.(id);
      const event = editEvent(comment, updated);
      publish(event.type, thread, event.row, event.extra);
      return { comment: toView(updated), status: ownStatus(updated) };
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
      if (!actorKey(actor)) throw badRequest('visitor_required', 'Voting needs the X-Colloquy-Visitor header', 'X-Colloquy-Visitor');
      const { comment, thread, site } = await requireComment(id, actor);
      const voterKey = keyOn(actor, site)!;
      if (!comment.listed || !isVisible(comment)) throw notFound('comment_not_found', 'No such comment');
      if (comment.author_key === voterKey) throw forbidden('own_comment', 'You cannot vote on your own comment');
      const tally = await store.vote(id, thread.id, voterKey, value, now());
      publish('comment.voted', thread, comment, tally);
      return { ...tally, value };
    },

    /** What is personal to one visitor on a page: their votes and their comments awaiting review. */
    async mine(site: Site, page: string, actor: Actor) {
      const key = keyOn(actor, site);
      const thread = key ? await store.findThread(site.id, pageKey(page)) : undefined;
      if (!thread || !key) return { votes: {}, pending: [] };
      const [votes, pending] = await Promise.all([store.votesOf(thread.id, key), store.pendingOf(thread.id, key)]);
      // Shadow-banned comments come back as published: their author must not notice.
      return { votes, pending: pending.map((row) => ({ ...toView(row), status: ownStatus(row), awaitingModeration: row.status === 'pending' })) };
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
