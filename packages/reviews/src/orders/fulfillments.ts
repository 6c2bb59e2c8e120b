import { fromJson, newId, toJson } from '@rapport/kit';
import type { FulfillmentsTable, ReviewsSchema } from '../db/schema.js';
import { idText, type ShopifyOrderFulfillment } from '../shopify/payloads.js';
import type { FulfillmentFacts } from './timeline.js';
import type { Kysely } from 'kysely';

export const toIsoTime = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/**
 * Stores one fulfilment as Shopify reports it (from `fulfillments/*` or inside an order payload). Keyed by
 * Shopify's order id, so a fulfilment that arrives before its order is kept and counted once the order
 * does. Delivery is sticky: once a fulfilment was reported delivered, an older payload saying otherwise
 * (webhooks are not ordered) does not undo it.
 */
export async function upsertFulfillment(
  db: Kysely<ReviewsSchema>,
  at: Date,
  storeId: string,
  shopifyOrderId: string,
  f: ShopifyOrderFulfillment,
): Promise<void> {
  const now = at.toISOString();
  const shopifyId = idText(f.id);
  const existing = await db
    .selectFrom('fulfillments')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_fulfillment_id', '=', shopifyId)
    .executeTakeFirst();
  const delivered = f.shipment_status === 'delivered';
  const deliveredAt = existing?.delivered_at ?? (delivered ? (toIsoTime(f.updated_at) ?? now) : null);
  const lineItems = f.line_items
    ? toJson(f.line_items.map((li) => ({ id: idText(li.id), quantity: li.quantity })))
    : (existing?.line_items ?? '[]');
  if (!existing) {
    await db
      .insertInto('fulfillments')
      .values({
        id: newId('ful'),
        store_id: storeId,
        shopify_order_id: shopifyOrderId,
        shopify_fulfillment_id: shopifyId,
        status: f.status,
        shipment_status: f.shipment_status ?? null,
        line_items: lineItems,
        fulfilled_at: toIsoTime(f.created_at) ?? now,
        delivered_at: deliveredAt,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return;
  }
  await db
    .updateTable('fulfillments')
    .set({
      status: f.status,
      shipment_status: existing.delivered_at && !delivered ? existing.shipment_status : (f.shipment_status ?? existing.shipment_status),
      line_items: lineItems,
      fulfilled_at: toIsoTime(f.created_at) ?? existing.fulfilled_at,
      delivered_at: deliveredAt,
      updated_at: now,
    })
    .where('id', '=', existing.id)
    .execute();
}

export async function fulfillmentFacts(db: Kysely<ReviewsSchema>, storeId: string, shopifyOrderId: string): Promise<FulfillmentFacts[]> {
  const rows: FulfillmentsTable[] = await db
    .selectFrom('fulfillments')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_order_id', '=', shopifyOrderId)
    .execute();
  return rows.map((r) => ({
    status: r.status,
    lineItems: fromJson<{ id: string; quantity: number }[]>(r.line_items, []),
    fulfilledAt: r.fulfilled_at,
    deliveredAt: r.delivered_at,
  }));
}
