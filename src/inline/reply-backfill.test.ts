// Replies written before they carried their comment's passage are counted with it once
// 011-inline-questions has run, on SQLite and PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, newVisitor, SITE } from '../../test/helpers/api.ts';
import { ENGINES } from '../../test/helpers/databases.ts';
import { useServer } from '../../test/helpers/suite.ts';
import { inheritReplyPassages } from '../platform/migrations/011-inline-questions.ts';

for (const engine of ENGINES) {
  describe(`replies written before 011-inline-questions (${engine.name})`, () => {
    const h = useServer(engine);

    it('get their top-level comment\u2019s passage, and count with it', async () => {
      const page = newPage('backfill');
      const anchor = { quote: { exact: 'a skate area', prefix: 'a community garden, ', suffix: ' and a path' }, position: { start: 90, end: 102 } };
      const root = await h.api.request('POST', '/api/v1/comments', { body: { site: SITE, page, author: { name: 'Reader' }, body: 'Skaters need it.', anchor }, headers: { 'x-colloquy-visitor': newVisitor() } });
      const reply = await h.api.reply(root.body.comment, { page, body: 'Agreed.' });
      const plain = await h.api.comment({ page, body: 'Not about a passage.' });
      await h.api.reply(plain, { page, body: 'Nor is this.' });
      const db = h.server.app.database.db;
      // As such replies were stored: no passage key.
      await db.updateTable('comments').set({ anchor_key: null }).where('id', '=', reply.id).execute();
      const count = async () => (await h.api.request('GET', `/api/v1/passages?site=${SITE}&page=${page}`)).body.passages.map((p: { count: number }) => p.count);
      assert.deepEqual(await count(), [1]);
      await inheritReplyPassages(db);
      const keys = await db.selectFrom('comments').select(['body', 'anchor_key', 'anchor']).where('parent_id', 'is not', null).where('id', 'in', [reply.id]).execute();
      assert.deepEqual(keys.map((k) => ({ ...k })), [{ body: 'Agreed.', anchor_key: root.body.comment.anchor.key, anchor: null }]);
      const others = await db.selectFrom('comments').select('anchor_key').where('body', 'in', ['Not about a passage.', 'Nor is this.']).execute();
      assert.deepEqual(others.map((k) => k.anchor_key), [null, null], 'comments on no passage stay on none');
      // A reply's event drops the cached passages; this one was changed behind the API's back.
      await h.api.reply(root.body.comment, { page, body: 'Me too.' });
      assert.deepEqual(await count(), [3]);
    });
  });
}
