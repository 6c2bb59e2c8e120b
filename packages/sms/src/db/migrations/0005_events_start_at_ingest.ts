import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Events start their automations in their ingest transaction (events/ingest.ts), so there is no
 * `events.process` job any more. The jobs still pending had nothing to do: no release started anything
 * from a custom event (the event branch of automations/start.ts has only ever returned "nothing
 * started"), so they are deleted, not run. Down has nothing to restore.
 */
export const eventsStartAtIngestMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from jobs where kind = 'events.process' and state = 'pending'`.execute(db);
  },
  async down() {},
};
