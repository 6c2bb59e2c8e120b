/**
 * Row shapes of the reviews platform's database. Times are ISO-8601 UTC text and booleans 0/1 integers
 * on both dialects (see kit `db/json.ts`); JSON documents live in TEXT columns.
 */
import type { JobsSchema, SettingsTable } from '@rapport/kit';

export interface StoresTable {
  id: string;
  name: string;
  /** Lower-cased Shopify shop domain (`acme.myshopify.com`); unique: webhooks find their store by it. */
  shop_domain: string;
  /** Key of the HMAC Shopify signs webhooks with. */
  webhook_secret: string;
  /** SHA-256 (hex) of the store's merchant API key (`rk_…`), shown once at creation; null for stores created before 0003. */
  api_key_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface CustomersTable {
  id: string;
  store_id: string;
  shopify_customer_id: string | null;
  email: string | null;
  /** E.164 when it could be normalised, else null. */
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  country_code: string | null;
  zone_code: string | null;
  /** Postscript subscriber id once resolved; cleared when Postscript no longer knows it. */
  postscript_subscriber_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductsTable {
  id: string;
  store_id: string;
  shopify_product_id: string;
  title: string;
  image_url: string | null;
  url: string | null;
  created_at: string;
  updated_at: string;
}

export type OrderLineItem = {
  id: string;
  product_id: string | null;
  variant_id: string | null;
  title: string;
  variant_title: string | null;
  sku: string | null;
  quantity: number;
  price: string | null;
};

export interface OrdersTable {
  id: string;
  store_id: string;
  shopify_order_id: string;
  /** Display name, "#1001". */
  name: string;
  order_number: string | null;
  customer_id: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  country_code: string | null;
  zone_code: string | null;
  locale: string | null;
  financial_status: string | null;
  fulfillment_status: string | null;
  cancelled_at: string | null;
  refunded_at: string | null;
  /** When the order became fully fulfilled (the fulfilment that completed it), null while it is not. */
  fulfilled_at: string | null;
  /** When every fulfilment was reported delivered, null while any is not. */
  delivered_at: string | null;
  /** JSON `OrderLineItem[]`. */
  line_items: string;
  created_at: string;
  updated_at: string;
}

export interface FulfillmentsTable {
  id: string;
  store_id: string;
  shopify_order_id: string;
  shopify_fulfillment_id: string;
  status: string;
  shipment_status: string | null;
  /** JSON `{ id: string; quantity: number }[]`: the order line items this fulfilment ships. */
  line_items: string;
  fulfilled_at: string;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShopifyWebhooksTable {
  id: string;
  store_id: string;
  /** `X-Shopify-Webhook-Id`; unique per store so a redelivery has no effect. */
  webhook_id: string;
  topic: string;
  outcome: 'processed' | 'ignored';
  received_at: string;
}

export type SequenceAnchor = 'fulfillment' | 'delivery';
export type SequenceStatus = 'draft' | 'running' | 'stopped';

export interface SequencesTable {
  id: string;
  store_id: string;
  name: string;
  channel: 'postscript';
  wait_days: number;
  anchor: SequenceAnchor;
  status: SequenceStatus;
  started_at: string | null;
  stopped_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ReviewRequestState = 'scheduled' | 'sent' | 'completed' | 'cancelled';
export type DueBasis = 'fulfillment' | 'delivery' | 'delivery_fallback';

export interface ReviewRequestsTable {
  id: string;
  store_id: string;
  sequence_id: string;
  order_id: string;
  customer_id: string;
  /** Opaque random token in the review URL; possession of it makes a review "verified buyer". */
  token: string;
  state: ReviewRequestState;
  fulfilled_at: string;
  delivered_at: string | null;
  due_at: string;
  due_basis: DueBasis;
  /** Bumped each time due_at moves; part of the due job's dedupe key. */
  due_version: number;
  sent_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReviewRequestProductsTable {
  id: string;
  review_request_id: string;
  position: number;
  shopify_product_id: string;
  shopify_variant_id: string | null;
  product_title: string;
  variant_title: string | null;
  sku: string | null;
  review_id: string | null;
  reviewed_at: string | null;
}

export type Sentiment = 'positive' | 'negative' | 'neutral' | 'mixed';

export interface ReviewsTable {
  id: string;
  store_id: string;
  customer_id: string;
  review_request_id: string | null;
  order_id: string | null;
  shopify_product_id: string;
  shopify_variant_id: string | null;
  product_title: string;
  variant_title: string | null;
  sku: string | null;
  rating: number;
  title: string | null;
  body: string;
  is_recommended: number;
  sentiment: Sentiment;
  reviewer_display_name: string;
  reviewer_full_name: string | null;
  country_code: string | null;
  zone_code: string | null;
  language_code: string;
  source: string;
  verified: number;
  photo_count: number;
  video_count: number;
  created_at: string;
}

export type IntegrationStatus = 'connected' | 'needs_attention';

export interface PostscriptIntegrationsTable {
  store_id: string;
  /** The shop's private key (`sk_…`) sealed with AES-256-GCM (kit `seal`); never stored in clear. */
  private_key_sealed: string;
  /** Which key sealed it: `config:<fingerprint>` (RAPPORT_SECRET_KEY) or `settings:v1` (generated, in `settings`). */
  sealing_key_id: string;
  /** The key masked for display (`sk_…wxyz`). */
  private_key_hint: string;
  api_url: string;
  shop_id: string;
  shop_name: string;
  trigger_id: string;
  status: IntegrationStatus;
  status_reason: string | null;
  connected_at: string;
  updated_at: string;
}

export type OutboxKind = 'event' | 'trigger' | 'profile';
export type OutboxState = 'pending' | 'delivered' | 'skipped' | 'failed';

export interface PostscriptOutboxTable {
  id: string;
  store_id: string;
  /** Customer whose calls must reach Postscript in order. */
  customer_id: string;
  kind: OutboxKind;
  /** Event type, trigger name, or "profile". */
  name: string;
  /** JSON of what is sent (the subscriber id is added at delivery). */
  payload: string;
  /** Unique: one domain fact yields one row; also sent to Postscript (`external_id`, `Idempotency-Key`). */
  external_id: string;
  /** Order within the writing transaction (ties on created_at). */
  seq: number;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  /** Why a row was skipped: not_a_subscriber, not_connected, invalid_properties. */
  skip_reason: string | null;
  /** Last response from Postscript (status and body, truncated). */
  response: string | null;
  /** Times the row was replayed from the delivery log; part of the delivery job's dedupe key. */
  replays: number;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

export interface ReviewsSchema extends JobsSchema {
  /** Key/value settings; holds the generated sealing key when no RAPPORT_SECRET_KEY is configured. */
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
  postscript_integrations: PostscriptIntegrationsTable;
  postscript_outbox: PostscriptOutboxTable;
}
