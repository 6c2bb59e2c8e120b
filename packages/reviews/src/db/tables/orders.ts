/** Orders and fulfilments as Shopify reports them, and the webhooks received (for de-duplication). */

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
