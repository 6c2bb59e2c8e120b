import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, SCHEMA_DDL_LOCK, type Database } from './db/open.js';
import { migrateToLatest, type Migrations } from './db/migrate.js';

/**
 * The database a test runs on: PostgreSQL when TEST_DATABASE_URL is set (the test script sets it for
 * the second pass), else a fresh SQLite file in a temp directory. Each call is isolated: its own
 * PostgreSQL schema or its own directory, removed by `close`.
 */
export async function openTestDatabase<DB>(name: string, migrations: Migrations): Promise<Database<DB>> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    const prefix = `t${randomBytes(5).toString('hex')}_`;
    const database = await openDatabase<DB>({ name, databaseUrl: url, schemaPrefix: prefix, maxConnections: 4 });
    await migrateToLatest(database, migrations);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await database.destroyData();
        await close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const database = await openDatabase<DB>({ name, dataDir: dir });
  await migrateToLatest(database, migrations);
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Settings for tests that start whole services (in-process or as `rapport` child processes): a temp
 * data dir, or a PostgreSQL schema prefix. `cleanup` removes the dir and drops every schema with the prefix.
 */
export function testStorage(): { dataDir: string; databaseUrl?: string; schemaPrefix?: string; cleanup(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
  const url = process.env['TEST_DATABASE_URL'];
  const prefix = `t${randomBytes(5).toString('hex')}_`;
  return {
    dataDir: dir,
    ...(url ? { databaseUrl: url, schemaPrefix: prefix } : {}),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (url) await dropSchemasWithPrefix(url, prefix);
    },
  };
}

async function dropSchemasWithPrefix(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SCHEMA_DDL_LOCK]);
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
    for (const r of rows) await client.query(`drop schema if exists "${r.nspname}" cascade`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
