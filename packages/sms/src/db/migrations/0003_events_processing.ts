import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Events are processed per shop by one coalesced `events.process` job (events/process-job.ts) instead of one
 * job per event: a partial index over unprocessed events keeps its look-up O(backlog). Events of nobody we
 * know have nothing to process and are marked so; the old per-event jobs still pending become one job per
 * shop that still has unprocessed events.
 */
export const eventsProcessingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('events_unprocessed')
      .on('events')
      .columns(['shop_id', 'id'])
      .where(sql<boolean>`processed_at is null`)
      .execute();
    await sql`update events set processed_at = created_at where processed_at is null and subscriber_id is null`.execute(db);
    await sql`delete from jobs where kind = 'events.process' and state = 'pending'`.execute(db);
    const shops = await sql<{ shop_id: string; first: string }>`select shop_id, min(created_at) as first from events
      where processed_at is null group by shop_id`.execute(db);
    for (const { shop_id, first } of shops.rows) {
      await sql`insert into jobs (id, kind, payload, run_at, state, attempts, max_attempts, dedupe_key, rerun, created_at, updated_at)
        values (${`job_migrated_${shop_id}`}, 'events.process', ${JSON.stringify({ shopId: shop_id })}, ${first}, 'pending', 0, 10,
          ${`events.process:${shop_id}`}, 0, ${first}, ${first})`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('events_unprocessed').execute();
  },
};
