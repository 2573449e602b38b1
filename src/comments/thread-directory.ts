// A site's threads as a list of articles (the console picks one to place inline questions
// on): those with a known address, most recently active first. Lives with the comments
// module, the owner of the threads table.
import type { Db } from '../platform/db.ts';

export interface ThreadEntry {
  page: string;
  url: string;
  title: string | null;
  commentCount: number;
}

export function createThreadDirectory(db: Db) {
  return {
    async recent(siteId: string, limit: number): Promise<ThreadEntry[]> {
      const rows = await db
        .selectFrom('threads')
        .select(['page_key', 'url', 'title', 'comment_count'])
        .where('site_id', '=', siteId)
        .where('url', 'is not', null)
        .orderBy('updated_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ page: r.page_key, url: r.url!, title: r.title, commentCount: r.comment_count }));
    },
  };
}

export type ThreadDirectory = ReturnType<typeof createThreadDirectory>;
