import { accountsMigration } from '@rapport/kit';
import type { Kysely, Migration } from 'kysely';

/**
 * Dashboard accounts (users, memberships of shops, sessions, one-time links: kit's accounts tables) and the
 * shop's currency, which onboarding asks for beside its time zone.
 */
const accounts = accountsMigration('shops');

export const accountsAndCurrencyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('shops')
      .addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
      .execute();
    await accounts.up(db);
  },
  async down(db: Kysely<unknown>) {
    await accounts.down!(db);
    await db.schema.alterTable('shops').dropColumn('currency').execute();
  },
};
