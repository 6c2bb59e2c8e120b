import type { Kysely, Migration } from 'kysely';

/**
 * How the connector names event types on the wire (docs/conventions.md, "Event names"). Integrations saved
 * before this point talk to Rapport's own SMS platform, which takes the seed's names: 'seed'.
 */
export const postscriptEventNamesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('postscript_integrations')
      .addColumn('event_names', 'text', (c) => c.notNull().defaultTo('seed'))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('postscript_integrations').dropColumn('event_names').execute();
  },
};
