import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Automations on event types. Legacy automations start from a row of `triggers`; an event type (any of the
 * contract's 19, or a custom type the shop has sent) becomes such a row the first time an automation is
 * built on it, marked by `event_type` (its name is the type's; its tags, the type's property names). Partner
 * triggers keep `event_type` null. Names are unique among partner triggers only, so a partner may register
 * a trigger named like an event type without colliding; each event type has at most one row per shop.
 */
export const eventTriggersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('triggers').addColumn('event_type', 'text').execute();
    await db.schema.dropIndex('triggers_shop_name').execute();
    await sql`create unique index triggers_shop_name on triggers (shop_id, name) where event_type is null`.execute(db);
    await sql`create unique index triggers_shop_event_type on triggers (shop_id, event_type) where event_type is not null`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('triggers_shop_event_type').execute();
    await db.schema.dropIndex('triggers_shop_name').execute();
    await db.schema.createIndex('triggers_shop_name').on('triggers').columns(['shop_id', 'name']).unique().execute();
    await db.schema.alterTable('triggers').dropColumn('event_type').execute();
  },
};
