/** The Orders screen's reads: a store's orders with their review-request status (orders/review-status.ts). */
import { NotFound } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { OrdersTable, ReviewRequestsTable, ReviewsSchema } from '../db/schema.js';
import type { OrderDetailView, OrderView } from '../schemas/orders.js';
import { orderLineItems } from './orders.js';
import { orderFacts, orderReviewStatus, requestStatus, type SequenceFacts } from './review-status.js';

const fullName = (first: string | null, last: string | null): string | null => [first, last].filter(Boolean).join(' ') || null;

function orderView(order: OrdersTable, requests: ReviewRequestsTable[], sequences: SequenceFacts[]): OrderView {
  return {
    order_id: order.id,
    name: order.name,
    order_number: order.order_number,
    customer_id: order.customer_id,
    customer_name: fullName(order.first_name, order.last_name),
    email: order.email,
    phone: order.phone,
    financial_status: order.financial_status,
    fulfillment_status: order.fulfillment_status,
    fulfilled_at: order.fulfilled_at,
    delivered_at: order.delivered_at,
    cancelled_at: order.cancelled_at,
    refunded_at: order.refunded_at,
    created_at: order.created_at,
    review_request: orderReviewStatus(orderFacts(order, orderLineItems(order)), order.customer_id !== null, requests, sequences),
  };
}

async function storeSequences(db: Kysely<ReviewsSchema>, storeId: string): Promise<SequenceFacts[]> {
  const rows = await db.selectFrom('sequences').select(['status', 'started_at']).where('store_id', '=', storeId).execute();
  return rows.map((s) => ({ status: s.status, startedAt: s.started_at }));
}

async function requestsByOrder(db: Kysely<ReviewsSchema>, orderIds: string[]): Promise<Map<string, ReviewRequestsTable[]>> {
  const byOrder = new Map<string, ReviewRequestsTable[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await db.selectFrom('review_requests').selectAll().where('order_id', 'in', orderIds).execute();
  for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
  return byOrder;
}

/** A store's orders, newest first, each with its review-request status. */
export async function listOrderViews(
  db: Kysely<ReviewsSchema>,
  storeId: string,
  filter: { customerId?: string; limit: number },
): Promise<OrderView[]> {
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .$if(filter.customerId !== undefined, (q) => q.where('customer_id', '=', filter.customerId as string))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  const [requests, sequences] = await Promise.all([
    requestsByOrder(
      db,
      orders.map((o) => o.id),
    ),
    storeSequences(db, storeId),
  ]);
  return orders.map((o) => orderView(o, requests.get(o.id) ?? [], sequences));
}

/** One order with its line items and every request; NotFound naming `order_id`. */
export async function requireOrderDetail(db: Kysely<ReviewsSchema>, storeId: string, orderId: string): Promise<OrderDetailView> {
  const order = await db.selectFrom('orders').selectAll().where('store_id', '=', storeId).where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new NotFound(`no order ${orderId} in store ${storeId}`, ['path', 'order_id']);
  const [requests, sequences] = await Promise.all([requestsByOrder(db, [order.id]), storeSequences(db, storeId)]);
  const mine = (requests.get(order.id) ?? []).sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  return {
    ...orderView(order, mine, sequences),
    line_items: orderLineItems(order).map((li) => ({
      product_id: li.product_id,
      title: li.title,
      variant_title: li.variant_title,
      quantity: li.quantity,
    })),
    review_requests: mine.map(requestStatus),
  };
}
