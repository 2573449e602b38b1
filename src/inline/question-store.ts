// The only place with SQL for inline_questions (editor questions placed through the console).
import type { Db } from '../platform/db.ts';
import type { InlineQuestionsTable } from './tables.ts';

export type QuestionRow = InlineQuestionsTable;

export function createQuestionStore(db: Db) {
  return {
    find(id: string): Promise<QuestionRow | undefined> {
      return db.selectFrom('inline_questions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A page's questions, oldest first (the widget's order does not matter: it sorts by position). */
    ofPage(siteId: string, pageKey: string, limit: number): Promise<QuestionRow[]> {
      return db.selectFrom('inline_questions').selectAll().where('site_id', '=', siteId).where('page_key', '=', pageKey).orderBy('id').limit(limit).execute();
    },

    /** A site's questions (of one page, or all), newest first, after the cursor `before` (an id). */
    list(siteId: string, pageKey: string | null, before: string | null, limit: number): Promise<QuestionRow[]> {
      let query = db.selectFrom('inline_questions').selectAll().where('site_id', '=', siteId);
      if (pageKey !== null) query = query.where('page_key', '=', pageKey);
      if (before !== null) query = query.where('id', '<', before);
      return query.orderBy('id', 'desc').limit(limit).execute();
    },

    async insert(row: QuestionRow): Promise<void> {
      await db.insertInto('inline_questions').values(row).execute();
    },

    async update(id: string, changes: Pick<QuestionRow, 'question' | 'anchor' | 'url' | 'updated_at'>): Promise<void> {
      await db.updateTable('inline_questions').set(changes).where('id', '=', id).execute();
    },

    /** True when it was there to delete. */
    async remove(id: string): Promise<boolean> {
      const result = await db.deleteFrom('inline_questions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type QuestionStore = ReturnType<typeof createQuestionStore>;
