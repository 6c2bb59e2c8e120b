import type { Kysely, Migration } from 'kysely';

/**
 * Each store gets a merchant API key (`rk_…`) for the admin API, stored only as its SHA-256 (hex) in
 * `stores.api_key_hash`. Nullable: stores created before this migration have no key until one is issued.
 * The unique index makes the Bearer lookup one indexed read (NULLs never collide, on SQLite or PostgreSQL).
 */
export const storeApiKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('stores').addColumn('api_key_hash', 'text').execute();
    await db.schema.createIndex('stores_api_key_hash').on('stores').column('api_key_hash').unique().execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('stores_api_key_hash').execute();
    await db.schema.alterTable('stores').dropColumn('api_key_hash').execute();
  },
};
