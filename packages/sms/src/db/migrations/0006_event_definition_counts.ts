import { sql, type Kysely, type Migration } from 'kysely';

/**
 * An event type's count and last-seen time move out of its definition row into counter shards, one row
 * per (shop, type, shard). Every ingest batch counted its events on the definition row, so on PostgreSQL
 * concurrent batches of the same type queued on that one row lock until each committed (bench trace,
 * 2026-12-02: most of the eight ingest connections waiting on `update "event_definitions"`). Each ingest
 * lane now adds to its own shard; readers sum the shards. The definition row keeps the property keys,
 * which change only when a new key arrives.
 */
export const eventDefinitionCountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('event_definition_counts')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('shard', 'integer', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_definition_counts_pk', ['shop_id', 'name', 'shard'])
      .execute();
    await sql`insert into event_definition_counts (shop_id, name, shard, event_count, last_seen_at)
      select shop_id, name, 0, event_count, last_seen_at from event_definitions`.execute(db);
    await db.schema.alterTable('event_definitions').dropColumn('event_count').execute();
    await db.schema.alterTable('event_definitions').dropColumn('last_seen_at').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .alterTable('event_definitions')
      .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('event_definitions').addColumn('last_seen_at', 'text').execute();
    await sql`update event_definitions set
      event_count = coalesce((select sum(c.event_count) from event_definition_counts c
        where c.shop_id = event_definitions.shop_id and c.name = event_definitions.name), 0),
      last_seen_at = coalesce((select max(c.last_seen_at) from event_definition_counts c
        where c.shop_id = event_definitions.shop_id and c.name = event_definitions.name), first_seen_at)`.execute(db);
    await db.schema.dropTable('event_definition_counts').execute();
  },
};
