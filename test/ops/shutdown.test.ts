// Graceful shutdown: a request in flight when SIGTERM arrives completes, its comment is
// committed, the process exits 0, and new connections are refused afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import { openDatabase } from '../../src/platform/db.ts';
import { startProcess } from '../helpers/process.ts';

test('SIGTERM lets a request in flight finish and commit before exiting', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'colloquy-shutdown-'));
  try {
    const { child, port } = await startProcess({ DATA_DIR: dataDir });
    const body = JSON.stringify({ site: 'demo', page: 'shutdown', author: { name: 'Late' }, body: 'Posted while the server stops' });
    const request = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/v1/comments', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const response = once(request, 'response');
    // Half the body now, the signal, then the rest: the server must wait for it.
    request.write(body.slice(0, 20));
    await new Promise((r) => setTimeout(r, 100));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    request.end(body.slice(20));
    const [res] = (await response) as [http.IncomingMessage];
    let text = '';
    for await (const chunk of res) text += chunk;
    assert.equal(res.statusCode, 201, text);
    const [code] = await exited;
    assert.equal(code, 0);

    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
    const { db, close } = await openDatabase(`sqlite:${join(dataDir, 'colloquy.db')}`);
    const rows = await db.selectFrom('comments').select('body').execute();
    await close();
    assert.deepEqual(rows.map((r) => r.body), ['Posted while the server stops']);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
