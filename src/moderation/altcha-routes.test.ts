import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { altchaPayload } from '../../web/widget/altcha.ts';
import { AppError } from '../platform/errors.ts';
import { installErrorHandling, installValidation } from '../platform/http.ts';
import { createAltcha } from './altcha.ts';
import { altchaRoutes } from './altcha-routes.ts';

describe('GET /api/v1/altcha/challenge', () => {
  const altcha = createAltcha({ hmacKey: 'route-test-key-0123456789abcdef0123', minCounter: 10, maxCounter: 500 });
  let app: FastifyInstance;
  let base: string;

  before(async () => {
    app = Fastify();
    installValidation(app);
    installErrorHandling(app);
    await app.register(altchaRoutes, {
      altcha,
      resolveSite: async (_request, id) => {
        if (id !== 'demo') throw new AppError(404, 'site_not_found', 'No such site');
      },
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => app.close());

  test('answers a fresh, uncacheable challenge bound to the site', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/altcha/challenge?site=demo' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.parameters.algorithm, 'SHA-256');
    assert.deepEqual(body.parameters.data, { site: 'demo' });
    const again = (await app.inject({ method: 'GET', url: '/api/v1/altcha/challenge?site=demo' })).json();
    assert.notEqual(again.parameters.nonce, body.parameters.nonce);
  });

  test('needs a known site', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/altcha/challenge' })).statusCode, 400);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/altcha/challenge?site=nope' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'site_not_found');
  });

  test('the widget fetches, solves with Web Crypto and the server verifies the payload once', async () => {
    const payload = await altchaPayload(base, 'demo');
    assert.deepEqual(await altcha.verify(payload, 'demo'), { ok: true });
    assert.deepEqual(await altcha.verify(payload, 'demo'), { ok: false, failure: 'replayed' });
  });
});
