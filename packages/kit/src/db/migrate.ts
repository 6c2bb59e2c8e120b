import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { installJobsNotifyTrigger } from '../jobs/notify.js';
import type { Database } from './open.js';

/**
 * One ordered list of migrations per service, written with Kysely's schema builder so the same
 * list runs on SQLite and PostgreSQL. Names sort in the order they must run (`0001_…`).
 */
export type Migrations = Record<string, Migration>;

export async function migrateToLatest<DB>(database: Database<DB>, migrations: Migrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({
    db: database.db as Kysely<unknown>,
    provider,
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  if (database.dialect === 'postgres') {
    const tables = await database.db.introspection.getTables();
    if (tables.some((t) => t.name === 'jobs')) await installJobsNotifyTrigger(database.db as Kysely<unknown>);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
