// The console's API for editor questions (docs/ADMIN-API.md "Inline questions"): the site's
// articles, an article's HTML read on the server (article-fetch.ts), and questions to list,
// place, change and remove. Site admins only; every change is audited.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { ThreadDirectory } from '../comments/thread-directory.ts';
import type { AuditService } from '../moderation/audit.ts';
import { notFound } from '../platform/errors.ts';
import { enforce, type Limit, type RateLimiter } from '../platform/rate-limit.ts';
import type { Site, SiteService } from '../sites/service.ts';
import type { StaffGuard } from '../staff/guard.ts';
import type { StaffUser } from '../staff/service.ts';
import { fetchArticle } from './article-fetch.ts';
import type { QuestionRow, QuestionStore } from './question-store.ts';
import type { Questions } from './questions.ts';
import { ArticleQuery, ArticlesQuery, QuestionBody, QuestionParams, QuestionPatchBody, QuestionsQuery } from './schema.ts';

export interface InlineAdminDeps {
  guard: StaffGuard;
  sites: SiteService;
  questions: Questions;
  store: QuestionStore;
  threads: ThreadDirectory;
  audit: AuditService;
  limiter: RateLimiter;
  /** INLINE_FETCH_PRIVATE: the console may read articles on private addresses. */
  fetchPrivate: boolean;
}

const tags = ['inline admin'];
const PREFIX = '/api/v1/admin/inline';
/** Each read makes the server fetch from the publisher's site: a stolen or careless session must not hammer it. */
const ARTICLE_READS: Limit = { name: 'inline:article', max: 20, windowMs: 60_000 };

export async function inlineAdminRoutes(app: FastifyInstance, deps: InlineAdminDeps): Promise<void> {
  // A session first (401, before the body is validated), then CSRF and same origin for writes.
  app.addHook('onRequest', (request) => deps.guard.authenticate(request));

  /** The site, if the signed-in user is its admin: 403 before 404, so others learn nothing of other sites. */
  async function siteOf(request: FastifyRequest, siteId: string): Promise<{ site: Site; user: StaffUser }> {
    const user = deps.guard.require(request, siteId, 'admin');
    return { site: await deps.sites.require(siteId), user };
  }

  /** The question and its site, if the user is the site's admin. */
  async function questionOf(request: FastifyRequest): Promise<{ row: QuestionRow; site: Site; user: StaffUser }> {
    deps.guard.session(request);
    const row = await deps.store.find((request.params as Static<typeof QuestionParams>).id);
    if (!row) throw notFound('question_not_found', 'No such question');
    return { row, ...(await siteOf(request, row.site_id)) };
  }

  const log = (user: StaffUser, site: Site, action: string, id: string, change: { before?: unknown; after?: unknown }) =>
    deps.audit.log({ actor: user, site: site.id, action, targetType: 'inline_question', targetId: id, ...change });

  app.get(`${PREFIX}/articles`, { schema: { tags, summary: "The site's articles with a known address, most recently active first", querystring: ArticlesQuery } }, async (request) => {
    const { site } = await siteOf(request, (request.query as Static<typeof ArticlesQuery>).site);
    return { articles: await deps.threads.recent(site.id, 100) };
  });

  app.get(`${PREFIX}/article`, { schema: { tags, summary: "An article's HTML, read by the server from one of the site's origins (never rendered by the console)", querystring: ArticleQuery } }, async (request) => {
    const q = request.query as Static<typeof ArticleQuery>;
    const { site, user } = await siteOf(request, q.site);
    await enforce(deps.limiter, [[ARTICLE_READS, user.id]]);
    return fetchArticle(q.url, { allowed: (url) => site.origins.includes(url.origin), allowPrivate: deps.fetchPrivate });
  });

  app.get(`${PREFIX}/questions`, { schema: { tags, summary: "The site's questions (of one page, or all), newest first, with their answer counts", querystring: QuestionsQuery } }, async (request) => {
    const q = request.query as Static<typeof QuestionsQuery>;
    const { site } = await siteOf(request, q.site);
    return deps.questions.list(site, q.page, q.cursor, q.limit ?? 50);
  });

  app.post(`${PREFIX}/questions`, { schema: { tags, summary: 'Place a question on a passage of a page', body: QuestionBody } }, async (request, reply) => {
    const body = request.body as Static<typeof QuestionBody>;
    const { site, user } = await siteOf(request, body.site);
    const question = await deps.questions.create(site, body, user.id);
    await log(user, site, 'inline.question.create', question.id, { after: question });
    return reply.code(201).send({ question });
  });

  app.patch(`${PREFIX}/questions/:id`, { schema: { tags, summary: "Change a question's text, passage or address", params: QuestionParams, body: QuestionPatchBody } }, async (request) => {
    const { row, site, user } = await questionOf(request);
    const { before, after } = await deps.questions.update(site, row.id, request.body as Static<typeof QuestionPatchBody>);
    await log(user, site, 'inline.question.update', row.id, { before, after });
    return { question: after };
  });

  app.delete(`${PREFIX}/questions/:id`, { schema: { tags, summary: 'Remove a question (its answers stay in the thread)', params: QuestionParams } }, async (request) => {
    const { row, site, user } = await questionOf(request);
    const question = await deps.questions.remove(site, row.id);
    await log(user, site, 'inline.question.delete', row.id, { before: question });
    return { question };
  });
}
