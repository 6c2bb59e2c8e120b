import type { Kysely, Migration } from 'kysely';

/** The SMS platform's tables (the jobs table comes first, from kit, as `0000_jobs`). */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema;
    await s
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('shops')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('label', 'text')
      .addColumn('public_key', 'text', (c) => c.notNull().unique())
      .addColumn('private_key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('private_key_ciphertext', 'text', (c) => c.notNull())
      .addColumn('encryption_key_id', 'text', (c) => c.notNull())
      .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await s.createIndex('api_keys_shop').on('api_keys').column('shop_id').execute();

    await s
      .createTable('subscribers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('phone_number', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('shopify_customer_id', 'text')
      .addColumn('properties', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('origin', 'text')
      .addColumn('keyword', 'text')
      .addColumn('external_id', 'text')
      .addColumn('time_zones', 'text', (c) => c.notNull())
      .addColumn('region', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('opted_out_at', 'text')
      .addColumn('opt_out_notice_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('subscribers_shop_phone').on('subscribers').columns(['shop_id', 'phone_number']).unique().execute();
    await s.createIndex('subscribers_shop_email').on('subscribers').columns(['shop_id', 'email']).execute();
    await s.createIndex('subscribers_shop_created').on('subscribers').columns(['shop_id', 'created_at']).execute();
    await s.createIndex('subscribers_phone').on('subscribers').column('phone_number').execute();

    await s
      .createTable('consent_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('consent_events_subscriber').on('consent_events').columns(['subscriber_id', 'created_at']).execute();

    await s
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subscriber_id', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('properties', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('processed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The dedupe guarantee is this constraint, not a read-then-write check.
    await s.createIndex('events_shop_external_id').on('events').columns(['shop_id', 'external_id']).unique().execute();
    await s.createIndex('events_shop_subscriber').on('events').columns(['shop_id', 'subscriber_id', 'occurred_at']).execute();

    await s
      .createTable('event_definitions')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('property_keys', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('event_definitions_pk', ['shop_id', 'name'])
      .execute();

    await s
      .createTable('idempotency_keys')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer', (c) => c.notNull())
      .addColumn('response_body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['shop_id', 'scope', 'key'])
      .execute();

    await s
      .createTable('triggers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('transactional_allowed', 'integer', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('triggers_shop_name').on('triggers').columns(['shop_id', 'name']).unique().execute();

    await s
      .createTable('trigger_fires')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('trigger_id', 'text', (c) => c.notNull().references('triggers.id'))
      .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id'))
      .addColumn('tag_values', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('automations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('trigger_id', 'text', (c) => c.notNull().references('triggers.id'))
      .addColumn('messages', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('automations_shop_trigger').on('automations').columns(['shop_id', 'trigger_id']).execute();

    await s
      .createTable('automation_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('automation_id', 'text', (c) => c.notNull().references('automations.id'))
      .addColumn('subscriber_id', 'text', (c) => c.notNull())
      .addColumn('fire_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('automation_runs_fire').on('automation_runs').columns(['automation_id', 'fire_id']).unique().execute();

    await s
      .createTable('outbox_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
      .addColumn('subscriber_id', 'text')
      .addColumn('to_phone', 'text', (c) => c.notNull())
      .addColumn('from_phone', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('segments', 'integer', (c) => c.notNull())
      .addColumn('encoding', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('automation_id', 'text')
      .addColumn('run_id', 'text')
      .addColumn('fire_id', 'text')
      .addColumn('step', 'integer')
      .addColumn('send_at', 'text', (c) => c.notNull())
      .addColumn('held_until', 'text')
      .addColumn('provider', 'text')
      .addColumn('provider_message_id', 'text')
      .addColumn('delivery_status', 'text')
      .addColumn('error', 'text')
      .addColumn('dispatch_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('dispatched_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // One text per (automation, fire, step), however often the fire is replayed or the job retried.
    await s
      .createIndex('outbox_automation_fire_step')
      .on('outbox_messages')
      .columns(['automation_id', 'fire_id', 'step'])
      .unique()
      .execute();
    await s.createIndex('outbox_shop_to').on('outbox_messages').columns(['shop_id', 'to_phone', 'created_at']).execute();
    await s.createIndex('outbox_to').on('outbox_messages').columns(['to_phone', 'created_at']).execute();
    await s.createIndex('outbox_provider_message').on('outbox_messages').column('provider_message_id').execute();

    await s
      .createTable('inbound_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text')
      .addColumn('subscriber_id', 'text')
      .addColumn('from_phone', 'text', (c) => c.notNull())
      .addColumn('to_phone', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('classification', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('provider_message_id', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('inbound_from').on('inbound_messages').columns(['from_phone', 'created_at']).execute();

    await s
      .createTable('dev_carrier_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('outbox_id', 'text', (c) => c.unique())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('to_phone', 'text', (c) => c.notNull())
      .addColumn('from_phone', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await s.createIndex('dev_carrier_to').on('dev_carrier_messages').columns(['to_phone', 'created_at']).execute();
    await s.createIndex('dev_carrier_from').on('dev_carrier_messages').columns(['from_phone', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'dev_carrier_messages',
      'inbound_messages',
      'outbox_messages',
      'automation_runs',
      'automations',
      'trigger_fires',
      'triggers',
      'idempotency_keys',
      'event_definitions',
      'events',
      'consent_events',
      'subscribers',
      'api_keys',
      'shops',
      'settings',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
