import { NotFound, fromJson, newId, toJson, trimToNull } from '@rapport/kit';
import { upsertCustomer } from '../customers/customers.js';
import { toE164 } from '../customers/phone.js';
import type { OrderLineItem, OrdersTable, ReviewsSchema } from '../db/schema.js';
import { upsertProduct } from '../products/products.js';
import { idText, type ShopifyFulfillment, type ShopifyOrder, type ShopifyRefund } from '../shopify/payloads.js';
import { fulfillmentFacts, toIsoTime, upsertFulfillment } from './fulfillments.js';
import { isRefundStatus } from './refunds.js';
import { orderTimeline } from './timeline.js';
import type { Kysely } from 'kysely';

const text = trimToNull;

export async function requireOrder(db: Kysely<ReviewsSchema>, orderId: string): Promise<OrdersTable> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!row) throw new NotFound(`no order ${orderId}`);
  return row;
}

export const orderLineItems = (order: OrdersTable): OrderLineItem[] => fromJson<OrderLineItem[]>(order.line_items, []);

/**
 * Applies an order payload (every `orders/*` topic carries the whole order): the customer, the products
 * it mentions, its fulfilments, and the order row itself. Cancellation and refunds are sticky, so an
 * older payload delivered late cannot make a cancelled order eligible again. Returns the order id.
 */
export async function ingestOrder(db: Kysely<ReviewsSchema>, at: Date, storeId: string, p: ShopifyOrder): Promise<string> {
  const now = at.toISOString();
  const shopifyOrderId = idText(p.id);
  const address = p.shipping_address ?? p.billing_address ?? p.customer?.default_address ?? null;
  const countryCode = text(address?.country_code) ?? text(p.billing_address?.country_code);
  const zoneCode = text(address?.province_code) ?? text(p.billing_address?.province_code);
  const email = text(p.email) ?? text(p.customer?.email);
  const rawPhone = text(p.phone) ?? text(p.customer?.phone) ?? text(p.shipping_address?.phone) ?? text(p.billing_address?.phone);
  const firstName = text(p.customer?.first_name) ?? text(p.shipping_address?.first_name) ?? text(p.billing_address?.first_name);
  const lastName = text(p.customer?.last_name) ?? text(p.shipping_address?.last_name) ?? text(p.billing_address?.last_name);

  const hasIdentity = p.customer?.id !== undefined || email !== null || rawPhone !== null;
  const customer = hasIdentity
    ? await upsertCustomer(db, at, storeId, {
        shopifyCustomerId: p.customer ? idText(p.customer.id) : null,
        email,
        phone: rawPhone,
        firstName,
        lastName,
        countryCode,
        zoneCode,
      })
    : null;

  const lineItems: OrderLineItem[] = p.line_items.map((li) => ({
    id: idText(li.id),
    product_id: li.product_id === undefined || li.product_id === null ? null : idText(li.product_id),
    variant_id: li.variant_id === undefined || li.variant_id === null ? null : idText(li.variant_id),
    title: li.title,
    variant_title: text(li.variant_title),
    sku: text(li.sku),
    quantity: li.quantity,
    price: li.price === undefined || li.price === null ? null : String(li.price),
  }));
  for (const li of lineItems) if (li.product_id) await upsertProduct(db, at, storeId, li.product_id, li.title);

  const existing = await db
    .selectFrom('orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirst();
  const refundedNow = isRefundStatus(p.financial_status);
  const fields = {
    name: p.name,
    order_number: p.order_number === undefined ? (existing?.order_number ?? null) : String(p.order_number),
    customer_id: customer?.id ?? existing?.customer_id ?? null,
    email: email?.toLowerCase() ?? existing?.email ?? null,
    phone: toE164(rawPhone, countryCode) ?? existing?.phone ?? null,
    first_name: firstName ?? existing?.first_name ?? null,
    last_name: lastName ?? existing?.last_name ?? null,
    country_code: countryCode?.toUpperCase() ?? existing?.country_code ?? null,
    zone_code: zoneCode?.toUpperCase() ?? existing?.zone_code ?? null,
    locale: text(p.customer_locale) ?? existing?.locale ?? null,
    financial_status: text(p.financial_status) ?? existing?.financial_status ?? null,
    fulfillment_status: p.fulfillment_status === undefined ? (existing?.fulfillment_status ?? null) : text(p.fulfillment_status),
    cancelled_at: existing?.cancelled_at ?? toIsoTime(p.cancelled_at),
    refunded_at: existing?.refunded_at ?? (refundedNow ? (toIsoTime(p.updated_at) ?? now) : null),
    line_items: toJson(lineItems),
    updated_at: now,
  };
  let orderId: string;
  if (existing) {
    orderId = existing.id;
    await db.updateTable('orders').set(fields).where('id', '=', orderId).execute();
  } else {
    orderId = newId('ord');
    await db
      .insertInto('orders')
      .values({
        id: orderId,
        store_id: storeId,
        shopify_order_id: shopifyOrderId,
        fulfilled_at: null,
        delivered_at: null,
        created_at: now,
        ...fields,
      })
      .execute();
  }
  for (const f of p.fulfillments ?? []) await upsertFulfillment(db, at, storeId, shopifyOrderId, f);
  await refreshTimeline(db, at, orderId);
  return orderId;
}

/** `fulfillments/create|update`. Returns the order id when the order is already known. */
export async function ingestFulfillment(
  db: Kysely<ReviewsSchema>,
  at: Date,
  storeId: string,
  p: ShopifyFulfillment,
): Promise<string | null> {
  const shopifyOrderId = idText(p.order_id);
  await upsertFulfillment(db, at, storeId, shopifyOrderId, p);
  const order = await db
    .selectFrom('orders')
    .select('id')
    .where('store_id', '=', storeId)
    .where('shopify_order_id', '=', shopifyOrderId)
    .executeTakeFirst();
  if (!order) return null;
  await refreshTimeline(db, at, order.id);
  return order.id;
}

/**
 * `refunds/create`: any refund makes the order ineligible for a review request (Okendo: "the order being
 * cancelled or refunded"). A refund for an order not seen yet is dropped; the order's own payload will
 * then carry `financial_status: refunded|partially_refunded`, which counts the same.
 */
export async function ingestRefund(db: Kysely<ReviewsSchema>, at: Date, storeId: string, p: ShopifyRefund): Promise<string | null> {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'refunded_at'])
    .where('store_id', '=', storeId)
    .where('shopify_order_id', '=', idText(p.order_id))
    .executeTakeFirst();
  if (!order) return null;
  if (!order.refunded_at) {
    const now = at.toISOString();
    await db
      .updateTable('orders')
      .set({ refunded_at: toIsoTime(p.created_at) ?? now, updated_at: now })
      .where('id', '=', order.id)
      .execute();
  }
  return order.id;
}

/** Recomputes fulfilled_at / delivered_at from the stored fulfilments. */
export async function refreshTimeline(db: Kysely<ReviewsSchema>, at: Date, orderId: string): Promise<OrdersTable> {
  const order = await requireOrder(db, orderId);
  const timeline = orderTimeline({
    lineItems: orderLineItems(order),
    fulfillmentStatus: order.fulfillment_status,
    fulfillments: await fulfillmentFacts(db, order.store_id, order.shopify_order_id),
    previousFulfilledAt: order.fulfilled_at,
    now: at,
  });
  if (timeline.fulfilledAt === order.fulfilled_at && timeline.deliveredAt === order.delivered_at) return order;
  await db
    .updateTable('orders')
    .set({ fulfilled_at: timeline.fulfilledAt, delivered_at: timeline.deliveredAt })
    .where('id', '=', orderId)
    .execute();
  return { ...order, fulfilled_at: timeline.fulfilledAt, delivered_at: timeline.deliveredAt };
}
