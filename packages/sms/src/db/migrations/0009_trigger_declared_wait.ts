import type { Kysely, Migration } from 'kysely';

/**
 * The wait a partner declares with each fire of its trigger (contract `SEQUENCE_WAIT_TAGS`: Okendo's
 * review-request sequence waits N days after fulfilment or delivery before it fires), kept on the trigger
 * row as of its latest fire, so the automation editor can warn about a delay on top without scanning the
 * fires. Null until a fire declares one.
 */
export const triggerDeclaredWaitMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('triggers').addColumn('declared_wait_days', 'integer').execute();
    await db.schema.alterTable('triggers').addColumn('declared_wait_after', 'text').execute();
    await db.schema.alterTable('triggers').addColumn('declared_wait_at', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('triggers').dropColumn('declared_wait_at').execute();
    await db.schema.alterTable('triggers').dropColumn('declared_wait_after').execute();
    await db.schema.alterTable('triggers').dropColumn('declared_wait_days').execute();
  },
};
