import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { installJobsNotifyTrigger } from '../jobs/notify.js';
import pg from 'pg';
import { openDatabase, SCHEMA_DDL_LOCK, type Database, type DbConfig } from './open.js';

/**
 * One ordered list of migrations per service, written with Kysely's schema builder so the same
 * list runs on SQLite and PostgreSQL. Names sort in the order they must run (`0001_…`).
 */
export type Migrations = Record<string, Migration>;

export async function migrateToLatest<DB>(database: Database<DB>, migrations: Migrations): Promise<string[]> {
  return underSchemaLock(database, () => runMigrations(database, migrations));
}

/**
 * Kysely's migrator introspects every schema of the database to find its own tables, which fails if
 * another schema is dropped meanwhile (tests drop theirs in parallel): every migrator run holds
 * SCHEMA_DDL_LOCK shared, as dropping a schema holds it exclusively.
 */
async function underSchemaLock<DB, T>(database: Database<DB>, run: () => Promise<T>): Promise<T> {
  if (database.dialect !== 'postgres' || !database.databaseUrl) return run();
  const lock = new pg.Client({ connectionString: database.databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock_shared($1)', [SCHEMA_DDL_LOCK]);
    return await run();
  } finally {
    await lock.end().catch(() => undefined);
  }
}

const newMigrator = <DB>(database: Database<DB>, migrations: Migrations) =>
  new Migrator({
    db: database.db as Kysely<unknown>,
    provider: { getMigrations: async () => migrations } satisfies MigrationProvider,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });

/**
 * Migrations one step at a time, for tests of a migration's up and down: Kysely's own results, each run
 * under the schema lock.
 */
export function steppingMigrator<DB>(database: Database<DB>, migrations: Migrations) {
  const migrator = newMigrator(database, migrations);
  return {
    migrateTo: (name: string) => underSchemaLock(database, () => migrator.migrateTo(name)),
    migrateDown: () => underSchemaLock(database, () => migrator.migrateDown()),
  };
}

async function runMigrations<DB>(database: Database<DB>, migrations: Migrations): Promise<string[]> {
  const { error, results } = await newMigrator(database, migrations).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (database.dialect === 'postgres') {
    // to_regclass resolves through search_path: only this service's schema is looked at (introspecting
    // every schema raced with tests dropping theirs).
    const { rows } = await sql<{ jobs: string | null }>`select to_regclass('jobs')::text as jobs`.execute(database.db);
    if (rows[0]?.jobs) await installJobsNotifyTrigger(database.db as Kysely<unknown>);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens a service's database and migrates it to the latest version (closing it again if that fails). */
export async function openMigratedDatabase<DB>(config: DbConfig, migrations: Migrations): Promise<Database<DB>> {
  const database = await openDatabase<DB>(config);
  try {
    await migrateToLatest(database, migrations);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
