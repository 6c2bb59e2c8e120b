/**
 * Builds realistic Shopify webhook payloads (REST shapes, as Shopify sends them) and signs them, for tests,
 * the demo and end-to-end walkthroughs. Only the fields Rapport reads are filled in, plus a few that make
 * the payloads look like the real thing. Timestamps are only set when `at` is given; without them the
 * receiver uses its own clock, which keeps tests on a frozen clock deterministic.
 */
import { randomUUID } from 'node:crypto';
import type { ShopifyCustomer, ShopifyFulfillment, ShopifyOrder, ShopifyOrderFulfillment, ShopifyRefund } from '../shopify/payloads.js';
import { signShopifyWebhook } from '../shopify/verify.js';

export { signShopifyWebhook };

let counter = 0;
/** Shopify-looking 64-bit-ish ids, unique within the process. */
function nextId(base: number): number {
  counter += 1;
  return base + counter;
}

export interface LineItemInput {
  id?: number;
  /** null makes a custom (non-catalog) item that cannot be reviewed. */
  productId?: number | null;
  variantId?: number | null;
  title?: string;
  variantTitle?: string | null;
  sku?: string | null;
  quantity?: number;
  price?: string;
}

export interface CustomerInput {
  id?: number;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  countryCode?: string;
  provinceCode?: string;
}

export interface OrderInput {
  id?: number;
  /** Order number; the name is `#<number>`. */
  number?: number;
  email?: string | null;
  phone?: string | null;
  /** null = guest checkout without a customer record. */
  customer?: CustomerInput | null;
  firstName?: string;
  lastName?: string;
  countryCode?: string;
  provinceCode?: string;
  /** Default "paid". */
  financialStatus?: string | null;
  /** Default null, or "fulfilled" when `fulfilled` is set. */
  fulfillmentStatus?: string | null;
  /** Adds one successful fulfilment covering every line item (optionally delivered). */
  fulfilled?: boolean | { id?: number; at?: Date; shipmentStatus?: string | null };
  fulfillments?: ShopifyOrderFulfillment[];
  cancelledAt?: Date | null;
  lineItems?: LineItemInput[];
  locale?: string;
  at?: Date;
}

export function lineItemPayload(input: LineItemInput = {}): ShopifyOrder['line_items'][number] {
  return {
    id: input.id ?? nextId(466157049000),
    product_id: input.productId === undefined ? nextId(632910392000) : input.productId,
    variant_id: input.variantId === undefined ? nextId(808950810000) : input.variantId,
    title: input.title ?? 'Linen Shirt',
    variant_title: input.variantTitle === undefined ? 'Blue / M' : input.variantTitle,
    sku: input.sku === undefined ? 'LIN-BLU-M' : input.sku,
    quantity: input.quantity ?? 1,
    price: input.price ?? '49.00',
  };
}

export function customerPayload(input: CustomerInput = {}): ShopifyCustomer {
  const address =
    input.countryCode !== undefined || input.provinceCode !== undefined
      ? { country_code: input.countryCode ?? null, province_code: input.provinceCode ?? null }
      : null;
  return {
    id: input.id ?? nextId(115310627000),
    email: input.email === undefined ? 'jane.doe@example.com' : input.email,
    phone: input.phone === undefined ? '+15555550123' : input.phone,
    first_name: input.firstName === undefined ? 'Jane' : input.firstName,
    last_name: input.lastName === undefined ? 'Doe' : input.lastName,
    default_address: address,
  };
}

export function orderPayload(input: OrderInput = {}): ShopifyOrder {
  const number = input.number ?? 1000 + (counter % 9000) + 1;
  const lineItems = (input.lineItems ?? [{}]).map(lineItemPayload);
  const customer = input.customer === null ? null : customerPayload(input.customer ?? {});
  const fulfillments = [...(input.fulfillments ?? [])];
  if (input.fulfilled) {
    const f = input.fulfilled === true ? {} : input.fulfilled;
    fulfillments.push({
      id: f.id ?? nextId(255858046000),
      status: 'success',
      shipment_status: f.shipmentStatus ?? null,
      ...(f.at ? { created_at: f.at.toISOString(), updated_at: f.at.toISOString() } : {}),
      line_items: lineItems.map((li) => ({ id: li.id, quantity: li.quantity })),
    });
  }
  const address = {
    first_name: input.firstName ?? customer?.first_name ?? 'Jane',
    last_name: input.lastName ?? customer?.last_name ?? 'Doe',
    phone: input.phone === undefined ? (customer?.phone ?? null) : input.phone,
    country_code: input.countryCode ?? 'US',
    province_code: input.provinceCode ?? 'CA',
  };
  return {
    id: input.id ?? nextId(450789469000),
    name: `#${number}`,
    order_number: number,
    email: input.email === undefined ? (customer?.email ?? null) : input.email,
    phone: input.phone === undefined ? (customer?.phone ?? null) : input.phone,
    customer,
    billing_address: address,
    shipping_address: address,
    financial_status: input.financialStatus === undefined ? 'paid' : input.financialStatus,
    fulfillment_status: input.fulfillmentStatus !== undefined ? input.fulfillmentStatus : input.fulfilled ? 'fulfilled' : null,
    cancelled_at: input.cancelledAt ? input.cancelledAt.toISOString() : null,
    customer_locale: input.locale ?? 'en',
    ...(input.at ? { created_at: input.at.toISOString(), updated_at: input.at.toISOString() } : {}),
    line_items: lineItems,
    fulfillments,
  };
}

export interface FulfillmentInput {
  /** The order (payload or id) this fulfilment ships. */
  order: ShopifyOrder | number;
  id?: number;
  /** Default "success". */
  status?: string;
  /** e.g. "in_transit", "delivered"; default null. */
  shipmentStatus?: string | null;
  /** Line items shipped; default every line item of the order (needs the order payload). */
  lineItems?: { id: number | string; quantity: number }[];
  at?: Date;
  updatedAt?: Date;
}

export function fulfillmentPayload(input: FulfillmentInput): ShopifyFulfillment {
  const order = typeof input.order === 'number' ? null : input.order;
  const orderId = typeof input.order === 'number' ? input.order : input.order.id;
  const lineItems = input.lineItems ?? (order ? order.line_items.map((li) => ({ id: li.id, quantity: li.quantity })) : []);
  const updated = input.updatedAt ?? input.at;
  return {
    id: input.id ?? nextId(255858046000),
    order_id: orderId,
    status: input.status ?? 'success',
    shipment_status: input.shipmentStatus ?? null,
    ...(input.at ? { created_at: input.at.toISOString() } : {}),
    ...(updated ? { updated_at: updated.toISOString() } : {}),
    line_items: lineItems,
  };
}

export interface RefundInput {
  order: ShopifyOrder | number;
  id?: number;
  lineItems?: { lineItemId: number | string; quantity: number }[];
  at?: Date;
}

export function refundPayload(input: RefundInput): ShopifyRefund {
  const orderId = typeof input.order === 'number' ? input.order : input.order.id;
  return {
    id: input.id ?? nextId(509562969000),
    order_id: orderId,
    ...(input.at ? { created_at: input.at.toISOString() } : {}),
    refund_line_items: (input.lineItems ?? []).map((li) => ({ line_item_id: li.lineItemId, quantity: li.quantity })),
  };
}

export interface WebhookRequestInput {
  secret: string;
  shopDomain: string;
  topic: string;
  payload: unknown;
  /** Default a fresh UUID; reuse one to simulate Shopify redelivering the same webhook. */
  webhookId?: string;
  /** Override the signature (e.g. to test a forged one); default the correct signature. */
  signature?: string | null;
}

/** A request for `POST /webhooks/shopify`, usable with Fastify's `inject` or (headers + body) with fetch. */
export function webhookRequest(input: WebhookRequestInput): {
  method: 'POST';
  url: '/webhooks/shopify';
  headers: Record<string, string>;
  body: string;
  payload: string;
} {
  const body = typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': input.topic,
    'x-shopify-shop-domain': input.shopDomain,
    'x-shopify-webhook-id': input.webhookId ?? randomUUID(),
    'x-shopify-api-version': '2025-01',
  };
  const signature = input.signature === undefined ? signShopifyWebhook(input.secret, body) : input.signature;
  if (signature !== null) headers['x-shopify-hmac-sha256'] = signature;
  return { method: 'POST', url: '/webhooks/shopify', headers, body, payload: body };
}

export const shopifyTestKit = {
  signShopifyWebhook,
  orderPayload,
  lineItemPayload,
  customerPayload,
  fulfillmentPayload,
  refundPayload,
  webhookRequest,
};
