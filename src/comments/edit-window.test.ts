// The edit window, with a fake clock, through the service against real SQLite and
// PostgreSQL databases: exactly at the limit is still allowed, one millisecond later not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.ts';
import { createLocalBus } from '../platform/bus.ts';
import { openDatabase, type OpenDatabase } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';
import { createCommentService, type Actor } from './service.ts';
import { createCommentStore } from './store.ts';

const START = Date.UTC(2025, 0, 1, 12);
const WINDOW_MS = 15 * 60 * 1000;
const actor: Actor = { visitorKey: 'visitor-key', ipHash: 'ip-hash' };

function rejectsWith(code: string) {
  return (error: unknown) => error instanceof AppError && error.status === 403 && error.code === code;
}

for (const engine of ENGINES) {
  describe(`edit window with a fake clock (${engine.name})`, () => {
    let database: TestDatabase;
    let open: OpenDatabase;
    let clock = START;
    let service: ReturnType<typeof createCommentService>;
    let site: Awaited<ReturnType<ReturnType<typeof createSiteService>['require']>>;

    before(async () => {
      database = await engine.create();
      open = await openDatabase(database.url);
      const sites = createSiteService(createSiteStore(open.db));
      site = await sites.ensure('clock', 'Clock site', ['*']);
      service = createCommentService({ store: createCommentStore(open.db), sites, bus: createLocalBus(), now: () => clock });
    });
    after(async () => {
      await open?.close();
      await database?.drop();
    });

    async function post(page: string) {
      clock = START;
      return service.create(site, { site: 'clock', page, author: { name: 'Ann' }, body: 'original' }, actor);
    }

    it('uses the clock for createdAt and editedAt', async () => {
      const { comment, editToken } = await post('times');
      assert.equal(comment.createdAt, new Date(START).toISOString());
      clock = START + 60_000;
      const edited = await service.edit(comment.id, { body: 'later' }, editToken, actor);
      assert.equal(edited.comment.editedAt, new Date(START + 60_000).toISOString());
    });

    it('allows an edit at the very end of the default 15-minute window', async () => {
      const { comment, editToken } = await post('edge');
      clock = START + WINDOW_MS;
      const edited = await service.edit(comment.id, { body: 'just in time' }, editToken, actor);
      assert.equal(edited.comment.html, '<p>just in time</p>');
    });

    it('refuses edits and deletions one millisecond after the window', async () => {
      const { comment, editToken } = await post('closed');
      clock = START + WINDOW_MS + 1;
      await assert.rejects(service.edit(comment.id, { body: 'too late' }, editToken, actor), rejectsWith('edit_window_closed'));
      await assert.rejects(service.remove(comment.id, editToken, actor), rejectsWith('edit_window_closed'));
      const page = await service.page(site, 'closed', 'newest', undefined, 20);
      assert.equal(page.comments[0].html, '<p>original</p>');
      assert.equal(page.comments[0].deleted, false);
    });

    it('checks the token before the window, so strangers learn nothing about it', async () => {
      const { comment } = await post('stranger');
      clock = START + WINDOW_MS + 1;
      await assert.rejects(service.edit(comment.id, { body: 'x' }, 'wrong', actor), rejectsWith('not_author'));
    });

    it('allows deletion within the window', async () => {
      const { comment, editToken } = await post('delete-ok');
      clock = START + WINDOW_MS - 1;
      const removed = await service.remove(comment.id, editToken, actor);
      assert.equal(removed.comment.deleted, true);
      const page = await service.page(site, 'delete-ok', 'newest', undefined, 20);
      assert.equal(page.thread.commentCount, 0);
      assert.deepEqual(page.comments, []);
    });
  });
}
