// A real server on a free port with its own fresh database, built in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { sqliteDatabase, type TestDatabase } from './databases.ts';

export interface TestServer {
  url: string;
  app: App;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, database?: TestDatabase): Promise<TestServer> {
  const db = database ?? sqliteDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'colloquy-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    COLLOQUY_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    DEMO_ORIGINS: 'https://publisher.example',
    // Most suites post fast from one address; the rate limit suite turns limits on.
    RATE_LIMITS: 'false',
    // Most suites post as guests without solving a challenge; browser and ALTCHA suites pass DEMO_ALTCHA: 'true'.
    DEMO_ALTCHA: 'false',
    ...env,
  });
  const app = await buildApp(config);
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    async stop() {
      await app.close();
      if (!database) await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
