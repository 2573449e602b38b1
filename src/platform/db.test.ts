// Opening each engine: migrations, reopening, and surviving a lost PostgreSQL connection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ENGINES, POSTGRES_URL, type TestDatabase } from '../../test/helpers/databases.ts';
import { engineOf, openDatabase } from './db.ts';

describe('engineOf', () => {
  it('tells the engine from the URL', () => {
    assert.equal(engineOf('postgres://u@h/db'), 'postgres');
    assert.equal(engineOf('postgresql://u@h/db'), 'postgres');
    assert.equal(engineOf('sqlite:./data/colloquy.db'), 'sqlite');
  });
});

for (const engine of ENGINES) {
  describe(`openDatabase (${engine.name})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await engine.create();
    });
    after(async () => {
      await database?.drop();
    });

    it('migrates a fresh database and reopens it without migrating twice', async () => {
      const first = await openDatabase(database.url);
      assert.equal(first.engine, engine.name);
      await first.db.insertInto('sites').values({ id: 's', name: 'S', origins: '[]', settings: '{}', created_at: 1 }).execute();
      await first.close();
      const second = await openDatabase(database.url);
      const rows = await second.db.selectFrom('sites').select('id').execute();
      assert.deepEqual(rows.map((r) => r.id), ['s']);
      await second.close();
    });
  });
}

describe('a PostgreSQL connection lost while idle', () => {
  let database: TestDatabase;
  before(async () => {
    database = await ENGINES.find((e) => e.name === 'postgres')!.create();
  });
  after(async () => {
    await database?.drop();
  });

  it('is reported and replaced, not fatal to the process', async () => {
    const errors: unknown[] = [];
    const open = await openDatabase(database.url, (error) => errors.push(error));
    await open.db.selectFrom('sites').select('id').execute();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const name = new URL(database.url).pathname.slice(1);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.end();
    for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(errors.length >= 1, 'the lost connection is reported');
    assert.equal((await open.db.selectFrom('sites').select('id').execute()).length, 0, 'the next query gets a new connection');
    await open.close();
  });
});
