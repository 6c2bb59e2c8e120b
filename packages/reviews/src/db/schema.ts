/**
 * Row shapes of the reviews platform's database, one file per domain under `tables/`. Times are ISO-8601
 * UTC text and booleans 0/1 integers on both dialects (see kit `db/json.ts`); JSON documents live in TEXT
 * columns.
 */
import type { AccountsSchema, Database, JobsSchema, SettingsTable } from '@rapport/kit';
import type { ActivitiesTable } from './tables/activities.js';
import type { CustomersTable, ProductsTable } from './tables/customers.js';
import type { FulfillmentsTable, OrdersTable, ShopifyWebhooksTable } from './tables/orders.js';
import type { PostscriptIntegrationsTable, PostscriptOutboxTable } from './tables/postscript.js';
import type { ReviewRequestProductsTable, ReviewRequestsTable, SequencesTable } from './tables/review-requests.js';
import type { ProfileBackfillsTable } from './tables/profiles.js';
import type { ReviewsTable } from './tables/reviews.js';
import type { StoresTable } from './tables/stores.js';

export type * from './tables/activities.js';
export type * from './tables/customers.js';
export type * from './tables/orders.js';
export type * from './tables/postscript.js';
export type * from './tables/review-requests.js';
export type * from './tables/profiles.js';
export type * from './tables/reviews.js';
export type * from './tables/stores.js';

export interface ReviewsSchema extends JobsSchema, AccountsSchema {
  /** Key/value settings (kit's keyring): the generated sealing key when no RAPPORT_SECRET_KEY is configured. */
  settings: SettingsTable;
  stores: StoresTable;
  customers: CustomersTable;
  products: ProductsTable;
  orders: OrdersTable;
  fulfillments: FulfillmentsTable;
  shopify_webhooks: ShopifyWebhooksTable;
  sequences: SequencesTable;
  review_requests: ReviewRequestsTable;
  review_request_products: ReviewRequestProductsTable;
  reviews: ReviewsTable;
  activities: ActivitiesTable;
  postscript_integrations: PostscriptIntegrationsTable;
  postscript_outbox: PostscriptOutboxTable;
  profile_backfills: ProfileBackfillsTable;
}

export type ReviewsDatabase = Database<ReviewsSchema>;
