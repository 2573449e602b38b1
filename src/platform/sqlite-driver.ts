// Adapts Node's built-in node:sqlite to the interface Kysely's SqliteDialect expects,
// so the default install needs no native addon build.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

type Param = null | number | bigint | string | Uint8Array;

function toParams(parameters: ReadonlyArray<unknown>): Param[] {
  return parameters.map((p) => (typeof p === 'boolean' ? Number(p) : (p as Param)));
}

class NodeSqliteStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #statement: StatementSync;

  constructor(statement: StatementSync) {
    this.#statement = statement;
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#statement.all(...toParams(parameters));
  }

  run(parameters: ReadonlyArray<unknown>) {
    const { changes, lastInsertRowid } = this.#statement.run(...toParams(parameters));
    return { changes, lastInsertRowid };
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#statement.iterate(...toParams(parameters)) as IterableIterator<unknown>;
  }
}

export function openSqlite(path: string): SqliteDatabase & { exec(sql: string): void } {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Prepared statements are cached: Kysely prepares on every query.
  const cache = new Map<string, NodeSqliteStatement>();
  return {
    close: () => db.close(),
    exec: (sql: string) => db.exec(sql),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = new NodeSqliteStatement(db.prepare(sql));
        if (cache.size > 500) cache.clear();
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
