import { accountsMigration } from '@rapport/kit';
import type { Kysely, Migration } from 'kysely';

/**
 * Dashboard accounts (kit's accounts tables, memberships of stores) and the store's time zone and currency,
 * which onboarding asks for when the merchant connects the store. Existing stores get UTC and USD.
 */
const accounts = accountsMigration('stores');

export const accountsAndLocaleMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('stores')
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
      .execute();
    await db.schema
      .alterTable('stores')
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
      .execute();
    await accounts.up(db);
  },
  async down(db: Kysely<unknown>) {
    await accounts.down!(db);
    await db.schema.alterTable('stores').dropColumn('currency').execute();
    await db.schema.alterTable('stores').dropColumn('time_zone').execute();
  },
};
