import type { Kysely, Migration } from 'kysely';

/** Short links (links/): one row per link of a marketing text, and one per click. */
export const shortLinksMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema;
    await s
      .createTable('short_links')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('outbox_id', 'text', (c) => c.notNull().references('outbox_messages.id'))
      .addColumn('subscriber_id', 'text')
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_clicked_at', 'text')
      .addColumn('last_clicked_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('short_links_outbox').on('short_links').column('outbox_id').execute();
    await s
      .createTable('link_clicks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().references('short_links.code'))
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('link_clicks_code').on('link_clicks').columns(['code', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('link_clicks').execute();
    await db.schema.dropTable('short_links').execute();
  },
};
