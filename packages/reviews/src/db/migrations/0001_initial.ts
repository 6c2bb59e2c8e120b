import type { Kysely, Migration } from 'kysely';

/** The reviews platform's tables. Written with Kysely's schema builder so it runs on SQLite and PostgreSQL. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema;
    await s
      .createTable('stores')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('shop_domain', 'text', (c) => c.notNull().unique())
      .addColumn('webhook_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('customers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('shopify_customer_id', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('country_code', 'text')
      .addColumn('zone_code', 'text')
      .addColumn('postscript_subscriber_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('customers_shopify_id', ['store_id', 'shopify_customer_id'])
      .execute();
    await s.createIndex('customers_email').on('customers').columns(['store_id', 'email']).execute();
    await s.createIndex('customers_phone').on('customers').columns(['store_id', 'phone']).execute();

    await s
      .createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('shopify_product_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('url', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('products_shopify_id', ['store_id', 'shopify_product_id'])
      .execute();

    await s
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('shopify_order_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('order_number', 'text')
      .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('country_code', 'text')
      .addColumn('zone_code', 'text')
      .addColumn('locale', 'text')
      .addColumn('financial_status', 'text')
      .addColumn('fulfillment_status', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('refunded_at', 'text')
      .addColumn('fulfilled_at', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('line_items', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('orders_shopify_id', ['store_id', 'shopify_order_id'])
      .execute();

    await s
      .createTable('fulfillments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('shopify_order_id', 'text', (c) => c.notNull())
      .addColumn('shopify_fulfillment_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('shipment_status', 'text')
      .addColumn('line_items', 'text', (c) => c.notNull())
      .addColumn('fulfilled_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('fulfillments_shopify_id', ['store_id', 'shopify_fulfillment_id'])
      .execute();
    await s.createIndex('fulfillments_order').on('fulfillments').columns(['store_id', 'shopify_order_id']).execute();

    await s
      .createTable('shopify_webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('webhook_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('shopify_webhooks_dedupe', ['store_id', 'webhook_id'])
      .execute();

    await s
      .createTable('sequences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('wait_days', 'integer', (c) => c.notNull())
      .addColumn('anchor', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('stopped_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('review_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('sequence_id', 'text', (c) => c.notNull().references('sequences.id'))
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('fulfilled_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('due_basis', 'text', (c) => c.notNull())
      .addColumn('due_version', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // Recruit once: an order enters a sequence at most one time, however often its webhooks repeat.
      .addUniqueConstraint('review_requests_once', ['order_id', 'sequence_id'])
      .execute();
    await s.createIndex('review_requests_store').on('review_requests').columns(['store_id', 'state']).execute();

    await s
      .createTable('review_request_products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('review_request_id', 'text', (c) => c.notNull().references('review_requests.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('shopify_product_id', 'text', (c) => c.notNull())
      .addColumn('shopify_variant_id', 'text')
      .addColumn('product_title', 'text', (c) => c.notNull())
      .addColumn('variant_title', 'text')
      .addColumn('sku', 'text')
      .addColumn('review_id', 'text')
      .addColumn('reviewed_at', 'text')
      .addUniqueConstraint('review_request_products_once', ['review_request_id', 'shopify_product_id'])
      .execute();

    await s
      .createTable('reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('review_request_id', 'text', (c) => c.references('review_requests.id'))
      .addColumn('order_id', 'text')
      .addColumn('shopify_product_id', 'text', (c) => c.notNull())
      .addColumn('shopify_variant_id', 'text')
      .addColumn('product_title', 'text', (c) => c.notNull())
      .addColumn('variant_title', 'text')
      .addColumn('sku', 'text')
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('is_recommended', 'integer', (c) => c.notNull())
      .addColumn('sentiment', 'text', (c) => c.notNull())
      .addColumn('reviewer_display_name', 'text', (c) => c.notNull())
      .addColumn('reviewer_full_name', 'text')
      .addColumn('country_code', 'text')
      .addColumn('zone_code', 'text')
      .addColumn('language_code', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('photo_count', 'integer', (c) => c.notNull())
      .addColumn('video_count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      // One review per product per request: a second submission of the same form is refused.
      .addUniqueConstraint('reviews_once_per_request_product', ['review_request_id', 'shopify_product_id'])
      .execute();
    await s.createIndex('reviews_customer').on('reviews').columns(['customer_id', 'created_at']).execute();
    await s.createIndex('reviews_store').on('reviews').columns(['store_id', 'created_at']).execute();

    await s
      .createTable('postscript_integrations')
      .addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'))
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('api_url', 'text', (c) => c.notNull())
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('shop_name', 'text', (c) => c.notNull())
      .addColumn('trigger_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('status_reason', 'text')
      .addColumn('connected_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await s
      .createTable('postscript_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
      .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull().unique())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('skip_reason', 'text')
      .addColumn('response', 'text')
      .addColumn('replays', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    // Delivery checks "is an older row of this customer still pending?" on every attempt.
    await s.createIndex('postscript_outbox_customer').on('postscript_outbox').columns(['customer_id', 'state', 'created_at']).execute();
    await s.createIndex('postscript_outbox_log').on('postscript_outbox').columns(['store_id', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'postscript_outbox',
      'postscript_integrations',
      'reviews',
      'review_request_products',
      'review_requests',
      'sequences',
      'shopify_webhooks',
      'fulfillments',
      'orders',
      'products',
      'customers',
      'stores',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
