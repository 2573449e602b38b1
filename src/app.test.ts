// The app as operators and integrators see it: health checks, the OpenAPI document and
// the error shape for unknown routes, on SQLite and on PostgreSQL.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES } from '../test/helpers/databases.ts';
import { useServer } from '../test/helpers/suite.ts';

for (const engine of ENGINES) {
  describe(`app (${engine.name})`, () => {
    const h = useServer(engine);

    it('reports liveness at /healthz and database readiness at /readyz', async () => {
      const health = await h.api.request('GET', '/healthz');
      assert.equal(health.status, 200);
      assert.deepEqual(health.body, { status: 'ok' });
      const ready = await h.api.request('GET', '/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(ready.body, { status: 'ready' });
      assert.equal(h.server.app.database.engine, engine.name);
    });

    it('serves the OpenAPI UI at /api/docs', async () => {
      const res = await h.api.request('GET', '/api/docs');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(res.text, /swagger/i);
    });

    it('lists the discussion API in /api/docs/json', async () => {
      const res = await h.api.request('GET', '/api/docs/json');
      assert.equal(res.status, 200);
      const doc = res.body;
      assert.match(doc.openapi, /^3\./);
      assert.equal(doc.info.title, 'Colloquy API');
      for (const path of ['/api/v1/comments', '/api/v1/comments/{id}', '/api/v1/comments/{id}/vote', '/api/v1/comments/{id}/replies', '/api/v1/counts', '/api/v1/me', '/embed/thread']) {
        assert.ok(doc.paths[path], `${path} documented`);
      }
      assert.ok(doc.paths['/api/v1/comments'].get && doc.paths['/api/v1/comments'].post);
      assert.ok(!doc.paths['/healthz'], 'internal routes hidden');
    });

    it('answers unknown routes with the JSON error shape', async () => {
      const res = await h.api.request('GET', '/api/v1/nothing-here');
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
      assert.equal(typeof res.body.error.message, 'string');
    });
  });
}
