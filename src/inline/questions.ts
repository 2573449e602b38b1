// Editor questions placed through the console: rules, no HTTP. A question is a passage of a
// page (the same W3C selectors and text hash a reader's comment stores, over the same article
// text) with the editor's question; the widget shows it like a data-colloquy-feedback
// question, and answers are comments whose anchor names its feedbackId.
import type { PassageStore } from '../comments/passage-store.ts';
import { pageKey } from '../comments/service.ts';
import { requireText } from '../comments/text.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { Site } from '../sites/service.ts';
import type { QuestionRow, QuestionStore } from './question-store.ts';
import { normalizeAnchor, type AnchorInputValue, type StoredAnchor } from './validate.ts';

export const QUESTION_MAX = 300;
const PER_PAGE = 200;

export type QuestionAnchorInput = Omit<AnchorInputValue, 'feedbackId'>;

export interface QuestionInput {
  page: string;
  url: string;
  question: string;
  anchor: QuestionAnchorInput;
}

/** What readers' widgets get: enough to anchor and ask it. */
export interface PublicQuestion {
  key: string;
  feedbackId: string;
  question: string;
  anchor: StoredAnchor & { key: string };
}

export interface QuestionView extends PublicQuestion {
  id: string;
  site: string;
  page: string;
  url: string;
  /** Public answers (and their replies). */
  answers: number;
  createdAt: string;
  updatedAt: string;
}

/** The question's passage key: answers carry its feedbackId, as for attribute-placed questions. */
const keyOf = (row: Pick<QuestionRow, 'feedback_id'>) => `f:${row.feedback_id}`;

function publicView(row: QuestionRow): PublicQuestion {
  const key = keyOf(row);
  const anchor = { key, ...(JSON.parse(row.anchor) as StoredAnchor), feedbackId: row.feedback_id };
  return { key, feedbackId: row.feedback_id, question: row.question, anchor };
}

function cleanUrl(url: string, site: Site): string {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) throw badRequest('invalid_url', 'url must be an http(s) URL', 'url');
  // The article must be one of the site's pages: the console fetches it, and readers see it there.
  if (!site.origins.includes(parsed.origin)) throw badRequest('origin_not_allowed', `url must be on one of the site's origins (${site.origins.filter((o) => o !== '*').join(', ') || 'none set'})`, 'url');
  return parsed.href;
}

export function createQuestions(deps: { store: QuestionStore; passages: PassageStore; now?: () => number }) {
  const now = deps.now ?? Date.now;

  async function views(site: Site, rows: QuestionRow[]): Promise<QuestionView[]> {
    const counts = await deps.passages.counts(site.id, rows.map(keyOf));
    return rows.map((row) => ({
      ...publicView(row),
      id: row.id,
      site: row.site_id,
      page: row.page_key,
      url: row.url,
      answers: counts.get(keyOf(row)) ?? 0,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }

  /** The question, if it is the site's: another site's question is as missing as none. */
  async function require(site: Site, id: string): Promise<QuestionRow> {
    const row = await deps.store.find(id);
    if (!row || row.site_id !== site.id) throw notFound('question_not_found', 'No such question');
    return row;
  }

  return {
    /** For the widget: the page's questions (served with its passages). */
    async ofPage(site: Site, page: string): Promise<PublicQuestion[]> {
      return (await deps.store.ofPage(site.id, pageKey(page), PER_PAGE)).map(publicView);
    },

    async list(site: Site, page: string | undefined, cursor: string | undefined, limit: number) {
      const rows = await deps.store.list(site.id, page === undefined ? null : pageKey(page), cursor ?? null, limit + 1);
      const shown = rows.slice(0, limit);
      return { questions: await views(site, shown), nextCursor: rows.length > limit ? shown.at(-1)!.id : null };
    },

    async get(site: Site, id: string): Promise<QuestionView> {
      return (await views(site, [await require(site, id)]))[0]!;
    },

    async create(site: Site, input: QuestionInput, staffId: string): Promise<QuestionView> {
      const at = now();
      const id = newId(at);
      const row: QuestionRow = {
        id,
        site_id: site.id,
        page_key: pageKey(input.page),
        url: cleanUrl(input.url, site),
        feedback_id: `cq-${id}`,
        question: requireText(input.question, { field: 'question', max: QUESTION_MAX }),
        anchor: JSON.stringify(normalizeAnchor(input.anchor)),
        created_by: staffId,
        created_at: at,
        updated_at: at,
      };
      await deps.store.insert(row);
      return (await views(site, [row]))[0]!;
    },

    /** Changes the question's text, passage or address; the page and feedbackId stay (answers keep their question). */
    async update(site: Site, id: string, changes: Partial<Omit<QuestionInput, 'page'>>): Promise<{ before: QuestionView; after: QuestionView }> {
      // Unknown fields are dropped before this: a change of none of these is not a change.
      if (changes.question === undefined && changes.anchor === undefined && changes.url === undefined) {
        throw badRequest('invalid_request', 'Give at least one of question, url, anchor');
      }
      const row = await require(site, id);
      const next: QuestionRow = {
        ...row,
        question: changes.question === undefined ? row.question : requireText(changes.question, { field: 'question', max: QUESTION_MAX }),
        anchor: changes.anchor === undefined ? row.anchor : JSON.stringify(normalizeAnchor(changes.anchor)),
        url: changes.url === undefined ? row.url : cleanUrl(changes.url, site),
        updated_at: now(),
      };
      await deps.store.update(id, { question: next.question, anchor: next.anchor, url: next.url, updated_at: next.updated_at });
      const [before, after] = await views(site, [row, next]);
      return { before: before!, after: after! };
    },

    async remove(site: Site, id: string): Promise<QuestionView> {
      const view = (await views(site, [await require(site, id)]))[0]!;
      if (!(await deps.store.remove(id))) throw notFound('question_not_found', 'No such question');
      return view;
    },
  };
}

export type Questions = ReturnType<typeof createQuestions>;
