// Opens the configured database (SQLite by default, PostgreSQL via DATABASE_URL)
// and applies migrations at start.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite-driver.ts';
import * as core from './migrations/001-core.ts';
import * as moderation from './migrations/002-moderation.ts';
import * as notify from './migrations/003-notify.ts';
import * as accounts from './migrations/004-accounts.ts';
import * as support from './migrations/005-support.ts';
import * as inline from './migrations/006-inline.ts';
import * as moderationConsole from './migrations/012-moderation-console.ts';
import * as moderatorAlerts from './migrations/008-moderator-alerts.ts';
import * as accountsMore from './migrations/009-accounts-more.ts';
import * as inlineQuestions from './migrations/011-inline-questions.ts';
import * as decisionsByComment from './migrations/013-decisions-by-comment.ts';
import * as plainApprovals from './migrations/014-plain-approvals.ts';

export type Db = Kysely<Database>;
export type Engine = 'sqlite' | 'postgres';

// PostgreSQL returns BIGINT as a string; our bigints are epoch milliseconds, safe as numbers.
pg.types.setTypeParser(20, (value) => Number(value));

const migrations: Record<string, Migration> = { '001-core': core, '002-moderation': moderation, '003-notify': notify, '004-accounts': accounts, '005-support': support, '006-inline': inline, '008-moderator-alerts': moderatorAlerts, '012-moderation-console': moderationConsole, '009-accounts-more': accountsMore, '011-inline-questions': inlineQuestions, '013-decisions-by-comment': decisionsByComment, '014-plain-approvals': plainApprovals };

class InlineMigrations implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export function engineOf(databaseUrl: string): Engine {
  return databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
}

/** `onError` hears of idle PostgreSQL connections lost (server restart, failover); the pool replaces them. */
export async function openDatabase(databaseUrl: string, onError: (error: Error) => void = () => {}): Promise<OpenDatabase> {
  const engine = engineOf(databaseUrl);
  const dialect =
    engine === 'postgres'
      ? new PostgresDialect({ pool: postgresPool(databaseUrl, onError) })
      : new SqliteDialect({ database: openSqliteFile(databaseUrl.slice('sqlite:'.length)) });
  const db = new Kysely<Database>({ dialect });
  await migrate(db);
  return { db, engine, close: () => db.destroy() };
}

function postgresPool(connectionString: string, onError: (error: Error) => void) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Without a listener, an idle connection's error is an uncaught exception that ends the process.
  pool.on('error', onError);
  return pool;
}

function openSqliteFile(path: string) {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqlite(path);
}

export async function migrate(db: Db): Promise<void> {
  // Modules add numbered migrations in parallel and land in any order; each touches only
  // its own tables, so one applied after a higher-numbered one is fine.
  const migrator = new Migrator({ db, provider: new InlineMigrations(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
