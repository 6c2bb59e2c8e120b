import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/open.js';

export const JOBS_CHANNEL = 'rapport_jobs';

/**
 * PostgreSQL only: a statement trigger on `jobs` NOTIFYs the schema's name on commit, so a worker
 * in any process wakes the moment work is enqueued (NOTIFY is delivered only if the transaction
 * commits — the same guarantee as the outbox row itself). Installed by migrateToLatest.
 */
export async function installJobsNotifyTrigger(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function rapport_jobs_notify() returns trigger language plpgsql as $$
    begin perform pg_notify(${sql.lit(JOBS_CHANNEL)}, tg_table_schema); return null; end $$`.execute(db);
  await sql`create or replace trigger jobs_notify after insert on jobs for each statement execute function rapport_jobs_notify()`.execute(
    db,
  );
}

/** Opens a dedicated LISTEN connection; `onNotify` runs when this schema's jobs table gets rows. */
export async function listenForJobs(database: Database<unknown>, onNotify: () => void): Promise<() => Promise<void>> {
  if (database.dialect !== 'postgres' || !database.databaseUrl) return async () => undefined;
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  client.on('notification', (msg) => {
    if (msg.channel === JOBS_CHANNEL && msg.payload === database.schema) onNotify();
  });
  client.on('error', () => undefined); // the worker's idle poll covers a lost LISTEN connection
  await client.query(`listen ${JOBS_CHANNEL}`);
  return async () => {
    await client.end().catch(() => undefined);
  };
}
