// The moderation and staff commands as an operator runs them: `npx colloquy …` in a shell,
// against the same database the server uses.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { send } from '../../test/helpers/admin.ts';
import { sqliteDatabase, type TestDatabase } from '../../test/helpers/databases.ts';
import { startServer } from '../../test/helpers/server.ts';
import { openDatabase } from '../platform/db.ts';
import { createSiteService } from '../sites/service.ts';
import { createSiteStore } from '../sites/store.ts';

const BIN = fileURLToPath(new URL('../../bin/colloquy.mjs', import.meta.url));
const SECRET = 'test-secret-that-is-at-least-32-characters-long';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function colloquy(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, COLLOQUY_SECRET: SECRET, NODE_NO_WARNINGS: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('colloquy moderate and colloquy admin', () => {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;

  before(async () => {
    database = sqliteDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'colloquy-cli-'));
    env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
    // A site whose banned list the command must use.
    const db = await openDatabase(database.url);
    const sites = createSiteService(createSiteStore(db.db));
    await sites.ensure('gazette', 'The Gazette', []);
    await sites.saveSettings('gazette', 0, { moderation: { terms: { banned: [{ term: 'zorblax', category: 'spam' }] } } });
    await db.close();
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('--json prints exactly one JSON object { status, reasons } and nothing else', async () => {
    const run = await colloquy(['moderate', '--site', 'demo', '--json', 'I will kill you'], env);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const result = JSON.parse(lines[0]!);
    assert.deepEqual(Object.keys(result), ['status', 'reasons']);
    assert.equal(result.status, 'rejected');
    const threat = result.reasons.find((r: { rule: string }) => r.rule === 'threat.first-person');
    assert.equal('I will kill you'.slice(...threat.span), 'I will kill you');
    const civil = JSON.parse((await colloquy(['moderate', '--site', 'demo', '--json', 'Thanks for the thorough reporting'], env)).stdout);
    assert.deepEqual(civil, { status: 'approved', reasons: [] });
  });

  it("uses the site's own settings from the database, and reads the text from stdin", async () => {
    const run = await colloquy(['moderate', '--site', 'gazette', '--json'], env, 'Get your Z0RBLAX here\n');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.status, 'rejected');
    assert.equal(result.reasons[0].rule, 'terms.banned');
    assert.equal('Get your Z0RBLAX here'.slice(...result.reasons[0].span), 'Z0RBLAX');
  });

  it('--explain says why, rule by rule, with the matched text', async () => {
    const run = await colloquy(['moderate', '--site', 'demo', '--explain', 'Honestly, you absolute idiot'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^pending \(/);
    assert.match(run.stdout, /insult\.second-person \[insult\] score 0\.7 at 10–28 "you absolute idiot"/);
    assert.match(run.stdout, /timings: closed/);
  });

  it('answers misuse with exit status 2 and nothing on stdout', async () => {
    for (const args of [['moderate', '--json', 'no site'], ['moderate', '--site', 'nowhere', 'text'], ['moderate', '--site', 'demo', '--colour', 'x'], ['admin', 'create', '--email', 'a@b.example']]) {
      const run = await colloquy(args, env);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stdout, '');
    }
  });

  it('creates staff from a password on stdin, who can then sign in to the console', async () => {
    const created = await colloquy(['admin', 'create', '--email', 'Desk@Gazette.example', '--password-stdin', '--role', 'moderator', '--site', 'gazette'], env, 'a long desk passphrase\n');
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created moderator of gazette desk@gazette\.example/);
    assert.ok(!created.stdout.includes('passphrase'));
    const weak = await colloquy(['admin', 'create', '--email', 'weak@gazette.example', '--password-stdin'], env, 'short\n');
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /at least 12/);
    const twice = await colloquy(['admin', 'create', '--email', 'desk@gazette.example', '--password-stdin', '--role', 'admin'], env, 'another long passphrase');
    assert.equal(twice.code, 2);

    const server = await startServer({ DATA_DIR: dataDir }, database);
    try {
      const res = await send(server, 'POST', '/api/v1/admin/session', { email: 'desk@gazette.example', password: 'a long desk passphrase' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.user.roles, [{ site: 'gazette', role: 'moderator' }]);
    } finally {
      await server.app.close();
    }
  });
});
