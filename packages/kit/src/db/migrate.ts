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
  if (database.dialect !== 'postgres' || !database.databaseUrl) return runMigrations(database, migrations);
  const lock = new pg.Client({ connectionString: database.databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock_shared($1)', [SCHEMA_DDL_LOCK]);
    return await runMigrations(database, migrations);
  } finally {
    await lock.end().catch(() => undefined);
  }
}

async function runMigrations<DB>(database: Database<DB>, migrations: Migrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({
    db: database.db as Kysely<unknown>,
    provider,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
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
