import type { Kysely, Migration } from 'kysely';

/** Profile backfills (integrations/postscript/backfill.ts): one row per run, its progress and resume point. */
export const profileBackfillsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('profile_backfills')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('scanned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cursor', 'text')
      .addColumn('written', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('profile_backfills_store').on('profile_backfills').columns(['store_id', 'started_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('profile_backfills').execute();
  },
};
