// Real databases for tests: a fresh SQLite file and a fresh PostgreSQL database each time.
// PostgreSQL is required, not optional: a suite that silently skipped it would lie.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../src/platform/db.ts';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'colloquy-test-'));
  return { engine: 'sqlite', url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `colloquy_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Both engines, for suites that must behave the same on each. */
export const ENGINES: Array<{ name: 'sqlite' | 'postgres'; create: () => Promise<TestDatabase> }> = [
  { name: 'sqlite', create: async () => sqliteDatabase() },
  { name: 'postgres', create: postgresDatabase },
];

/** A fresh SQLite database, migrated and open for the whole test file; closed and removed after
 * it. Read `.open` inside tests (it is set by the file's `before`). */
export function useSqlite(): { readonly open: OpenDatabase } {
  let database: TestDatabase | undefined;
  let open: OpenDatabase | undefined;
  before(async () => {
    database = sqliteDatabase();
    open = await openDatabase(database.url);
  });
  after(async () => {
    await open?.close();
    await database?.drop();
  });
  return {
    get open() {
      if (!open) throw new Error('the database opens in the test file\'s before hook');
      return open;
    },
  };
}
