import type { Kysely, Migration } from 'kysely';

/** The activity log (db/tables/activities.ts): a customer's timeline, newest first, and a store's. */
export const activitiesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('activities_customer').on('activities').columns(['customer_id', 'occurred_at']).execute();
    await db.schema.createIndex('activities_store').on('activities').columns(['store_id', 'occurred_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('activities').execute();
  },
};
