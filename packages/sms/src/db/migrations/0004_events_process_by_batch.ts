import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `events.process` jobs carry their events' ids (one job per shop per ingest batch) and their completion
 * records the processing, so `events.processed_at` and its partial index go. Events still unprocessed
 * become jobs of at most 256 ids each (oldest first) in place of the per-shop job pending for them.
 */
export const eventsProcessByBatchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`delete from jobs where kind = 'events.process' and state = 'pending'`.execute(db);
    const pending = await sql<{ id: string; shop_id: string; created_at: string }>`select id, shop_id, created_at from events
      where processed_at is null and subscriber_id is not null order by shop_id, id`.execute(db);
    const byShop = new Map<string, { id: string; created_at: string }[]>();
    for (const row of pending.rows) byShop.set(row.shop_id, [...(byShop.get(row.shop_id) ?? []), row]);
    for (const [shopId, events] of byShop) {
      for (let i = 0; i < events.length; i += 256) {
        const chunk = events.slice(i, i + 256);
        const first = chunk[0]!.created_at;
        const payload = JSON.stringify({ shopId, eventIds: chunk.map((e) => e.id) });
        await sql`insert into jobs (id, kind, payload, run_at, state, attempts, max_attempts, rerun, created_at, updated_at)
          values (${`job_migrated_${chunk[0]!.id}`}, 'events.process', ${payload}, ${first}, 'pending', 0, 10, 0, ${first}, ${first})`.execute(
          db,
        );
      }
    }
    await db.schema.dropIndex('events_unprocessed').execute();
    await db.schema.alterTable('events').dropColumn('processed_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('events').addColumn('processed_at', 'text').execute();
    await db.schema
      .createIndex('events_unprocessed')
      .on('events')
      .columns(['shop_id', 'id'])
      .where(sql<boolean>`processed_at is null`)
      .execute();
  },
};
