import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Events start their automations in their ingest transaction (events/ingest.ts), so there is no
 * `events.process` job and no `processed_at` to mark. The jobs still pending had nothing to do: no release
 * started anything from a custom event (the event branch of automations/start.ts has only ever returned
 * "nothing started"), so they are deleted, not run.
 */
export const eventsProcessedAtIngestMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from jobs where kind = 'events.process' and state = 'pending'`.execute(db);
    await db.schema.dropIndex('events_unprocessed').execute();
    await db.schema.alterTable('events').dropColumn('processed_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('events').addColumn('processed_at', 'text').execute();
    await sql`update events set processed_at = created_at`.execute(db);
    await db.schema
      .createIndex('events_unprocessed')
      .on('events')
      .columns(['shop_id', 'id'])
      .where(sql<boolean>`processed_at is null`)
      .execute();
  },
};
